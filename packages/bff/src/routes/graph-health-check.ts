import { GraphError } from "../graph/graph-error.js";
import { type BffRuntime, graphClientOf } from "../orchestrator/runtime.js";

/** Default of `health.graphTimeoutMs`: how long `GET /health` waits for Graph. */
export const HEALTH_GRAPH_TIMEOUT_MS = 3_000;
/** Default of `health.graphCacheMs`: how long `GET /health` reuses Graph's verdict. */
export const HEALTH_GRAPH_CACHE_MS = 30_000;

/**
 * Whether Graph is reachable, as `GET /health` reports it. Unlike the steps' Graph client it tries
 * once, with a short timeout (`health.graphTimeoutMs`), so a hanging Graph does not hold the probe
 * for minutes of retries. A 5xx, a network failure or a timeout is unreachable; any other answer,
 * an error envelope included, shows Graph is there (a bad token is `/doctor`'s to report). The
 * verdict is kept for `health.graphCacheMs` on the runtime's clock and concurrent probes share one
 * check: `/health` skips `authorize`, and each check spends the system token's rate budget.
 *
 * @example
 * const graphReachable = createGraphHealthCheck(rt);
 * const graph = await graphReachable(); // false while Graph answers 502
 */
export function createGraphHealthCheck(rt: BffRuntime): () => Promise<boolean> {
  const { options } = rt;
  const timeoutMs = options.health?.graphTimeoutMs ?? HEALTH_GRAPH_TIMEOUT_MS;
  const cacheMs = options.health?.graphCacheMs ?? HEALTH_GRAPH_CACHE_MS;
  const graph = graphClientOf(options, rt.log, { maxAttempts: 1, timeoutMs });
  const clock = () => Date.parse(rt.now());
  let verdict: { reachable: boolean; at: number } | undefined;
  let pending: Promise<boolean> | undefined;

  async function check(): Promise<boolean> {
    try {
      await withDeadline(graph.getBusiness(options.businessId, options.systemToken), timeoutMs);
      return true;
    } catch (error) {
      const answered =
        error instanceof GraphError &&
        (error.kind === "graph" || error.kind === "http") &&
        (error.details.status ?? 500) < 500;
      if (!answered)
        rt.log.warn("health: Graph unreachable", {
          kind: error instanceof GraphError ? error.kind : "unknown",
          status: error instanceof GraphError ? error.details.status : undefined,
          fbtraceId: error instanceof GraphError ? error.details.fbtraceId : undefined,
        });
      return answered;
    }
  }

  return () => {
    if (verdict && clock() - verdict.at < cacheMs) return Promise.resolve(verdict.reachable);
    pending ??= check().then((reachable) => {
      verdict = { reachable, at: clock() };
      pending = undefined;
      return reachable;
    });
    return pending;
  };
}

// The transport's own timeout aborts the fetch; this one also covers an injected fetch that
// ignores the abort signal, so the probe answers within the timeout whatever the fetch does.
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GraphError("timeout", "health check timed out", { operation: "health" })),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
