import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta, "Webhook overrides": "The override applies only to the following webhook field types.
// For field types not listed here, Meta always sends webhooks to your app's default callback URL."
// and "Template webhooks (...) and account-level webhooks (account_update, ...) do not support
// callback overrides." So `webhookOverride` moves the new account's customer messages (and the
// other listed fields) to the partner's receiver, and the BFF still gets what it needs only at the
// app's callback: here the BFF's POST /webhooks, as a partner sets it in the App Dashboard.

const DAY = 86_400_000;
const RECEIVER = "https://partner.example/wa/messages";

async function migratedWithOverride() {
  const h = await bffWithSandbox("source-obo", {
    webhookOverride: { callbackUri: RECEIVER, verifyToken: "receiver-token" },
  });
  const signup = await h.signup();
  const m = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();
  return { h, signup, m };
}

describe("subscribe_webhooks with a webhook override", () => {
  test("subscribes plainly first, then sets the override, which Meta verifies at the partner's receiver", async () => {
    const { h, signup, m } = await migratedWithOverride();
    expect((await h.store.getMigration(m.id))?.status).toBe("completed");
    const subscribes = (await h.calls()).filter((c) => c.operation === "subscribeToWabaWebhooks");
    expect(subscribes.map((c) => [c.status, c.params.override_callback_uri ?? null])).toEqual([
      [200, null],
      [200, RECEIVER],
    ]);
    const apps = await (
      await h.graph.request(`/v26.0/${signup.waba_id}/subscribed_apps`, {
        headers: { authorization: `Bearer ${h.partner.system_token}` },
      })
    ).json();
    expect(apps.data[0]?.override_callback_uri).toBe(RECEIVER);
    const challenges = h.elsewhere.filter((r) => r.method === "GET");
    expect(
      challenges.map((r) => [
        r.url.origin + r.url.pathname,
        r.url.searchParams.get("hub.verify_token"),
      ]),
    ).toEqual([[RECEIVER, "receiver-token"]]);
  });

  test("the templates report still fills from Meta's copy and quality window; a customer's message goes to the receiver", async () => {
    const { h, signup, m } = await migratedWithOverride();
    await h.graph.sandbox.advance(60_000); // Meta's automatic copy after registration
    await h.graph.sandbox.advance(DAY); // its quality window
    await h.graph.sandbox.settle();
    await h.bff.idle();
    const report = MigrationSchema.parse(await (await h.bff.request(`/migrations/${m.id}`)).json());
    expect(report.templates.items.length).toBeGreaterThan(0);
    expect(report.templates.items.every((i) => i.destinationQuality === "GREEN")).toBe(true);
    expect(h.elsewhere.filter((r) => r.method === "POST")).toEqual([]);

    const phoneId = signup.phone_number_id as string;
    const message = { messaging_product: "whatsapp", metadata: { phone_number_id: phoneId } };
    h.graph.sandbox.webhooks.send(signup.waba_id, signup.waba_id, "messages", message, phoneId);
    await h.graph.sandbox.settle();
    const posts = h.elsewhere.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.url.href)).toEqual([RECEIVER]);
    expect(JSON.parse(posts[0]?.body ?? "{}").entry[0].changes[0].field).toBe("messages");
  });
});

describe("subscribe_webhooks refused by Meta", () => {
  // Meta's permission error keeps its own code, and so the remedy that fits it (the system user's
  // access), not the subscription's "set a default callback URL". A refusal without a code of its
  // own stays webhook_subscription_failed: the `no-default-webhook` scenario (orchestration-scenarios).
  test("a permission error stops the step with permission_denied, before registration", async () => {
    const h = await bffWithSandbox("happy");
    h.graph.sandbox.setFaults({
      failNext: [{ operation: "subscribeToWabaWebhooks", count: 50, code: 10 }],
    });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const stopped = await h.store.getMigration(m.id);
    const step = stopped?.steps.find((s) => s.id === "subscribe_webhooks");
    expect(step?.status).toBe("failed");
    expect(step?.lastError?.code).toBe("permission_denied");
    expect((await h.calls()).map((c) => c.operation)).not.toContain(
      "registerWhatsAppBusinessPhoneNumber",
    );
  });
});
