import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

async function ready(scenario: Parameters<typeof startSandbox>[0] = "happy") {
  const h = await startSandbox(scenario);
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  return { h, signup, token, path: `/v26.0/${signup.waba_id}/subscribed_apps` };
}

describe("/{waba}/subscribed_apps", () => {
  test("subscribe, list in Meta's nested form, unsubscribe", async () => {
    const { h, token, path } = await ready();
    expect((await h.call("GET", path, { token })).body).toEqual({ data: [] });
    expect((await h.call("POST", path, { token })).body).toEqual({ success: true });
    expect((await h.call("GET", path, { token })).body).toEqual({
      data: [
        {
          whatsapp_business_api_data: {
            id: h.partner.app_id,
            link: `https://www.facebook.com/games/?app_id=${h.partner.app_id}`,
            name: "Lucky Shrub Connect",
          },
        },
      ],
    });
    expect((await h.call("DELETE", path, { token })).body).toEqual({ success: true });
    expect((await h.call("GET", path, { token })).body).toEqual({ data: [] });
  });

  test("an override is verified with Meta's GET challenge, then listed; re-posting without one removes it", async () => {
    const { h, token, path, signup } = await ready();
    await h.call("POST", path, { token });
    const uri = "https://partner.example/hooks/waba";
    const answer = await h.call("POST", path, {
      token,
      body: { override_callback_uri: uri, verify_token: "s3cret" },
    });
    expect(answer.body).toEqual({ success: true });
    const [challenge] = h.outbound.filter((o) => o.method === "GET");
    expect(challenge?.method).toBe("GET");
    const url = new URL(challenge?.url ?? "");
    expect(url.origin + url.pathname).toBe(uri);
    expect(url.searchParams.get("hub.mode")).toBe("subscribe");
    expect(url.searchParams.get("hub.verify_token")).toBe("s3cret");
    expect(url.searchParams.get("hub.challenge")).toMatch(/^\d+$/);
    expect((await h.call("GET", path, { token })).body.data[0].override_callback_uri).toBe(uri);
    await h.call("POST", path, { token });
    expect(
      (await h.call("GET", path, { token })).body.data[0].override_callback_uri,
    ).toBeUndefined();
    expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.subscriptions).toHaveLength(1);
  });

  test("a callback that does not echo the challenge: (#2200), the subscription stays without it", async () => {
    const { h, token, path, signup } = await ready();
    await h.call("POST", path, { token });
    h.receiver.echoChallenge = false;
    const answer = await h.call("POST", path, {
      token,
      body: { override_callback_uri: "https://partner.example/x", verify_token: "t" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(2200);
    expect(answer.body.error.message).toMatch(/^\(#2200\) Callback verification failed/);
    expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.subscriptions).toEqual([
      { appId: h.partner.app_id, overrideCallbackUri: undefined, verifyToken: undefined },
    ]);
  });

  test.each([
    [{ override_callback_uri: "https://partner.example/x" }],
    [{ override_callback_uri: "not a url", verify_token: "t" }],
    [{ override_callback_uri: `https://partner.example/${"x".repeat(200)}`, verify_token: "t" }],
  ])("a bad override %j: #100", async (body) => {
    const { h, token, path } = await ready();
    await h.call("POST", path, { token });
    const answer = await h.call("POST", path, { token, body });
    expect(answer.body.error.code).toBe(100);
    expect(h.outbound.filter((o) => o.method === "GET")).toEqual([]);
  });

  // Meta, "Webhook overrides" > Requirements: "Before setting an alternate callback URL, make sure
  // your app is subscribed to webhooks for the WABA". Meta's answer otherwise, as captured in
  // chatwoot/chatwoot#12488 and #13154 (fixed by subscribing first, chatwoot/chatwoot#13279).
  test("an override before the app subscribed to the WABA: #100, nothing subscribed, no challenge", async () => {
    const { h, token, path, signup } = await ready();
    const answer = await h.call("POST", path, {
      token,
      body: { override_callback_uri: "https://partner.example/hooks/waba", verify_token: "s3cret" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 100,
      type: "OAuthException",
      message:
        "(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account",
    });
    expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.subscriptions).toEqual([]);
    expect(h.outbound.filter((o) => o.method === "GET")).toEqual([]);
  });

  test("the app without a default callback: a plain subscription is #100", async () => {
    const { h, token, path } = await ready("no-default-webhook");
    const answer = await h.call("POST", path, { token });
    expect(answer.body.error).toMatchObject({ code: 100, message: "(#100) Invalid parameter" });
    expect(answer.body.error.error_data.details).toContain("callback URL");
  });
});
