import { buildMigration } from "@wa-migrate/core/testing";
import { expect, test } from "vitest";
import { focusStep } from "./operator-page.js";

test.each([
  {
    stop: "capture_assets action_required two_step_enabled",
    migration: buildMigration({
      status: "action_required",
      steps: { capture_assets: ["action_required", "two_step_enabled"] },
    }),
    step: "two_step_verification",
  },
  {
    stop: "register_phone action_required pin_mismatch",
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
    step: "two_step_verification",
  },
  {
    stop: "register_phone action_required number_already_moved",
    migration: buildMigration({
      status: "action_required",
      steps: {
        capture_assets: "succeeded",
        share_credit_line: "succeeded",
        subscribe_webhooks: "succeeded",
        migrate_templates: "succeeded",
        register_phone: ["action_required", "number_already_moved"],
      },
    }),
    step: "register_phone",
  },
  {
    stop: "completed, the template limit reached",
    migration: {
      ...buildMigration({
        status: "completed",
        steps: {
          capture_assets: "succeeded",
          share_credit_line: "succeeded",
          subscribe_webhooks: "succeeded",
          migrate_templates: "succeeded",
          register_phone: "succeeded",
        },
      }),
      warnings: ["template_limit_reached" as const],
    },
    step: "migrate_templates",
  },
  {
    stop: "share_credit_line running",
    migration: buildMigration({
      steps: { capture_assets: "succeeded", share_credit_line: "running" },
    }),
    step: "share_credit_line",
  },
])("the step column shows the step the customer acts on: $stop → $step", ({ migration, step }) => {
  expect(focusStep(migration)).toBe(step);
});
