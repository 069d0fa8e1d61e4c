import { describe, expect, test } from "vitest";
import { startSandbox, T0 } from "../test-support/sandbox-harness.js";

const post = (body: unknown) => ({ method: "POST", body: JSON.stringify(body) });

describe("control API", () => {
  test("GET partner gives what a BFF needs", async () => {
    const h = await startSandbox();
    expect(h.partner).toEqual({
      app_id: expect.stringMatching(/^\d{15}$/),
      app_secret: expect.any(String),
      app_name: "Lucky Shrub Connect",
      callback_url: "http://127.0.0.1:8787/webhooks",
      verify_token: expect.any(String),
      system_user_id: expect.stringMatching(/^\d+$/),
      system_token: expect.stringMatching(/^EAA/),
      business_id: expect.stringMatching(/^\d+$/),
      credit_line_id: expect.stringMatching(/^\d+$/),
      config_ids: { v2: expect.any(String), v3: expect.any(String), v4: expect.any(String) },
      config_id: h.partner.config_ids.v4,
      scenario: "happy",
    });
  });

  test("POST signups returns the ids of a finished popup; the same seed gives the same ids", async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    const first = await a.signup();
    expect(first).toEqual({
      code: expect.stringMatching(/^AQ/),
      waba_id: expect.stringMatching(/^\d{15}$/),
      phone_number_id: a.graph.sandbox.state.customer.phoneId,
      business_id: a.graph.sandbox.state.customer.businessId,
    });
    expect(await b.signup()).toEqual(first);
  });

  test("Graph calls in between (retries, reads) do not shift the ids the world hands out", async () => {
    const quiet = await startSandbox();
    const busy = await startSandbox();
    await quiet.signup();
    await busy.signup();
    for (let i = 0; i < 5; i += 1)
      await busy.call("GET", "/v26.0/debug_token", { token: busy.partner.system_token });
    expect(await busy.signup()).toEqual(await quiet.signup());
  });

  test("POST signups with a scenario switches to it first; with a phone picks that number", async () => {
    const h = await startSandbox();
    const signup = await h.signup({ scenario: "on-prem-source", phone: "+1 631-555-1234" });
    expect(h.graph.sandbox.scenario.name).toBe("on-prem-source");
    expect(signup.phone_number_id).toBe(h.graph.sandbox.state.customer.phoneId);
    const unknown = await h.graph.request("/__sandbox/signups", post({ phone: "+44 7700 900123" }));
    expect(unknown.status).toBe(409);
    expect((await unknown.json()).es_error.error_id).toBe("2388103");
  });

  test("FINISH_ONLY_WABA creates the WABA without a number", async () => {
    const h = await startSandbox();
    const signup = await h.signup({ finishEvent: "FINISH_ONLY_WABA" });
    expect(signup.phone_number_id).toBeUndefined();
    expect(
      h.graph.sandbox.state.phones.get(h.graph.sandbox.state.customer.phoneId)?.migration,
    ).toBeUndefined();
  });

  test("GET calls lists every Graph request with secrets masked", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    // Subscribed first: Meta takes an override only from a subscribed app.
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps?access_token=${token}`, {
      body: { override_callback_uri: "https://x.example/h", verify_token: "vt-secret" },
    });
    await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    const calls = await h.calls();
    expect(calls.map((c) => c.operation)).toEqual([
      "exchangeCodeForToken",
      "subscribeToWabaWebhooks",
      "subscribeToWabaWebhooks",
      "registerWhatsAppBusinessPhoneNumber",
    ]);
    expect(calls[2]).toEqual({
      seq: 3,
      operation: "subscribeToWabaWebhooks",
      method: "POST",
      path: `/${signup.waba_id}/subscribed_apps`,
      version: "v26.0",
      params: {
        access_token: "***",
        override_callback_uri: "https://x.example/h",
        verify_token: "***",
      },
      status: 200,
      errorCode: null,
      errorSubcode: null,
      fault: null,
      time: T0,
    });
    expect(calls[3]?.params).toEqual({ messaging_product: "whatsapp", pin: "***" });
    const text = JSON.stringify(calls);
    for (const secret of [token, "246810", "vt-secret", h.partner.app_secret])
      expect(text).not.toContain(secret);
    expect(await h.calls("registerWhatsAppBusinessPhoneNumber")).toHaveLength(1);
  });

  test("POST clock advances sandbox time and runs what became due", async () => {
    const h = await startSandbox();
    const answer = await h.graph.request("/__sandbox/clock", post({ advanceMs: 90_000 }));
    expect(await answer.json()).toEqual({ now: T0 + 90_000 });
    expect((await h.state()).now).toBe(T0 + 90_000);
    for (const bad of [{ advanceMs: -1 }, { advanceMs: "1" }, {}]) {
      expect((await h.graph.request("/__sandbox/clock", post(bad))).status).toBe(400);
    }
  });

  test("POST reset rebuilds the world (same seed, same ids); POST scenario switches", async () => {
    const h = await startSandbox();
    const before = await h.state();
    await h.signup();
    expect((await h.graph.request("/__sandbox/reset", post({}))).status).toBe(200);
    const after = await h.state();
    expect(after.wabas).toEqual(before.wabas);
    expect(after.tokens).toHaveLength(1);
    const switched = await h.graph.request("/__sandbox/scenario", post({ name: "two-step-on" }));
    expect(await switched.json()).toEqual({ scenario: "two-step-on", seed: 11 });
    expect((await h.state()).phones[0]).toMatchObject({ twoStepEnabled: true });
    const reseeded = await (
      await h.graph.request("/__sandbox/reset", post({ scenario: "happy", seed: 12 }))
    ).json();
    expect(reseeded).toEqual({ scenario: "happy", seed: 12 });
    expect((await h.state()).wabas[0].id).not.toBe(before.wabas[0].id);
  });

  test("GET state shows everything, tokens and PINs included", async () => {
    const h = await startSandbox("two-step-on");
    const state = await h.state();
    expect(Object.keys(state).sort()).toEqual(
      [
        "allocations",
        "businesses",
        "codes",
        "customer",
        "faults",
        "internalErrors",
        "jobs",
        "now",
        "partner",
        "phones",
        "scenario",
        "seed",
        "templates",
        "tokens",
        "usage",
        "wabas",
        "webhooks",
      ].sort(),
    );
    expect(state.phones[0].pin).toBe("424242");
    expect(state.tokens[0].value).toBe(h.partner.system_token);
    expect(state.templates).toHaveLength(12);
  });

  test("an unexpected failure answers Graph's code 1 with HTTP 500, no stack, and is kept in the state", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    // Break the world: the WABA the number is moving to disappears.
    h.graph.sandbox.state.wabas.delete(signup.waba_id);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
    if (phone) phone.wabaId = h.graph.sandbox.state.customer.sourceWabaId;
    const token2 = h.graph.sandbox.state.tokens.get(token);
    token2?.granularScopes[0]?.target_ids.push(h.graph.sandbox.state.customer.sourceWabaId);
    const answer = await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject({
      code: 1,
      message: "(#1) An unknown error occurred",
      is_transient: true,
    });
    expect(JSON.stringify(answer.body)).not.toContain(".ts");
    expect((await h.state()).internalErrors).toEqual([
      {
        time: T0,
        operation: "registerWhatsAppBusinessPhoneNumber",
        message: "migration to a missing WABA",
      },
    ]);
  });

  test("GET popup gives the popup-facing facts of the scenario", async () => {
    const h = await startSandbox("two-step-on-popup");
    expect(await (await h.graph.request("/__sandbox/popup")).json()).toEqual({
      scenario: "two-step-on-popup",
      error: {
        current_step: "PHONE_NUMBER_SETUP",
        error_message: "Please ensure two-step authentication is disabled.",
        error_id: "2388001",
      },
      finishEvent: "FINISH",
      order: "message-then-callback",
      phone: "16315551234",
      display_phone_number: "+1 631-555-1234",
      verified_name: "Wind & Wool",
      business_name: "Wind & Wool",
    });
  });

  test.each([
    ["/__sandbox/scenario", { name: "nope" }],
    ["/__sandbox/reset", { seed: 1.5 }],
    ["/__sandbox/signups", { scenario: "nope" }],
    ["/__sandbox/signups", { phone: 5 }],
  ])("%s with %j: 400 problem+json validation_failed", async (path, body) => {
    const h = await startSandbox();
    const answer = await h.graph.request(path, post(body));
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(await answer.json()).toMatchObject({ code: "validation_failed", status: 400 });
  });

  test("a malformed body and an unknown route are problems, not crashes", async () => {
    const h = await startSandbox();
    expect(
      (await h.graph.request("/__sandbox/signups", { method: "POST", body: "{oops" })).status,
    ).toBe(400);
    const missing = await h.graph.request("/__sandbox/nothing");
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe("not_found");
  });

  test("GET scenarios and operations list what the sandbox knows", async () => {
    const h = await startSandbox();
    const scenarios = await (await h.graph.request("/__sandbox/scenarios")).json();
    expect(scenarios.data).toHaveLength(19);
    const operations = await (await h.graph.request("/__sandbox/operations")).json();
    expect(operations.data).toContain("registerWhatsAppBusinessPhoneNumber");
    expect(operations.data).toContain("createMigrateMessageTemplates");
  });
});
