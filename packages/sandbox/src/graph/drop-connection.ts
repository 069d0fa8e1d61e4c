import type { Hono } from "hono";
import { DROPPED } from "./handle-graph-request.js";

interface NodeEnv {
  outgoing?: { destroy?: () => void };
  incoming?: { socket?: { destroy?: () => void } };
}

/**
 * Turns the `drop`/`timeout` faults into what a client sees when a connection dies: on loopback
 * the socket is destroyed; in-process `app.fetch` rejects with a `TypeError` like `fetch` does.
 *
 * @example
 * withDroppedConnections(app);
 */
export function withDroppedConnections<T extends Hono>(app: T): T {
  const inner = app.fetch;
  const fetch = async (request: Request, env?: unknown, ctx?: unknown): Promise<Response> => {
    const response = await inner(request, env as never, ctx as never);
    if (!DROPPED.has(response)) return response;
    const node = env as NodeEnv | undefined;
    node?.incoming?.socket?.destroy?.();
    node?.outgoing?.destroy?.();
    throw new TypeError("fetch failed", {
      cause: Object.assign(new Error("socket hang up (sandbox fault)"), { code: "ECONNRESET" }),
    });
  };
  app.fetch = fetch as T["fetch"];
  return app;
}
