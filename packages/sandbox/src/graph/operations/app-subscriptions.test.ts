import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

describe("/{app-id}/subscriptions", () => {
  test("lists the app's whatsapp_business_account subscription in Meta's shape, logged as getAppSubscriptions", async () => {
    const h = await startSandbox("happy");
    const appToken = `${h.partner.app_id}|${h.partner.app_secret}`;
    const answer = await h.call("GET", `/v26.0/${h.partner.app_id}/subscriptions`, {
      token: appToken,
    });
    expect(answer.status).toBe(200);
    const version = h.graph.sandbox.options.defaultVersion;
    expect(answer.body).toEqual({
      data: [
        {
          object: "whatsapp_business_account",
          callback_url: h.partner.callback_url,
          active: true,
          fields: [
            { name: "messages", version },
            { name: "account_update", version },
            { name: "message_template_status_update", version },
            { name: "message_template_quality_update", version },
            { name: "phone_number_name_update", version },
            { name: "template_category_update", version },
          ],
        },
      ],
    });
    const [call] = await h.calls("getAppSubscriptions");
    expect(call).toMatchObject({
      method: "GET",
      path: `/${h.partner.app_id}/subscriptions`,
      status: 200,
    });
  });

  test("answers the fields asked for, and the fields the state holds", async () => {
    const h = await startSandbox("happy");
    h.graph.sandbox.state.partner.app.subscribedFields = ["account_update"];
    const answer = await h.call(
      "GET",
      `/v26.0/${h.partner.app_id}/subscriptions?fields=object,fields`,
      { token: `${h.partner.app_id}|${h.partner.app_secret}` },
    );
    expect(answer.body).toEqual({
      data: [
        {
          object: "whatsapp_business_account",
          fields: [{ name: "account_update", version: h.graph.sandbox.options.defaultVersion }],
        },
      ],
    });
  });

  test("no-default-webhook: the app has no subscription at all", async () => {
    const h = await startSandbox("no-default-webhook");
    const answer = await h.call("GET", `/v26.0/${h.partner.app_id}/subscriptions`, {
      token: `${h.partner.app_id}|${h.partner.app_secret}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: [] });
  });

  test.each([
    ["no token", undefined, 104],
    ["a wrong app secret", "wrong", 190],
    ["the system user token", "system", 15],
  ])("%s: Graph's error envelope (#%s), logged", async (_label, kind, code) => {
    const h = await startSandbox("happy");
    const token =
      kind === "system"
        ? h.partner.system_token
        : kind === "wrong"
          ? `${h.partner.app_id}|not-the-secret`
          : undefined;
    const answer = await h.call("GET", `/v26.0/${h.partner.app_id}/subscriptions`, { token });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.error).toMatchObject({ code, type: "OAuthException" });
    expect(answer.body.error.fbtrace_id).toEqual(expect.any(String));
    const [call] = await h.calls("getAppSubscriptions");
    expect(call).toMatchObject({ status: answer.status, errorCode: code });
  });
});
