import { setTimeout as sleep } from "node:timers/promises";
import { maskParams } from "../engine/call-log.js";
import type { Sandbox } from "../engine/sandbox.js";
import { FAULTS_BEFORE_OPERATION, type FaultCode } from "../faults/fault-config.js";
import { apiError, GraphError, graphHttpStatus } from "./graph-error.js";
import type { GraphResult, Operation, OperationContext } from "./operation.js";
import { type Params, readParams, tokenOf } from "./params.js";
import { routeGraph } from "./route-graph.js";
import { appUsageHeader, chargeUsage } from "./usage-headers.js";

/**
 * Answers that stand for a dropped connection. A set rather than a header: reading a response's
 * headers would make the node server rebuild them, on every request.
 */
export const DROPPED = new WeakSet<Response>();

const VERSION = /^v\d{1,2}\.\d$/;

function faultError(code: number, subcode: number | undefined): GraphError {
  if (code === 190) {
    return new GraphError({
      code: 190,
      subcode: subcode ?? 463,
      type: "OAuthException",
      message: "Error validating access token: Session has expired.",
    });
  }
  return apiError(code, subcode === undefined ? {} : { subcode });
}

/** A path segment, decoded when it is valid percent-encoding (a bad one is kept as sent). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function hold(request: Request, ms: number): Promise<void> {
  if (request.signal.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    request.signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Serves one Graph request: version prefix, params, routing, faults, rate limits, the operation,
 * Graph's headers and error envelope, and the call log. Unexpected failures become Graph's
 * code 1 answer, never a stack trace.
 *
 * @example
 * app.all("*", (c) => handleGraphRequest(sandbox, c.req.raw));
 */
export async function handleGraphRequest(sandbox: Sandbox, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const segments = url.pathname
    .split("/")
    .filter((s) => s !== "")
    .map(safeDecode);
  const version = segments[0] && VERSION.test(segments[0]) ? (segments.shift() as string) : null;
  const path = `/${segments.join("/")}`;
  const traceId = sandbox.traceRng.alnum(11);
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=UTF-8",
    "facebook-api-version": version ?? sandbox.options.defaultVersion,
    "x-fb-trace-id": traceId,
    "x-fb-request-id": sandbox.traceRng.alnum(20),
    "cache-control": "private, no-cache, no-store, must-revalidate",
    "x-app-usage": appUsageHeader(sandbox),
  };
  await sandbox.tick();
  let params: Params = Object.fromEntries(url.searchParams);
  let operation: Operation | undefined;
  let fault: FaultCode | null = null;
  let result: GraphResult;
  try {
    params = await readParams(request, url);
    const route = routeGraph(sandbox.state, request.method, segments, params);
    operation = route.operation;
    const ctx: OperationContext = {
      sandbox,
      request,
      method: request.method,
      params,
      nodeId: route.nodeId,
      tokenValue: tokenOf(request, params),
    };
    const decision = sandbox.faults.decide(operation.name, sandbox.options.latencyMs);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.fault) {
      fault = decision.fault.code;
      if (!FAULTS_BEFORE_OPERATION.includes(fault)) operation.onFault?.(ctx);
      if (fault === "drop" || fault === "timeout") {
        if (fault === "timeout") await hold(request, sandbox.faults.timeoutMs);
        result = { status: 0, body: null };
      } else if (fault === "5xx") {
        result = { status: 503, body: "Service Unavailable" };
      } else throw faultError(fault, decision.fault.subcode);
    } else {
      const usage = chargeUsage(sandbox, operation, ctx);
      Object.assign(headers, usage.headers);
      if (usage.error) throw usage.error;
      result = await operation.run(ctx);
    }
  } catch (error) {
    // A bug in the sandbox answers like Graph's own failure (code 1, HTTP 500) and is kept for
    // `GET /__sandbox/state`, never shown as a stack.
    if (!(error instanceof GraphError))
      sandbox.recordInternalError(operation?.name ?? "unknown", error);
    const graphError =
      error instanceof GraphError ? error : apiError(1, { isTransient: true, status: 500 });
    const init = graphError.init;
    const body: Record<string, unknown> = {
      message: init.message,
      type: init.type ?? "OAuthException",
      code: init.code,
    };
    if (init.subcode !== undefined) body.error_subcode = init.subcode;
    if (init.isTransient !== undefined) body.is_transient = init.isTransient;
    if (init.userTitle) body.error_user_title = init.userTitle;
    if (init.userMsg) body.error_user_msg = init.userMsg;
    if (init.details) body.error_data = { messaging_product: "whatsapp", details: init.details };
    body.fbtrace_id = traceId;
    Object.assign(headers, init.headers);
    result = {
      status: init.status ?? graphHttpStatus(init.code, sandbox.options.status190),
      body: { error: body },
    };
  }
  const status = result.status ?? 200;
  const errorBody = (result.body as { error?: { code?: number; error_subcode?: number } } | null)
    ?.error;
  sandbox.calls.add({
    operation: operation?.name ?? "unknown",
    method: request.method,
    path,
    version,
    params: maskParams(params),
    status,
    errorCode: errorBody?.code ?? null,
    errorSubcode: errorBody?.error_subcode ?? null,
    fault: fault === null ? null : String(fault),
    time: sandbox.clock.now(),
  });
  // What this request made due (webhooks of a signup or a copy) starts now, after the answer.
  sandbox.kick();
  if (status === 0) {
    const dropped = new Response(null, { status: 204 });
    DROPPED.add(dropped);
    return dropped;
  }
  if (typeof result.body === "string")
    return new Response(result.body, { status, headers: { "content-type": "text/plain" } });
  return new Response(JSON.stringify(result.body), {
    status,
    headers: { ...headers, ...result.headers },
  });
}
