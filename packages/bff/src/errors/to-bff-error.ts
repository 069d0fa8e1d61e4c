import type { MigrationErrorCode } from "@wa-migrate/contracts";
import { HTTPException } from "hono/http-exception";
import { SecretBoxError } from "../crypto/secret-box.js";
import { StoreError } from "../store/store-error.js";
import { BffError } from "./bff-error.js";

/**
 * Catalog codes for the statuses of Hono's `HTTPException`, the usual way a Hono auth middleware
 * (`bearerAuth`, `jwt`) refuses a request: 401 when it does not know the caller, 403 when it knows
 * them and refuses (a portal role without access to migrations), which the customer must not read
 * as "sign in again".
 */
const HTTP_EXCEPTION_CODES: Readonly<Record<number, MigrationErrorCode>> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * Any error thrown while serving a request, as the {@link BffError} the answer is made of: a
 * `BffError` as it is, an unreachable journal as `store_unavailable`, a stored secret sealed with a
 * key this server lacks as `unknown_key_id` (as a step reports it), an `HTTPException` thrown by
 * the partner's `authorize` hook (or anything else in Hono) by its status (its message is the
 * partner's text and stays out of the answer), everything else as `internal_error`.
 *
 * @example
 * app.onError((error, c) => problemResponse(toBffError(error), c.req.path));
 */
export function toBffError(error: unknown): BffError {
  if (error instanceof BffError) return error;
  // A journal that cannot be reached is the operator's to fix, not a bug: say so.
  if (error instanceof StoreError && error.kind === "unavailable")
    return new BffError("store_unavailable", { cause: error });
  // A missing old key is configuration, not a bug: retrying cannot help, adding the key does. A
  // secret that does not open (`corrupt`) stays `internal_error`, as `stepFailure` reports it.
  if (error instanceof SecretBoxError && error.reason === "unknown_key_id")
    return new BffError("unknown_key_id", { cause: error });
  if (error instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[error.status];
    if (code) return new BffError(code, { cause: error });
  }
  return new BffError("internal_error", { cause: error });
}

/**
 * Headers of an `HTTPException`'s own response worth keeping on the problem answer
 * (`WWW-Authenticate` of an auth middleware, `Retry-After`).
 *
 * @example
 * for (const [name, value] of passedHeaders(error)) response.headers.set(name, value);
 */
export function passedHeaders(error: unknown): [string, string][] {
  if (!(error instanceof HTTPException) || !error.res) return [];
  return ["www-authenticate", "retry-after"].flatMap((name) => {
    const value = error.res?.headers.get(name);
    return value ? [[name, value] as [string, string]] : [];
  });
}
