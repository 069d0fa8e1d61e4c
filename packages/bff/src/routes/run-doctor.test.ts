import { DoctorResponseSchema } from "@wa-migrate/contracts";
import type { ScenarioName } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta, "Webhook overrides": template and account-level webhooks "do not support callback
// overrides. These webhooks are always delivered to your app's default callback URL." A partner
// who set `webhookOverride` must read in the doctor that the override does not bring them to the
// BFF. Meta sends only the fields ticked in the App Dashboard, so an unticked one the kit applies
// never arrives. (The other doctor checks: health-routes.test.ts.)

const OVERRIDE = { callbackUri: "https://partner.example/wa/messages", verifyToken: "t" };

async function webhookCallbackCheck(scenario: ScenarioName) {
  const h = await bffWithSandbox(scenario, { webhookOverride: OVERRIDE });
  const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
  return { h, check: report.checks.find((c) => c.id === "webhook_callback") };
}

describe("GET /doctor, webhook_callback with a webhookOverride", () => {
  test("says the kit's webhooks arrive only at the default callback, and what the override gets", async () => {
    const { h, check } = await webhookCallbackCheck("happy");
    expect(check?.ok).toBe(true);
    expect(check?.message).toContain(
      `The app's default webhook callback is ${h.partner.callback_url}`,
    );
    expect(check?.message).toContain("Meta sends template and account webhooks only there");
    expect(check?.message).toContain("BFF's POST /webhooks");
    expect(check?.message).toContain(
      `The override ${OVERRIDE.callbackUri} gets only customer messages and the other overridable fields`,
    );
  });

  test("without a default callback it fails, and says the override does not stand in for it", async () => {
    const { check } = await webhookCallbackCheck("no-default-webhook");
    expect(check?.ok).toBe(false);
    expect(check?.message).toContain(
      "Meta sends template and account webhooks only there, never to an override",
    );
    expect(check?.remedy).toContain("App Dashboard > WhatsApp > Configuration");
  });
});

// Every field the BFF applies (facts §5.3-§5.6, §5.8), as the App Dashboard lists them when ticked.
const TICKED = [
  "messages",
  "account_update",
  "message_template_status_update",
  "message_template_quality_update",
  "phone_number_name_update",
  "template_category_update",
];

describe("GET /doctor, webhook_fields", () => {
  test.each([
    { missing: "template_category_update" },
    { missing: "message_template_quality_update" },
    { missing: "message_template_quality_update, template_category_update" },
  ])(
    "fails when the app is not subscribed to $missing, and the remedy names it",
    async ({ missing }) => {
      const unticked = missing.split(", ");
      const h = await bffWithSandbox("happy");
      h.graph.sandbox.state.partner.app.subscribedFields = TICKED.filter(
        (f) => !unticked.includes(f),
      );
      const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
      expect(report.ok).toBe(false);
      const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
      expect(byId.webhook_callback?.ok).toBe(true);
      expect(byId.webhook_fields).toMatchObject({
        ok: false,
        message: `The app is not subscribed to: ${missing}.`,
      });
      expect(byId.webhook_fields?.remedy).toContain("App Dashboard > WhatsApp > Configuration");
      for (const field of unticked) expect(byId.webhook_fields?.remedy).toContain(field);
    },
  );
});
