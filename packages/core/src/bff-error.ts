import type { MigrationErrorCode, ProblemDetails } from "@wa-migrate/contracts";

/**
 * Any failure talking to the BFF: the contracts error `code` (from the problem+json body, or
 * `bff_unreachable` when no answer came), the HTTP status when there was one, the problem details
 * as sent, and the original failure as `cause`. The one error class of the BFF client.
 *
 * @example
 * try { await client.createMigration({ code }); }
 * catch (error) { if (error instanceof BffError && error.code === "code_expired") restartSignup(); }
 */
export class BffError extends Error {
  override readonly name = "BffError";
  // Declared, not defined: the constructor sets each once (no field first defined as undefined).
  declare readonly code: MigrationErrorCode;
  declare readonly status: number | null;
  declare readonly retryable: boolean;
  declare readonly problem: ProblemDetails | null;

  constructor(
    code: MigrationErrorCode,
    message: string,
    init: {
      status?: number | null;
      retryable?: boolean;
      problem?: ProblemDetails | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: init.cause });
    this.code = code;
    this.status = init.status ?? null;
    this.retryable = init.retryable ?? init.problem?.retryable ?? false;
    this.problem = init.problem ?? null;
  }
}
