import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

describe("GET /oauth/access_token", () => {
  test("exchanges the code for the business token once", async () => {
    const h = await startSandbox();
    const { code } = await h.signup();
    const url = `/v26.0/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=${code}`;
    const first = await h.call("GET", url);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(["access_token", "token_type"]);
    expect(first.body.access_token).toMatch(/^EAA/);
    expect(first.body.token_type).toBe("bearer");
    const again = await h.call("GET", url);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      message: "This authorization code has been used.",
      type: "OAuthException",
      code: 100,
      error_subcode: 36009,
    });
    expect(again.headers.get("www-authenticate")).toBe(
      'OAuth "Facebook Platform" "invalid_code" "This authorization code has been used."',
    );
  });

  test("the code lives 30 seconds of sandbox time; an expired code is not consumed into a token", async () => {
    const h = await startSandbox();
    const { code } = await h.signup();
    await h.graph.sandbox.advance(30_001);
    const answer = await h.call(
      "GET",
      `/v26.0/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=${code}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      message: "This authorization code has expired.",
      code: 100,
    });
    expect(h.graph.sandbox.state.codes.get(code)?.usedAt).toBeUndefined();
  });

  test("at exactly 30 seconds the code still works", async () => {
    const h = await startSandbox();
    const { code } = await h.signup();
    await h.graph.sandbox.advance(30_000);
    expect(await h.exchange(code)).toMatch(/^EAA/);
  });

  test.each([
    [
      "a wrong secret",
      (p: { app_id: string }) => `client_id=${p.app_id}&client_secret=wrong`,
      1,
      "Error validating client secret.",
    ],
    [
      "another app",
      () => "client_id=1234&client_secret=x",
      101,
      "Error validating application. Invalid application ID.",
    ],
    ["no client_id", () => "client_secret=x", 100, "(#100) The parameter client_id is required"],
  ])("%s is refused and the code stays usable", async (_name, auth, code, message) => {
    const h = await startSandbox();
    const signup = await h.signup();
    const answer = await h.call(
      "GET",
      `/v26.0/oauth/access_token?${auth(h.partner)}&code=${signup.code}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code, message });
    expect(await h.exchange(signup.code)).toMatch(/^EAA/);
  });

  test("a code from the Login dialog as a page needs the same redirect_uri; a refusal leaves it usable", async () => {
    const h = await startSandbox();
    const redirectUri = "https://partner.example/onboarding?lang=de";
    const { code } = await h.signup({ redirectUri });
    const base = `/v26.0/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=${code}`;
    for (const suffix of [
      "",
      `&redirect_uri=${encodeURIComponent("https://partner.example/onboarding")}`,
    ]) {
      const refused = await h.call("GET", `${base}${suffix}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        message:
          "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
        type: "OAuthException",
        code: 100,
        error_subcode: 36008,
      });
      expect(h.graph.sandbox.state.codes.get(code)?.usedAt).toBeUndefined();
    }
    const ok = await h.call("GET", `${base}&redirect_uri=${encodeURIComponent(redirectUri)}`);
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toMatch(/^EAA/);
  });

  test("a code from FB.login's popup needs no redirect_uri (facts §3.1)", async () => {
    const h = await startSandbox();
    const { code } = await h.signup();
    expect(await h.exchange(code)).toMatch(/^EAA/);
  });

  test("a code that was never issued", async () => {
    const h = await startSandbox();
    const answer = await h.call(
      "GET",
      `/v26.0/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=AQnope`,
    );
    expect(answer.body.error).toMatchObject({
      code: 100,
      message: "Invalid verification code format.",
    });
  });

  test("the call log masks the secret and the code", async () => {
    const h = await startSandbox();
    const { code } = await h.signup();
    await h.exchange(code);
    const [call] = await h.calls("exchangeCodeForToken");
    expect(call.params).toEqual({ client_id: h.partner.app_id, client_secret: "***", code: "***" });
    expect(JSON.stringify(await h.calls())).not.toContain(h.partner.app_secret);
  });
});

describe("GET /debug_token", () => {
  test("lists granular scopes with the newest WABA first (the destination, then the shared source)", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const answer = await h.call("GET", `/v26.0/debug_token?input_token=${token}`, {
      token: h.partner.system_token,
    });
    expect(answer.status).toBe(200);
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    expect(answer.body.data).toMatchObject({
      app_id: h.partner.app_id,
      type: "USER",
      is_valid: true,
      expires_at: 0,
      scopes: ["whatsapp_business_management", "whatsapp_business_messaging", "public_profile"],
      granular_scopes: [
        { scope: "whatsapp_business_management", target_ids: [signup.waba_id, source] },
        { scope: "whatsapp_business_messaging", target_ids: [signup.waba_id, source] },
      ],
    });
  });

  test("a signup gives the system token nothing; assigning its user puts the WABA first", async () => {
    const h = await startSandbox("source-obo");
    const first = await h.signup();
    const second = await h.signup();
    const system = h.graph.sandbox.state.tokens.get(h.partner.system_token);
    expect(system?.granularScopes).toEqual([]);
    await h.assignSystemUser(first.waba_id);
    await h.assignSystemUser(second.waba_id);
    expect(system?.granularScopes[0]?.target_ids).toEqual([second.waba_id, first.waba_id]);
  });

  test("works with an app token and describes the system token", async () => {
    const h = await startSandbox();
    const answer = await h.call(
      "GET",
      `/v26.0/debug_token?input_token=${h.partner.system_token}&access_token=${h.partner.app_id}|${h.partner.app_secret}`,
    );
    expect(answer.body.data).toMatchObject({ type: "SYSTEM_USER", expires_at: 0, is_valid: true });
  });

  test("an unknown input token is reported invalid with 200, as Graph does", async () => {
    const h = await startSandbox();
    const answer = await h.call("GET", "/v26.0/debug_token?input_token=EAAGbogus", {
      token: h.partner.system_token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
  });

  test("without input_token: #100", async () => {
    const h = await startSandbox();
    const answer = await h.call("GET", "/v26.0/debug_token", { token: h.partner.system_token });
    expect(answer.body.error.code).toBe(100);
  });
});
