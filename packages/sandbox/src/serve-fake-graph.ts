import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createFakeGraph, type FakeGraph } from "./create-fake-graph.js";
import type { FakeGraphOptions } from "./engine/sandbox.js";

/**
 * A fake Graph served on loopback.
 *
 * @example
 * const server: FakeGraphServer = await serveFakeGraph({ port: 0, scenario: "flaky" });
 * const partner = await (await fetch(`${server.url}/__sandbox/partner`)).json();
 * await server.close();
 */
export interface FakeGraphServer {
  graph: FakeGraph;
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the fake Graph on 127.0.0.1 (`port: 0` picks a free port), control API on by default,
 * with a one-second ticker so due jobs (template copies, webhook retries) run without requests.
 *
 * @example
 * const server = await serveFakeGraph({ port: 0, scenario: "happy" });
 * await fetch(`${server.url}/__sandbox/partner`);
 * await server.close();
 */
export async function serveFakeGraph(
  options: FakeGraphOptions & { port?: number; tickMs?: number } = {},
): Promise<FakeGraphServer> {
  const graph = createFakeGraph({ control: true, ...options });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: graph.fetch, port: options.port ?? 4010, hostname: "127.0.0.1" }, () =>
      resolve(s),
    );
    s.once("error", reject);
  });
  const ticker = setInterval(() => void graph.sandbox.tick(), options.tickMs ?? 1000);
  ticker.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    graph,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        server.close((error) => (error ? reject(error) : resolve()));
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
