import { Hono } from "hono";
import type { Sandbox } from "../engine/sandbox.js";
import { createSdkRoutes } from "../sdk/sdk-routes.js";
import { createPopupRoutes } from "./popup-routes.js";
import { createSandboxBackend } from "./sandbox-backend.js";

/**
 * Meta's browser side of Embedded Signup for one sandbox: `sdk.js` (also under `/en_US/` and
 * `/de_DE/`), the Login dialog and popup screens, and with the control API on,
 * `POST /__sandbox/autopilot` and `POST /__sandbox/popup-settings`. Mount it before the control
 * API and the Graph routes: both end in catch-alls, and `/{version}/dialog/oauth` would
 * otherwise look like a Graph node.
 *
 * @example
 * const app = new Hono();
 * app.route("/", createEmbeddedSignupRoutes(sandbox));
 */
export function createEmbeddedSignupRoutes(sandbox: Sandbox): Hono {
  const app = new Hono();
  app.route("/", createSdkRoutes());
  const backend = createSandboxBackend(sandbox);
  app.route("/", createPopupRoutes({ backend, control: sandbox.options.control }).app);
  return app;
}
