import { describe, expect, it } from "vitest";
import {
  deriveCurrentStep,
  deriveStepViews,
  type StepInputs,
  stepOfStop,
} from "./derive-step-views.js";
import { flowErrorFromMigration } from "./flow-errors.js";
import { buildMigration } from "./testing/index.js";

const views = (inputs: StepInputs) =>
  deriveStepViews(inputs).map((view) => `${view.id}:${view.state}`);

/** The `two-step-on` case: the customer confirmed step 1, the server's capture found the PIN on. */
const twoStepOn = (status: "action_required" | "failed" = "action_required"): StepInputs => ({
  state: status,
  migration: buildMigration({ status, steps: { capture_assets: [status, "two_step_enabled"] } }),
  error: null,
  twoStepConfirmed: true,
});

describe("deriveStepViews", () => {
  it("shows each server step by its record and the browser steps as done once a migration exists", () => {
    const inputs: StepInputs = {
      state: "action_required",
      migration: buildMigration({
        status: "action_required",
        steps: {
          capture_assets: "succeeded",
          share_credit_line: ["action_required", "waba_funded_elsewhere"],
        },
      }),
      error: null,
      twoStepConfirmed: true,
    };
    expect(views(inputs)).toEqual([
      "two_step_verification:complete",
      "embedded_signup:complete",
      "capture_assets:complete",
      "share_credit_line:action_required",
      "subscribe_webhooks:pending",
      "migrate_templates:pending",
      "register_phone:pending",
    ]);
    expect(deriveCurrentStep(inputs)).toBe("share_credit_line");
  });

  it("puts a server two_step_enabled on step 1, with its error, and leaves the server step pending", () => {
    const inputs = twoStepOn();
    expect(views(inputs)).toEqual([
      "two_step_verification:action_required",
      "embedded_signup:complete",
      "capture_assets:pending",
      "share_credit_line:pending",
      "subscribe_webhooks:pending",
      "migrate_templates:pending",
      "register_phone:pending",
    ]);
    const [stepOne, , capture] = deriveStepViews(inputs);
    expect(stepOne?.error?.code).toBe("two_step_enabled");
    expect(stepOne?.status).toBe("action_required");
    expect(capture?.error).toBeNull();
    expect(capture?.status).toBe("action_required");
    expect(deriveCurrentStep(inputs)).toBe("two_step_verification");
    expect(
      flowErrorFromMigration(inputs.migration as NonNullable<typeof inputs.migration>),
    ).toEqual(expect.objectContaining({ code: "two_step_enabled", step: "two_step_verification" }));
  });

  it("shows a failed two-step check as step 1 failed", () => {
    expect(views(twoStepOn("failed")).slice(0, 3)).toEqual([
      "two_step_verification:failed",
      "embedded_signup:complete",
      "capture_assets:pending",
    ]);
  });

  it("puts a two_step_enabled at registration on step 1 too; the steps done stay done", () => {
    const inputs: StepInputs = {
      state: "action_required",
      migration: buildMigration({
        status: "action_required",
        steps: {
          capture_assets: "succeeded",
          share_credit_line: "succeeded",
          subscribe_webhooks: "succeeded",
          migrate_templates: "succeeded",
          register_phone: ["action_required", "two_step_enabled"],
        },
      }),
      error: null,
      twoStepConfirmed: true,
    };
    expect(views(inputs)).toEqual([
      "two_step_verification:action_required",
      "embedded_signup:complete",
      "capture_assets:complete",
      "share_credit_line:complete",
      "subscribe_webhooks:complete",
      "migrate_templates:complete",
      "register_phone:pending",
    ]);
  });

  it("puts a pin_mismatch at registration (133005: the PIN is still on) on step 1, with its error", () => {
    const inputs: StepInputs = {
      state: "action_required",
      migration: buildMigration({
        status: "action_required",
        steps: {
          capture_assets: "succeeded",
          share_credit_line: "succeeded",
          subscribe_webhooks: "succeeded",
          migrate_templates: "succeeded",
          register_phone: ["action_required", "pin_mismatch"],
        },
      }),
      error: null,
      twoStepConfirmed: true,
    };
    expect(views(inputs)).toEqual([
      "two_step_verification:action_required",
      "embedded_signup:complete",
      "capture_assets:complete",
      "share_credit_line:complete",
      "subscribe_webhooks:complete",
      "migrate_templates:complete",
      "register_phone:pending",
    ]);
    const [stepOne] = deriveStepViews(inputs);
    expect(stepOne?.error?.code).toBe("pin_mismatch");
    expect(deriveCurrentStep(inputs)).toBe("two_step_verification");
    expect(
      flowErrorFromMigration(inputs.migration as NonNullable<typeof inputs.migration>),
    ).toEqual(expect.objectContaining({ code: "pin_mismatch", step: "two_step_verification" }));
  });

  it("completes step 1 again once the retried capture runs", () => {
    const stopped = twoStepOn().migration as NonNullable<StepInputs["migration"]>;
    // The record while the retry runs: the step's last error is still there, its status is not a stop.
    const retrying = {
      ...stopped,
      status: "running" as const,
      steps: stopped.steps.map((s) =>
        s.id === "capture_assets" ? { ...s, status: "running" as const } : s,
      ),
    };
    const inputs: StepInputs = { ...twoStepOn(), state: "running", migration: retrying };
    expect(views(inputs).slice(0, 3)).toEqual([
      "two_step_verification:complete",
      "embedded_signup:complete",
      "capture_assets:current",
    ]);
    expect(deriveCurrentStep(inputs)).toBe("capture_assets");
  });

  it("before a migration: step 1 current until confirmed, a browser error fails its step", () => {
    const base: StepInputs = {
      state: "ready",
      migration: null,
      error: null,
      twoStepConfirmed: false,
    };
    expect(views(base).slice(0, 2)).toEqual([
      "two_step_verification:current",
      "embedded_signup:pending",
    ]);
    const cancelled: StepInputs = {
      ...base,
      state: "cancelled",
      twoStepConfirmed: true,
      error: { code: "popup_blocked", step: "embedded_signup", retryable: true },
    };
    expect(views(cancelled).slice(0, 2)).toEqual([
      "two_step_verification:complete",
      "embedded_signup:failed",
    ]);
  });
});

describe("stepOfStop", () => {
  it("moves only a stopped two_step_enabled or pin_mismatch to step 1", () => {
    const steps = buildMigration({
      steps: {
        capture_assets: ["action_required", "two_step_enabled"],
        share_credit_line: ["running", "two_step_enabled"],
        subscribe_webhooks: ["running", "pin_mismatch"],
        register_phone: ["failed", "pin_mismatch"],
      },
    }).steps;
    expect(steps.map(stepOfStop)).toEqual([
      "two_step_verification",
      "embedded_signup",
      "two_step_verification",
      "share_credit_line",
      "subscribe_webhooks",
      "migrate_templates",
      "two_step_verification",
    ]);
  });

  it("leaves number_already_moved on its step: the PIN is ours, not the old partner's", () => {
    const steps = buildMigration({
      steps: { register_phone: ["action_required", "number_already_moved"] },
    }).steps;
    expect(stepOfStop(steps.at(-1) as (typeof steps)[number])).toBe("register_phone");
  });
});

describe("a step's error on its view", () => {
  it.each([
    ["running", null],
    ["succeeded", null],
    ["failed", "graph_unavailable"],
    ["action_required", "graph_unavailable"],
  ] as const)("a %s step with a last error shows %s", (status, shown) => {
    const migration = buildMigration({
      status: status === "running" ? "running" : "completed",
      steps: { migrate_templates: [status, "graph_unavailable"] },
    });
    const view = deriveStepViews({
      state: migration.status,
      migration,
      error: null,
      twoStepConfirmed: true,
    }).find((v) => v.id === "migrate_templates");
    expect(view?.error?.code ?? null).toBe(shown);
  });
});

describe("the templates step when copies are left to the customer", () => {
  it.each([
    ["completed", ["template_limit_reached"], "action_required"],
    ["completed", ["template_migration_failed"], "action_required"],
    ["failed", ["template_limit_reached"], "action_required"],
    // While the server still runs, the customer cannot copy yet: the step is done for now.
    ["running", ["template_limit_reached"], "complete"],
    ["completed", ["on_prem_source"], "complete"],
    ["completed", [], "complete"],
  ] as const)("a %s migration with warnings %j shows step 6 %s", (status, warnings, shown) => {
    const migration = {
      // The step keeps Meta's error of the failed copy for operators (decision 029).
      ...buildMigration({
        status,
        steps: { migrate_templates: ["succeeded", "graph_unavailable"] },
      }),
      warnings: [...warnings],
    };
    const view = deriveStepViews({
      state: status,
      migration,
      error: null,
      twoStepConfirmed: true,
    }).find((v) => v.id === "migrate_templates");
    expect(view?.state).toBe(shown);
    expect(view?.error).toBeNull();
  });
});
