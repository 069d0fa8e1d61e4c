import { Hono } from "hono";
import type { Sandbox } from "../engine/sandbox.js";
import { GraphError } from "../graph/graph-error.js";
import { OPERATION_NAMES } from "../graph/route-graph.js";
import { templateLimit } from "../rules/template-limit.js";
import { isScenarioName, SCENARIO_NAMES, SCENARIOS } from "../scenarios/scenarios.js";
import { completeSignup } from "../signup/complete-signup.js";
import { partnerConfig, popupScenario } from "../signup/partner-config.js";
import { controlProblem, readControlBody } from "./control-problem.js";
import { receiveCustomerMessage } from "./customer-message-control.js";
import { updatePhoneNumberControl } from "./phone-number-control.js";

const MALFORMED = "The body must be a JSON object.";

/**
 * The control API under `/__sandbox/` (shapes documented in the package README).
 *
 * @example
 * app.route("/__sandbox", controlRoutes(sandbox));
 */
export function controlRoutes(sandbox: Sandbox): Hono {
  const app = new Hono();

  app.post("/reset", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    const scenario = body.scenario ?? sandbox.scenario.name;
    if (!isScenarioName(scenario))
      return controlProblem(
        "validation_failed",
        `Unknown scenario; one of ${SCENARIO_NAMES.join(", ")}`,
      );
    const seed = body.seed ?? sandbox.seed;
    if (typeof seed !== "number" || !Number.isInteger(seed))
      return controlProblem("validation_failed", "seed must be an integer");
    sandbox.reset(scenario, seed);
    return c.json({ scenario, seed });
  });

  app.post("/scenario", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    if (!isScenarioName(body.name))
      return controlProblem(
        "validation_failed",
        `name must be one of ${SCENARIO_NAMES.join(", ")}`,
      );
    sandbox.reset(body.name);
    return c.json({ scenario: body.name, seed: sandbox.seed });
  });

  app.get("/scenarios", (c) =>
    c.json({ data: [...SCENARIOS.values()].map((s) => ({ name: s.name, summary: s.summary })) }),
  );

  app.get("/state", (c) =>
    c.json({
      scenario: sandbox.scenario.name,
      seed: sandbox.seed,
      now: sandbox.clock.now(),
      ...sandbox.state.toJSON(),
      // Meta's limit is derived (portfolio verification, display names), so it is shown as of now.
      wabas: [...sandbox.state.wabas.values()].map((waba) => ({
        ...waba,
        templateLimit: templateLimit(sandbox.state, waba.id),
      })),
      usage: sandbox.usage.snapshot(sandbox.clock.now()),
      jobs: sandbox.jobs.pending(),
      faults: sandbox.faults.config,
      internalErrors: sandbox.internalErrors,
    }),
  );

  app.get("/calls", (c) => {
    const operation = c.req.query("operation");
    const calls = sandbox.calls.all().filter((call) => !operation || call.operation === operation);
    return c.json({ data: calls });
  });

  app.get("/operations", (c) => c.json({ data: [...new Set(OPERATION_NAMES)] }));

  app.post("/faults", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    try {
      return c.json({ faults: sandbox.setFaults(body) });
    } catch (error) {
      if (error instanceof GraphError) return controlProblem("validation_failed", error.message);
      throw error;
    }
  });

  app.post("/clock", async (c) => {
    const body = await readControlBody(c.req.raw);
    const advanceMs = body?.advanceMs;
    if (typeof advanceMs !== "number" || !Number.isFinite(advanceMs) || advanceMs < 0) {
      return controlProblem("validation_failed", "advanceMs must be a number >= 0");
    }
    await sandbox.advance(advanceMs);
    return c.json({ now: sandbox.clock.now() });
  });

  app.get("/partner", (c) => c.json(partnerConfig(sandbox)));
  app.get("/popup", (c) => c.json(popupScenario(sandbox)));

  app.post("/signups", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    const { scenario, phone, force, finishEvent, redirectUri } = body;
    if (scenario !== undefined && !isScenarioName(scenario)) {
      return controlProblem(
        "validation_failed",
        `scenario must be one of ${SCENARIO_NAMES.join(", ")}`,
      );
    }
    if (phone !== undefined && typeof phone !== "string")
      return controlProblem("validation_failed", "phone must be a string");
    if (
      finishEvent !== undefined &&
      finishEvent !== "FINISH" &&
      finishEvent !== "FINISH_ONLY_WABA"
    ) {
      return controlProblem("validation_failed", "finishEvent must be FINISH or FINISH_ONLY_WABA");
    }
    if (redirectUri !== undefined && typeof redirectUri !== "string")
      return controlProblem("validation_failed", "redirectUri must be a string");
    if (scenario !== undefined) sandbox.reset(scenario);
    const outcome = completeSignup(sandbox, {
      ...(phone === undefined ? {} : { phone }),
      // As if the Login dialog ran as a full page: the exchange must repeat this redirect_uri.
      ...(redirectUri === undefined ? {} : { redirectUri }),
      ...(finishEvent === undefined ? {} : { finishEvent }),
      force: force === true,
    });
    sandbox.kick();
    if (!outcome.ok) {
      return controlProblem(
        "signup_error",
        outcome.error.error_message,
        { es_error: outcome.error },
        409,
      );
    }
    return c.json(outcome.result, 201);
  });

  app.post("/phone-numbers/:id", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    return updatePhoneNumberControl(sandbox, c.req.param("id"), body);
  });

  app.post("/phone-numbers/:id/messages", async (c) => {
    const body = await readControlBody(c.req.raw);
    if (!body) return controlProblem("validation_failed", MALFORMED);
    return receiveCustomerMessage(sandbox, c.req.param("id"), body);
  });

  // Anything else under /__sandbox/ is a control-API 404, not a Graph node.
  app.all("*", () => controlProblem("not_found", "No such control route; see the sandbox README."));
  return app;
}
