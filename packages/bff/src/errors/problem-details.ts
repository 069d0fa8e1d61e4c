import {
  ERROR_CATALOG,
  PROBLEM_JSON,
  PROBLEM_TYPE_BASE,
  type ProblemDetails,
} from "@wa-migrate/contracts";
import type { BffError } from "./bff-error.js";

/**
 * The RFC 9457 body of a {@link BffError}: never a secret, only the code, catalog texts, the detail
 * the BFF wrote itself, and Meta's error reference.
 *
 * @example
 * c.body(JSON.stringify(problemDetails(error, "/migrations", requestId)), error.status, { "content-type": PROBLEM_JSON });
 */
export function problemDetails(
  error: BffError,
  instance?: string,
  requestId?: string,
): ProblemDetails {
  const entry = ERROR_CATALOG[error.code];
  return {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: entry.message,
    status: entry.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    remedy: entry.remedy,
    retryable: entry.retryable,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.graph ? { graph: error.graph } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/**
 * A problem+json `Response` for `error`.
 *
 * @example
 * return problemResponse(new BffError("not_found"));
 */
export function problemResponse(error: BffError, instance?: string, requestId?: string): Response {
  return new Response(JSON.stringify(problemDetails(error, instance, requestId)), {
    status: ERROR_CATALOG[error.code].status,
    headers: { "content-type": PROBLEM_JSON },
  });
}
