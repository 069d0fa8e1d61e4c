import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import { requestError } from "./request-error.js";
import type { BffRuntime } from "./runtime.js";

/** Meta refused the code itself (#100): expired, used, or not a code at all. Never a 5xx. */
function exchangeError(error: unknown): unknown {
  if (!(error instanceof GraphError) || error.body?.code !== 100) return requestError(error);
  const code = errorCodeOfGraph(error);
  if (code === "code_used" || code === "code_expired") return requestError(error);
  return new BffError("validation_failed", {
    detail: "Meta refused the Embedded Signup code.",
    errors: [{ path: "code", message: error.body.message }],
    graph: error.toRef(),
    cause: error,
  });
}

/**
 * Exchanges the Embedded Signup code for the business token (the code lives 30 s and works once,
 * so this is the first thing `POST /migrations` does). The code and the token are added to the
 * log's secrets; Meta's refusals become the request's errors (`code_used`, `code_expired`,
 * `validation_failed` on `code`).
 *
 * @example
 * const token = await exchangeCode(rt, body.code);
 */
export async function exchangeCode(rt: BffRuntime, code: string): Promise<string> {
  // The code is a credential for 30 s: keep it out of every log line.
  rt.log.addSecret(code);
  try {
    const { access_token: token } = await rt.graph.exchangeCode(code);
    rt.log.addSecret(token);
    return token;
  } catch (error) {
    throw exchangeError(error);
  }
}
