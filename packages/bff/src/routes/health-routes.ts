import type { DoctorResponse, HealthResponse } from "@wa-migrate/contracts";
import { Hono } from "hono";
import type { BffEnv } from "../http/app-env.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { createGraphHealthCheck } from "./graph-health-check.js";
import { runDoctor } from "./run-doctor.js";

/**
 * `GET /health` (store and Graph reachable: 200 ok or 503 degraded; Graph checked once, briefly,
 * and its verdict reused, see {@link createGraphHealthCheck}) and `GET /doctor` (the configuration
 * checked the way support would, with what to fix).
 *
 * @example
 * app.route("/", healthRoutes(rt));
 */
export function healthRoutes(rt: BffRuntime) {
  const app = new Hono<BffEnv>();
  const graphReachable = createGraphHealthCheck(rt);
  app.get("/health", async (c) => {
    const [store, graph] = await Promise.all([
      rt.store.ping().then(
        () => true,
        () => false,
      ),
      graphReachable(),
    ]);
    const body: HealthResponse = { status: store && graph ? "ok" : "degraded", store, graph };
    return c.json(body, body.status === "ok" ? 200 : 503);
  });
  app.get("/doctor", async (c) => {
    const body: DoctorResponse = await runDoctor(rt);
    return c.json(body);
  });
  return app;
}
