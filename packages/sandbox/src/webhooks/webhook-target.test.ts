import { describe, expect, test } from "vitest";
import { type Harness, startSandbox } from "../test-support/sandbox-harness.js";

// Meta, "Webhook overrides" > "Supported webhook fields": "The override applies only to the
// following webhook field types. For field types not listed here, Meta always sends webhooks to
// your app's default callback URL." and the note: "Template webhooks
// (message_template_status_update, message_template_quality_update,
// message_template_components_update, template_category_update) and account-level webhooks
// (account_update, account_review_update, account_alerts) do not support callback overrides.
// These webhooks are always delivered to your app's default callback URL." For a listed field:
// the number's alternate callback, else the WABA's, else the app's.

const PHONE_ALT = "https://phone-alt.example/webhook";
const WABA_ALT = "https://waba-alt.example/webhook";

/** The fields Meta's page lists as overridable. */
const OVERRIDABLE = [
  "messages",
  "message_echoes",
  "calls",
  "consumer_profile",
  "messaging_handovers",
  "standby",
  "group_lifecycle_update",
  "group_participants_update",
  "group_settings_update",
  "group_status_update",
  "smb_message_echoes",
  "smb_app_state_sync",
  "history",
  "account_settings_update",
];

/** Fields Meta's note names, and the others the sandbox sends, none of them on the list. */
const APP_ONLY = [
  "message_template_status_update",
  "message_template_quality_update",
  "message_template_components_update",
  "template_category_update",
  "account_update",
  "account_review_update",
  "account_alerts",
  "phone_number_name_update",
  "phone_number_quality_update",
];

/** Signup, exchange, plain subscription and registration: the number is on the new WABA. */
async function migrated() {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const wabaId = signup.waba_id;
  const phoneId = signup.phone_number_id as string;
  await h.call("POST", `/v26.0/${wabaId}/subscribed_apps`, { token });
  await h.call("POST", `/v26.0/${phoneId}/register`, {
    token,
    body: { messaging_product: "whatsapp", pin: "246810" },
  });
  const app = h.graph.sandbox.state.partner.app;
  app.subscribedFields = [...new Set([...app.subscribedFields, ...OVERRIDABLE, ...APP_ONLY])];
  return {
    h,
    wabaId,
    phoneId,
    setWabaOverride: () =>
      h.call("POST", `/v26.0/${wabaId}/subscribed_apps`, {
        token,
        body: { override_callback_uri: WABA_ALT, verify_token: "waba-secret" },
      }),
    setPhoneOverride: (uri = PHONE_ALT) =>
      h.call("POST", `/v26.0/${phoneId}`, {
        token,
        body: { webhook_configuration: { override_callback_uri: uri, verify_token: "p" } },
      }),
    /** Meta sends one change about the number (a customer's message, say): where its POST went. */
    emit: async (field: string) => {
      const before = h.outbound.length;
      const value = { messaging_product: "whatsapp", metadata: { phone_number_id: phoneId } };
      h.graph.sandbox.webhooks.send(wabaId, wabaId, field, value, phoneId);
      await h.graph.sandbox.settle();
      return h.outbound.slice(before).map((o) => `${o.method} ${o.url}`);
    },
  };
}

/** The URLs of the POSTs that carried `field`, in order. */
function postedTo(h: Harness, field: string): string[] {
  return h.outbound
    .filter((o) => o.method === "POST" && o.body.includes(`"field":"${field}"`))
    .map((o) => o.url);
}

describe("where Meta sends a webhook (Webhook overrides)", () => {
  test("a customer's message goes to the number's callback, else the WABA's, else the app's", async () => {
    const { h, setWabaOverride, setPhoneOverride, emit } = await migrated();
    const app = await emit("messages");
    await setWabaOverride();
    const waba = await emit("messages");
    await setPhoneOverride();
    const phone = await emit("messages");
    await setPhoneOverride("");
    const wabaAgain = await emit("messages");
    expect([app, waba, phone, wabaAgain]).toEqual([
      [`POST ${h.partner.callback_url}`],
      [`POST ${WABA_ALT}`],
      [`POST ${PHONE_ALT}`],
      [`POST ${WABA_ALT}`],
    ]);
  });

  test.each(OVERRIDABLE)("%s follows the overrides", async (field) => {
    const { setWabaOverride, setPhoneOverride, emit } = await migrated();
    await setWabaOverride();
    const waba = await emit(field);
    await setPhoneOverride();
    const phone = await emit(field);
    expect([waba, phone]).toEqual([[`POST ${WABA_ALT}`], [`POST ${PHONE_ALT}`]]);
  });

  test.each(APP_ONLY)("%s always goes to the app's callback", async (field) => {
    const { h, setWabaOverride, setPhoneOverride, emit } = await migrated();
    await setWabaOverride();
    await setPhoneOverride();
    expect(await emit(field)).toEqual([`POST ${h.partner.callback_url}`]);
  });

  test("Meta's template copy and its quality window report to the app's callback despite both overrides", async () => {
    const { h, setWabaOverride, setPhoneOverride } = await migrated();
    await setWabaOverride();
    await setPhoneOverride();
    // Meta's copy after registration, then the copies' 24 h quality window.
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.advance(86_400_000);
    await h.graph.sandbox.settle();
    const statuses = postedTo(h, "message_template_status_update");
    const qualities = postedTo(h, "message_template_quality_update");
    expect(statuses).toHaveLength(6);
    expect(qualities.length).toBeGreaterThan(0);
    expect(new Set([...statuses, ...qualities])).toEqual(new Set([h.partner.callback_url]));
    // The alternates only ever saw Meta's verification GETs.
    const atAlternates = h.outbound.filter((o) =>
      [WABA_ALT, PHONE_ALT].includes(o.url.split("?")[0] ?? ""),
    );
    expect(atAlternates.map((o) => o.method)).toEqual(["GET", "GET"]);
  });

  test("without a default callback, template webhooks reach no one even with a WABA override; messages do", async () => {
    const { h, emit, setWabaOverride } = await migrated();
    await setWabaOverride();
    // The partner then clears the App Dashboard callback (`no-default-webhook` cannot get here:
    // Meta takes an override only from an app that subscribed plainly first).
    h.graph.sandbox.state.partner.app.callbackUrl = undefined;
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.settle();
    const message = await emit("messages");
    const templates = h.graph.sandbox.state.webhooks.filter(
      (w) => w.field === "message_template_status_update",
    );
    expect(templates.length).toBeGreaterThan(0);
    expect(new Set(templates.map((w) => w.state))).toEqual(new Set(["no-callback"]));
    expect(postedTo(h, "message_template_status_update")).toEqual([]);
    expect(message).toEqual([`POST ${WABA_ALT}`]);
  });
});
