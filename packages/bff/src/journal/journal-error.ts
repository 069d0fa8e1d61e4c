/**
 * The journal's own failures, each a code of the contracts' `ERROR_CATALOG`.
 *
 * @example
 * const code: JournalErrorCode = "schema_too_new";
 * ERROR_CATALOG[code].remedy; // "Upgrade @wa-migrate/bff to the version that migrated the database."
 */
export type JournalErrorCode = "store_unavailable" | "schema_too_new" | "unknown_key_id";

/**
 * The one error class of the journal layer. The original driver error is kept as `cause`; the
 * message never contains a connection string's password or a secret.
 *
 * @example
 * try { await openJournalStore({ databaseUrl }); }
 * catch (error) { if (error instanceof JournalError && error.code === "store_unavailable") retryLater(); }
 */
export class JournalError extends Error {
  override readonly name = "JournalError";
  readonly code: JournalErrorCode;

  constructor(code: JournalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether a driver error means "cannot reach the database" rather than a bad statement. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    // Node socket errors, and PostgreSQL classes 08 (connection) and 57P (shutdown / cannot connect now).
    if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|EPIPE)$/.test(code)) {
      return true;
    }
    if (code.startsWith("08") || code.startsWith("57P") || code === "3D000" || code === "28000") {
      return true;
    }
  }
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(
    error.message,
  );
}

/**
 * Removes the password from a connection string so it can appear in a message: the one in the
 * user-info part and any query parameter that holds one (`pg` reads every query parameter as a
 * connection setting, so `?password=` and `?sslpassword=` work as well as `user:password@`).
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const name of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(name)) parsed.searchParams.set(name, "***");
    }
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
