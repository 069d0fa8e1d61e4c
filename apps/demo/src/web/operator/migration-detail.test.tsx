import { buildMigration } from "@wa-migrate/core/testing";
import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import { MigrationDetail } from "./migration-detail.js";
import { operatorApi } from "./operator-api.js";

const render = (migration: ReturnType<typeof buildMigration>) =>
  renderToString(
    <MigrationDetail
      migration={migration}
      api={operatorApi("/wa")}
      signupEvents={[]}
      webhookEvents={[]}
      onChange={() => {}}
    />,
  );

test("a running step that retries Meta's transient failure says so, with Meta's fbtrace_id", () => {
  const migration = buildMigration({ steps: { capture_assets: "succeeded" } });
  const steps = migration.steps.map((step) =>
    step.id === "share_credit_line"
      ? {
          ...step,
          status: "running" as const,
          lastError: {
            code: "graph_unavailable" as const,
            message: "Meta's Graph API did not answer or answered with a temporary error.",
            remedy: "Retry in a few minutes.",
            retryable: true,
            graph: { code: 2, fbtraceId: "AbCtrace9" },
          },
        }
      : step,
  );
  const html = render({ ...migration, steps });
  expect(html).toContain("Retrying after <code>graph_unavailable</code>");
  expect(html).toContain("AbCtrace9");
});

test("a rate-limited registration shows from when it can be retried", () => {
  const migration = buildMigration({
    status: "action_required",
    steps: {
      capture_assets: "succeeded",
      share_credit_line: "succeeded",
      subscribe_webhooks: "succeeded",
      migrate_templates: "succeeded",
      register_phone: ["action_required", "register_rate_limited"],
    },
  });
  const steps = migration.steps.map((step) =>
    step.lastError
      ? { ...step, lastError: { ...step.lastError, retryAt: "2026-12-08T09:30:00.000Z" } }
      : step,
  );
  const html = render({ ...migration, steps });
  expect(html).toContain("Can be retried from ");
  expect(html).not.toContain("Retrying after");
});

test("a stop the customer acts on at step 1 says so, and keeps the server's step and error", () => {
  const html = render(
    buildMigration({
      status: "action_required",
      steps: { capture_assets: ["action_required", "two_step_enabled"] },
    }),
  );
  expect(html).toContain('data-step="capture_assets" data-status="action_required"');
  expect(html).toContain("<code>two_step_enabled</code>");
  expect(html).toContain('data-customer-step="two_step_verification"');
  expect(html).toContain("Customer acts on: step <!-- -->1<!-- -->, <strong>two_step_verification");
});

test("a stop the customer acts on where it stopped adds no line", () => {
  const html = render(
    buildMigration({
      status: "action_required",
      steps: {
        capture_assets: "succeeded",
        share_credit_line: "succeeded",
        subscribe_webhooks: "succeeded",
        migrate_templates: "succeeded",
        register_phone: ["action_required", "number_already_moved"],
      },
    }),
  );
  expect(html).toContain("<code>number_already_moved</code>");
  expect(html).not.toContain("Customer acts on");
});
