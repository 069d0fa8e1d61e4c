import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import { requestError } from "./request-error.js";
import type { BffRuntime } from "./runtime.js";

/**
 * Meta refused the code itself (#100): expired, used, not a code at all, or (36008) bound to
 * another `redirect_uri` than the one given. Never a 5xx.
 */
function exchangeError(error: unknown): unknown {
  if (!(error instanceof GraphError) || error.body?.code !== 100) return requestError(error);
  const code = errorCodeOfGraph(error);
  if (code === "code_used" || code === "code_expired") return requestError(error);
  const path = error.body.error_subcode === 36008 ? "redirectUri" : "code";
  return new BffError("validation_failed", {
    detail: "Meta refused the Embedded Signup code.",
    errors: [{ path, message: error.body.message }],
    graph: error.toRef(),
    cause: error,
  });
}

/**
 * Exchanges the Embedded Signup code for the business token (the code lives 30 s and works once,
 * so this is the first thing `POST /migrations` does). The token is added to the log's secrets,
 * and so is the code when Meta did not answer (it may still work); Meta's refusals become the
 * request's errors (`code_used`, `code_expired`, `validation_failed` on `code` or `redirectUri`).
 * `redirectUri` is the Login dialog's, for a code from the full-page fallback.
 *
 * @example
 * const token = await exchangeCode(rt, body.code);
 */
export async function exchangeCode(
  rt: BffRuntime,
  code: string,
  redirectUri?: string,
): Promise<string> {
  try {
    const { access_token: token } = await rt.graph.exchangeCode(code, redirectUri);
    rt.log.addSecret(token);
    return token;
  } catch (error) {
    // Only a code Meta neither took nor refused is still a credential. Registering whatever a
    // caller posts would let it blank out ordinary words (error codes, step names) in every
    // later log line.
    if (!(error instanceof GraphError) || error.transient) rt.log.addSecret(code);
    throw exchangeError(error);
  }
}
