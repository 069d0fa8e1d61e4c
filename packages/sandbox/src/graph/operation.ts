import type { Sandbox } from "../engine/sandbox.js";
import type { Params } from "./params.js";

/** What an operation's handler gets. */
export interface OperationContext {
  sandbox: Sandbox;
  request: Request;
  method: string;
  params: Params;
  /** The node id of `/{id}` or `/{id}/{edge}` routes. */
  nodeId: string;
  /** The token sent (Bearer header or `access_token`), if any. */
  tokenValue: string | undefined;
}

/** A handler's answer; errors are thrown as `GraphError`. */
export interface GraphResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One Graph operation. `name` is Meta's OpenAPI operationId where Meta has one (see the README's
 * operation table); `usage` names the rate-limit bucket (a WABA, or the partner's credit APIs).
 *
 * @example
 * const op: Operation = { name: "debugToken", run: () => ({ body: { data: {} } }) };
 */
export interface Operation {
  name: string;
  usage?: (
    ctx: OperationContext,
  ) => { kind: "waba"; id: string } | { kind: "credit"; id: string } | undefined;
  run: (ctx: OperationContext) => GraphResult | Promise<GraphResult>;
  /**
   * What a request that reached the operation still changes when an injected fault answers
   * instead (Meta counts every register request, facts §3.9). Not called for faults Graph
   * answers before the operation: platform throttles and invalid tokens.
   */
  onFault?: (ctx: OperationContext) => void;
}
