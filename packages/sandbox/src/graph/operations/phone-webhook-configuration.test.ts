import {
  findSharedDir,
  validateOpenApiRequestBody,
  validateOpenApiResponse,
} from "@wa-migrate/contracts/test-support";
import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

// Meta, "Webhook overrides" > "Set phone number alternate callback": POST /{phone-number-id} with
// {webhook_configuration: {override_callback_uri, verify_token}} answers {success: true}; an
// empty override_callback_uri deletes it; GET ?fields=webhook_configuration lists phone_number,
// whatsapp_business_account (only when the WABA has one) and application (facts §3.6). Meta's
// OpenAPI (updatePhoneNumberStatus): "Webhook subscription must exist before configuring callback
// URI overrides" and "Callback URI verification is performed".

const ALT = "https://phone-alt.example/webhook";

/** Signup, exchange, subscription and registration: the number is on the destination WABA. */
async function registered() {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
  const phoneId = signup.phone_number_id as string;
  await h.call("POST", `/v26.0/${phoneId}/register`, {
    token,
    body: { messaging_product: "whatsapp", pin: "246810" },
  });
  const configuration = async () =>
    (await h.call("GET", `/v26.0/${phoneId}?fields=webhook_configuration`, { token })).body;
  const update = (body: unknown) => h.call("POST", `/v26.0/${phoneId}`, { token, body });
  return { h, signup, token, phoneId, configuration, update };
}

describe("POST /{phone-number-id} with webhook_configuration", () => {
  test("sets the number's alternate callback after Meta's GET challenge to it", async () => {
    const { h, phoneId, configuration, update } = await registered();
    const answer = await update({
      webhook_configuration: { override_callback_uri: ALT, verify_token: "phone-secret" },
    });
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    const challenge = h.outbound.find((o) => o.method === "GET" && o.url.startsWith(ALT));
    expect(new URL(challenge?.url ?? "").searchParams.get("hub.verify_token")).toBe("phone-secret");
    expect(await configuration()).toEqual({
      webhook_configuration: { phone_number: ALT, application: h.partner.callback_url },
      id: phoneId,
    });
  });

  test("with a WABA override as well, all three callbacks are listed", async () => {
    const { h, signup, token, configuration, update } = await registered();
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, {
      token,
      body: { override_callback_uri: "https://waba-alt.example/wh", verify_token: "w" },
    });
    await update({ webhook_configuration: { override_callback_uri: ALT, verify_token: "p" } });
    expect((await configuration()).webhook_configuration).toEqual({
      phone_number: ALT,
      whatsapp_business_account: "https://waba-alt.example/wh",
      application: h.partner.callback_url,
    });
  });

  test("an empty override_callback_uri deletes it, without a challenge", async () => {
    const { h, configuration, update } = await registered();
    await update({ webhook_configuration: { override_callback_uri: ALT, verify_token: "p" } });
    const challenges = h.outbound.length;
    const answer = await update({ webhook_configuration: { override_callback_uri: "" } });
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    expect(h.outbound).toHaveLength(challenges);
    expect((await configuration()).webhook_configuration).toEqual({
      application: h.partner.callback_url,
    });
  });

  test("a form body carries webhook_configuration as JSON text, and a pin may come with it", async () => {
    const { h, phoneId, token, configuration } = await registered();
    const answer = await h.call("POST", `/v26.0/${phoneId}`, {
      token,
      form: {
        pin: "135790",
        webhook_configuration: JSON.stringify({ override_callback_uri: ALT, verify_token: "p" }),
      },
    });
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    expect((await configuration()).webhook_configuration.phone_number).toBe(ALT);
    expect(h.graph.sandbox.state.phones.get(phoneId)?.pin).toBe("135790");
  });

  // The call log masks verify_token (README, CallRecord); here it sits inside webhook_configuration.
  test("the call log never shows the number's verify token, sent as JSON or as form text", async () => {
    const { h, phoneId, token, update } = await registered();
    await update({
      webhook_configuration: { override_callback_uri: ALT, verify_token: "json-secret" },
    });
    await h.call("POST", `/v26.0/${phoneId}`, {
      token,
      form: {
        webhook_configuration: JSON.stringify({
          override_callback_uri: ALT,
          verify_token: "form-secret",
        }),
      },
    });
    const logged = JSON.stringify(await h.calls("updatePhoneNumberStatus"));
    expect(logged).toContain(ALT);
    expect(logged).not.toContain("json-secret");
    expect(logged).not.toContain("form-secret");
  });

  test.each([
    ["without override_callback_uri", { verify_token: "p" }],
    ["without verify_token", { override_callback_uri: ALT }],
    ["with a URI that is not a URL", { override_callback_uri: "phone-alt", verify_token: "p" }],
    [
      "with a URI longer than 200 characters",
      { override_callback_uri: `${ALT}?${"x".repeat(200)}`, verify_token: "p" },
    ],
    ["that is not an object", "https://phone-alt.example"],
  ])("%s is #100 and sets nothing", async (_name, webhook_configuration) => {
    const { configuration, update } = await registered();
    const answer = await update({ webhook_configuration });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(100);
    expect((await configuration()).webhook_configuration.phone_number).toBeUndefined();
  });

  test("a callback that fails Meta's challenge is #2200 and sets nothing", async () => {
    const { h, configuration, update } = await registered();
    h.receiver.echoChallenge = false;
    const answer = await update({
      webhook_configuration: { override_callback_uri: ALT, verify_token: "p" },
    });
    expect(answer.body.error.code).toBe(2200);
    expect((await configuration()).webhook_configuration.phone_number).toBeUndefined();
  });

  test("before our app subscribed to the number's WABA it is #100", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    // Not registered yet: the number is still on the source WABA, where our app is not subscribed.
    const answer = await h.call("POST", `/v26.0/${signup.phone_number_id}`, {
      token,
      body: { webhook_configuration: { override_callback_uri: ALT, verify_token: "p" } },
    });
    expect(answer.body.error.code).toBe(100);
    expect(h.outbound.some((o) => o.method === "GET")).toBe(false);
  });

  test("a body with neither pin nor webhook_configuration still has nothing to update", async () => {
    const { update } = await registered();
    const answer = await update({});
    expect(answer.body.error).toMatchObject({ code: 100 });
    expect(answer.body.error.error_data.details).toContain("webhook_configuration");
  });

  // "Webhook overrides": template webhooks "do not support callback overrides"; the number's
  // callback gets only the listed fields (messages, calls, ...; see webhook-target.test.ts).
  test("Meta's template copy still goes to the app's callback, not the number's", async () => {
    const { h, update } = await registered();
    await update({ webhook_configuration: { override_callback_uri: ALT, verify_token: "p" } });
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.settle();
    const statuses = h.outbound.filter((o) => o.body.includes("message_template_status_update"));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses.map((o) => o.url))).toEqual(new Set([h.partner.callback_url]));
  });
});

const describeMeta = findSharedDir() ? describe : describe.skip;

describeMeta("webhook_configuration against Meta's OpenAPI (updatePhoneNumberStatus)", () => {
  test("the request body Meta documents validates, and so does the answer", async () => {
    const { update } = await registered();
    const body = { webhook_configuration: { override_callback_uri: ALT, verify_token: "p" } };
    expect(validateOpenApiRequestBody("updatePhoneNumberStatus", body)).toEqual([]);
    const answer = await update(body);
    expect(answer.status).toBe(200);
    expect(validateOpenApiResponse("updatePhoneNumberStatus", answer.status, answer.body)).toEqual(
      [],
    );
  });
});
