import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";

/**
 * Turns a Graph failure during a request into the HTTP error the browser gets.
 *
 * @example
 * try { await graph.exchangeCode(code) } catch (e) { throw requestError(e) }
 */
export function requestError(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  return new BffError(errorCodeOfGraph(error), { graph: error.toRef(), cause: error });
}
