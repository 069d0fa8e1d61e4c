import { DoctorResponseSchema } from "@wa-migrate/contracts";
import type { ScenarioName } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta, "Webhook overrides": template and account-level webhooks "do not support callback
// overrides. These webhooks are always delivered to your app's default callback URL." A partner
// who set `webhookOverride` must read in the doctor that the override does not bring them to the
// BFF. (The other doctor checks: health-routes.test.ts.)

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
