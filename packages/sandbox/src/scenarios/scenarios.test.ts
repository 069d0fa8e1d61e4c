import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";
import { SCENARIO_NAMES } from "./scenarios.js";

// One test per scenario: the flow a BFF runs (signup, exchange, subscribe, templates, register)
// and the exact Graph answer and state change (or none) the scenario is about.

const REGISTER = { messaging_product: "whatsapp", pin: "246810" };

async function signedUp(scenario: (typeof SCENARIO_NAMES)[number], force = false) {
  const h = await startSandbox(scenario);
  const signup = await h.signup(force ? { force: true } : {});
  const token = await h.exchange(signup.code);
  const phoneId = signup.phone_number_id as string;
  const phone = () => h.graph.sandbox.state.phones.get(phoneId);
  return { h, signup, token, phoneId, phone, source: h.graph.sandbox.state.customer.sourceWabaId };
}

async function refusedByPopup(scenario: (typeof SCENARIO_NAMES)[number], errorId: string) {
  const h = await startSandbox(scenario);
  const response = await h.graph.request("/__sandbox/signups", { method: "POST" });
  expect(response.status).toBe(409);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem).toMatchObject({
    code: "signup_error",
    es_error: { current_step: "PHONE_NUMBER_SETUP", error_id: errorId },
  });
  // No WABA was created, nothing was granted.
  expect(h.graph.sandbox.state.wabas.size).toBe(1);
  expect(h.graph.sandbox.state.codes.size).toBe(0);
}

describe("scenarios", () => {
  test("every scenario has a definition and a README line", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const name of SCENARIO_NAMES) expect(readme).toContain(`- \`${name}\`: `);
  });

  test("happy: registration moves the number with its name, quality, limit and OBA; Meta copies templates after 60 s", async () => {
    const { h, signup, token, phoneId, phone, source } = await signedUp("happy");
    const before = structuredClone(phone());
    expect(
      (await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token })).status,
    ).toBe(200);
    const answer = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    expect(phone()).toMatchObject({
      wabaId: signup.waba_id,
      status: "CONNECTED",
      platform_type: "CLOUD_API",
      verified_name: before?.verified_name,
      quality_rating: before?.quality_rating,
      messagingLimit: before?.messagingLimit,
      is_official_business_account: true,
      twoStepEnabled: true,
      pin: "246810",
      migration: undefined,
    });
    const sourceList = await h.call("GET", `/v26.0/${source}/phone_numbers`, { token });
    expect(sourceList.body.data).toEqual([]);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(0);
    await h.graph.sandbox.advance(59_999);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(0);
    await h.graph.sandbox.advance(1);
    const copied = h.graph.sandbox.state.templatesOf(signup.waba_id);
    expect(copied.map((t) => `${t.name}/${t.language}`)).toEqual([
      "order_confirmation/en_US",
      "order_confirmation/de",
      "shipping_update/en_US",
      "spring_sale/en_US",
      "login_code/en_US",
      "payment_reminder/es",
    ]);
    expect(copied.every((t) => t.status === "APPROVED" && t.quality.score === "UNKNOWN")).toBe(
      true,
    );
  });

  test("source-obo: the source WABA is unreadable (100/33) and template migration is refused; registration still moves the number", async () => {
    const { h, signup, token, phoneId, phone, source } = await signedUp("source-obo");
    const read = await h.call("GET", `/v26.0/${source}`, { token });
    expect(read.status).toBe(400);
    expect(read.body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: "GraphMethodException",
    });
    const migrate = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    expect(migrate.status).toBe(400);
    expect(migrate.body.error.error_user_msg).toBe(
      "Templates can only be migrated between WhatsApp Business Accounts owned by the same business.",
    );
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(0);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    expect(
      (await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER })).status,
    ).toBe(200);
    expect(phone()?.wabaId).toBe(signup.waba_id);
    await h.graph.sandbox.advance(60_000);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(6);
  });

  test.each([
    ["two-step-on-popup", "2388001"],
    ["test-number", "2388103"],
    ["name-pending-review", "2388103"],
    ["pending-rename", "2388103"],
  ] as const)(
    "%s: the popup stops on its error screen (error_id %s)",
    async (scenario, errorId) => {
      await refusedByPopup(scenario, errorId);
    },
  );

  test.each([
    ["two-step-on", 2388001, "Please ensure two-step authentication is disabled."],
    ["two-step-on-popup", 2388001, "Please ensure two-step authentication is disabled."],
    ["test-number", 2388103, "There was an error migrating this phone number."],
    ["name-pending-review", 2388103, "Registered name should be present and approved."],
    ["pending-rename", 2388103, "Registered name should be present and approved."],
    ["business-unverified", 2388103, "There was an error migrating this phone number."],
    ["source-waba-not-approved", 2388103, "Your WhatsApp account must be approved"],
    ["no-payment-method", 2388103, "Your WhatsApp account does not have a payment account."],
  ] as const)(
    "%s: Graph refuses registration with 100/%i and the number stays",
    async (scenario, subcode, userMsg) => {
      const { h, signup, token, phoneId, phone, source } = await signedUp(scenario, true);
      await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
      const before = structuredClone(phone());
      const answer = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 100,
        error_subcode: subcode,
        error_user_msg: userMsg,
        message: "(#100) Invalid parameter",
      });
      expect(phone()?.wabaId).toBe(source);
      expect({ ...phone(), registrationRequests: [] }).toEqual({
        ...before,
        registrationRequests: [],
      });
    },
  );

  test("pending-rename: Meta approves the rename after a day and sends phone_number_name_update; then the number can move", async () => {
    const { h, signup, token, phoneId, phone } = await signedUp("pending-rename", true);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.graph.sandbox.advance(86_400_000);
    await h.graph.sandbox.settle();
    expect(phone()).toMatchObject({
      verified_name: "Wind and Wool",
      name_status: "APPROVED",
      new_name_status: "NONE",
    });
    // The number is still in the old partner's WABA, to which our app is not subscribed: Meta
    // tells the old partner's app, not ours.
    const webhook = h.graph.sandbox.state.webhooks.find(
      (w) => w.field === "phone_number_name_update",
    );
    expect(webhook?.state).toBe("not-subscribed");
    expect(h.outbound.some((o) => o.body.includes("phone_number_name_update"))).toBe(false);
    expect(JSON.parse(webhook?.body ?? "{}").entry[0].changes[0]).toEqual({
      field: "phone_number_name_update",
      value: {
        display_phone_number: "16315551234",
        decision: "APPROVED",
        requested_verified_name: "Wind and Wool",
        rejection_reason: null,
      },
    });
    expect(
      (await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER })).status,
    ).toBe(200);
  });

  test("template-limit-near: a verified destination holding 5,748 templates takes 252 more; the API reports the rest", async () => {
    const { h, signup, token, source } = await signedUp("template-limit-near");
    const fields = "?fields=business_verification_status";
    const read = await h.call("GET", `/v26.0/${signup.waba_id}${fields}`, { token });
    expect(read.body.business_verification_status).toBe("verified");
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.migrated_templates).toHaveLength(252);
    const reasons = Object.values(answer.body.failed_templates);
    expect(reasons).toHaveLength(3);
    expect(new Set(reasons)).toEqual(new Set(["Template limit exceeded"]));
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(6000);
  });

  test("recheck-rejects: the API lists re-checked templates as Incorrect category; the automatic copy creates them REJECTED", async () => {
    const { h, signup, token, phoneId, source } = await signedUp("recheck-rejects");
    const state = h.graph.sandbox.state;
    const migrate = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    const failedNames = Object.keys(migrate.body.failed_templates).map(
      (id) => state.templates.get(id)?.name,
    );
    expect(failedNames.sort()).toEqual(["login_code", "shipping_update"]);
    expect(new Set(Object.values(migrate.body.failed_templates))).toEqual(
      new Set(["Incorrect category"]),
    );
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    await h.graph.sandbox.advance(60_000);
    const rejected = state.templatesOf(signup.waba_id).filter((t) => t.status === "REJECTED");
    expect(rejected.map((t) => [t.name, t.rejectedReason])).toEqual([
      ["shipping_update", "INCORRECT_CATEGORY"],
      ["login_code", "INCORRECT_CATEGORY"],
    ]);
  });

  test("on-prem-source: with an app subscribed (see migration-rules.test.ts) the number lands on Cloud API", async () => {
    const { h, token, phoneId, phone, signup } = await signedUp("on-prem-source");
    expect(phone()?.platform_type).toBe("ON_PREMISE");
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    expect(
      (await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER })).status,
    ).toBe(200);
    expect(phone()).toMatchObject({ platform_type: "CLOUD_API", wabaId: signup.waba_id });
  });

  test("register-rate-limited: 133016 until 72 h after the refusal, though the window frees a slot at 62 h", async () => {
    const { h, signup, token, phoneId, phone } = await signedUp("register-rate-limited");
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const blockedUntil = (await h.state()).phones.find(
      (p: { id: string }) => p.id === phoneId,
    ).registrationBlockedUntil;
    expect(blockedUntil).toBe(h.graph.sandbox.clock.now() + 72 * 3_600_000);
    const register = () => h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 133016,
      message: "(#133016) Account register deregister rate limit exceeded",
    });
    expect(phone()?.wabaId).not.toBe(signup.waba_id);
    expect(phone()?.registrationRequests).toHaveLength(10);
    await h.graph.sandbox.advance(62 * 3_600_000 + 60_000);
    expect((await register()).body.error?.code).toBe(133016);
    await h.graph.sandbox.advance(9 * 3_600_000 + 58 * 60_000);
    expect((await register()).body.error?.code).toBe(133016);
    await h.graph.sandbox.advance(60_000);
    expect((await register()).status).toBe(200);
    expect(phone()?.wabaId).toBe(signup.waba_id);
  });

  test("pin-mismatch: another PIN gets 133005 and changes nothing; the PIN set earlier succeeds", async () => {
    const { h, token, phoneId, phone } = await signedUp("pin-mismatch");
    expect(phone()).toMatchObject({ status: "CONNECTED", twoStepEnabled: true, pin: "135790" });
    const refused = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 133005,
      message: "(#133005) Two step verification PIN Mismatch",
    });
    expect(phone()?.pin).toBe("135790");
    const ok = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "135790" },
    });
    expect(ok.status).toBe(200);
  });

  test("rate-limited: WABA calls get 80007 with the regain time until the next hour", async () => {
    const { h, signup, token } = await signedUp("rate-limited");
    const refused = await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 80007, is_transient: true });
    const usage = JSON.parse(refused.headers.get("x-business-use-case-usage") ?? "{}");
    expect(usage[signup.waba_id][0]).toMatchObject({
      call_count: 100,
      estimated_time_to_regain_access: 60,
    });
    await h.graph.sandbox.advance(3_600_000);
    expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).status).toBe(200);
  });

  test("flaky: about a fifth of calls fail with transient faults, the same ones for the same seed", async () => {
    const run = async () => {
      const { h, signup, token } = await signedUp("flaky");
      const statuses: string[] = [];
      for (let i = 0; i < 100; i += 1) {
        const a = await h.call("GET", `/v26.0/${signup.waba_id}/phone_numbers`, { token });
        statuses.push(
          a.status === 200
            ? "ok"
            : `${a.status}:${typeof a.body === "string" ? "edge" : a.body.error.code}`,
        );
      }
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((s) => s !== "ok");
    expect(failures.length).toBeGreaterThan(8);
    expect(failures.length).toBeLessThan(35);
    expect(new Set(failures.map((f) => f.split(":")[1]))).toEqual(
      new Set(["1", "2", "131000", "131016", "edge"]),
    );
  });

  test("token-expired: calls with the business token get 190/463 and debug_token says is_valid false", async () => {
    const { h, signup, token } = await signedUp("token-expired");
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({
      code: 190,
      error_subcode: 463,
      type: "OAuthException",
    });
    const debug = await h.call("GET", `/v26.0/debug_token?input_token=${token}`, {
      token: h.partner.system_token,
    });
    expect(debug.body.data).toMatchObject({ is_valid: false });
  });

  test("no-default-webhook: subscribing is refused, with an override too; signup webhooks have nowhere to go", async () => {
    const { h, signup, token } = await signedUp("no-default-webhook");
    const refused = await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(100);
    expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.subscriptions).toEqual([]);
    expect(h.graph.sandbox.state.webhooks.map((w) => w.state)).toEqual([
      "no-callback",
      "no-callback",
    ]);
    // Meta takes an override only from an app already subscribed to the WABA ("Webhook overrides").
    const override = await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, {
      token,
      body: { override_callback_uri: "https://partner.example/hooks", verify_token: "s3cret" },
    });
    expect(override.status).toBe(400);
    expect(override.body.error.message).toMatch(
      /^\(#100\) Before override the current callback uri/,
    );
    expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.subscriptions).toEqual([]);
  });
});
