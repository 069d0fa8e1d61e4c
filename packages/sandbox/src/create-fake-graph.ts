import { Hono } from "hono";
import { controlProblem } from "./control/control-problem.js";
import { controlRoutes } from "./control/control-routes.js";
import { type FakeGraphOptions, Sandbox } from "./engine/sandbox.js";
import { withDroppedConnections } from "./graph/drop-connection.js";
import { handleGraphRequest } from "./graph/handle-graph-request.js";
import { createEmbeddedSignupRoutes } from "./popup/embedded-signup-routes.js";

/**
 * The fake Graph: a Hono app plus the {@link Sandbox} behind it (state, clock, calls, webhooks).
 *
 * @example
 * const graph: FakeGraph = createFakeGraph({ control: true });
 * await graph.request("/__sandbox/clock", { method: "POST", body: JSON.stringify({ advanceMs: 60_000 }) });
 * graph.sandbox.calls.all().length;
 */
export type FakeGraph = Hono & { sandbox: Sandbox };

/**
 * Creates the fake of Meta's Graph API as a Hono app, usable in-process (`app.request`,
 * `app.fetch`) or served on loopback. Control routes (`/__sandbox/*`) are mounted when
 * `control: true`.
 *
 * @example
 * const graph = createFakeGraph({ scenario: "happy", seed: 7, control: true });
 * const fetchGraph = (input: RequestInfo | URL, init?: RequestInit) => graph.fetch(new Request(input, init));
 * const partner = await (await graph.request("/__sandbox/partner")).json();
 */
export function createFakeGraph(options: FakeGraphOptions = {}): FakeGraph {
  const sandbox = new Sandbox(options);
  const app = new Hono();
  app.onError(() => controlProblem("graph_error", "The sandbox failed to answer this request."));
  // The fake JS SDK and Embedded Signup pages (issue 4), before the control API's and Graph's catch-alls.
  app.route("/", createEmbeddedSignupRoutes(sandbox));
  if (sandbox.options.control) app.route("/__sandbox", controlRoutes(sandbox));
  app.all("*", (c) => handleGraphRequest(sandbox, c.req.raw));
  return Object.assign(withDroppedConnections(app), { sandbox });
}
