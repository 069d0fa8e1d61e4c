import {
  ERROR_CATALOG,
  type GraphErrorRef,
  type MigrationError,
  type MigrationErrorCode,
} from "@wa-migrate/contracts";

/** Extra facts a {@link BffError} may carry to the problem+json body. */
export interface BffErrorDetails {
  /** What exactly happened (never a secret). Defaults to the catalog message. */
  detail?: string;
  /** Meta's error reference when the cause was a Graph call. */
  graph?: GraphErrorRef;
  /** Field problems for `validation_failed`. */
  errors?: { path: string; message: string }[];
  /** When trying again can work (ISO 8601), for a step's error: a rate limit's end. */
  retryAt?: string;
  cause?: unknown;
}

/**
 * The one error class of the BFF layer: a stable code from `ERROR_CATALOG`, sent as problem+json.
 *
 * @example
 * throw new BffError("not_found", { detail: "No migration mig_1." });
 */
export class BffError extends Error {
  override readonly name = "BffError";
  readonly code: MigrationErrorCode;
  readonly detail: string | undefined;
  readonly graph: GraphErrorRef | undefined;
  readonly errors: { path: string; message: string }[] | undefined;
  readonly retryAt: string | undefined;

  constructor(code: MigrationErrorCode, details: BffErrorDetails = {}) {
    super(details.detail ?? ERROR_CATALOG[code].message, { cause: details.cause });
    this.code = code;
    this.detail = details.detail;
    this.graph = details.graph;
    this.errors = details.errors;
    this.retryAt = details.retryAt;
  }

  /** HTTP status from the catalog. */
  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }

  /** The stored/streamed form of this error. */
  toMigrationError(): MigrationError {
    const error = migrationError(this.code, this.graph, this.detail);
    return this.retryAt ? { ...error, retryAt: this.retryAt } : error;
  }
}

/**
 * A {@link MigrationError} for `code`, with the catalog's message and remedy.
 *
 * @example
 * migrationError("pin_mismatch", { code: 133005, fbtraceId: "Az8" });
 */
export function migrationError(
  code: MigrationErrorCode,
  graph?: GraphErrorRef,
  detail?: string,
): MigrationError {
  const entry = ERROR_CATALOG[code];
  return {
    code,
    message: detail ?? entry.message,
    remedy: entry.remedy,
    retryable: entry.retryable,
    ...(graph ? { graph } : {}),
  };
}
