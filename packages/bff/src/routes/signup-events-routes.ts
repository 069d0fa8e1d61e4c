import {
  EVENT_LIST_DEFAULT_LIMIT,
  ListSignupEventsQuerySchema,
  SignupEventRequestSchema,
} from "@wa-migrate/contracts";
import { Hono } from "hono";
import type { BffEnv } from "../http/app-env.js";
import { parseWith, readJson } from "../http/read-json.js";
import type { BffRuntime } from "../orchestrator/runtime.js";

/**
 * `POST /signup-events` stores an Embedded Signup cancel or error (session logging);
 * `GET /signup-events` lists the tenant's newest for operators (`?limit=` 1-200, default 50; any
 * other value or parameter is 400 `validation_failed`).
 *
 * @example
 * app.route("/signup-events", signupEventsRoutes(rt));
 */
export function signupEventsRoutes(rt: BffRuntime) {
  const app = new Hono<BffEnv>();
  app.post("/", async (c) => {
    const body = await readJson(c, SignupEventRequestSchema);
    const event = {
      id: rt.newId("sue"),
      tenant: c.get("tenant"),
      event: body.event,
      currentStep: body.currentStep ?? null,
      errorMessage: body.errorMessage ?? null,
      errorId: body.errorId ?? null,
      sessionId: body.sessionId ?? null,
      migrationId: body.migrationId ?? null,
      receivedAt: rt.now(),
    };
    await rt.store.addSignupEvent(event);
    c.get("log").info("signup event", {
      event: body.event,
      currentStep: body.currentStep,
      errorId: body.errorId,
    });
    const { tenant: _tenant, ...visible } = event;
    return c.json(visible, 201);
  });
  app.get("/", async (c) => {
    const query = parseWith(ListSignupEventsQuerySchema, c.req.query());
    const limit = query.limit ? Number(query.limit) : EVENT_LIST_DEFAULT_LIMIT;
    const events = await rt.store.listSignupEvents(c.get("tenant"), limit);
    return c.json({ data: events.map(({ tenant: _tenant, ...e }) => e) });
  });
  return app;
}
