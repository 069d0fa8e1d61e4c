import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

async function ready(scenario: Parameters<typeof startSandbox>[0] = "happy", subscribe = true) {
  const h = await startSandbox(scenario);
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  if (subscribe) await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
  const phoneId = signup.phone_number_id as string;
  return { h, signup, token, phoneId, phone: () => h.graph.sandbox.state.phones.get(phoneId) };
}

describe("POST /{phone}/register", () => {
  test('without an app subscribed on the destination: 100/2388103 "Cannot migrate phone number.", nothing moves', async () => {
    const { h, token, phoneId, phone } = await ready("happy", false);
    const answer = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 100,
      error_subcode: 2388103,
      error_user_msg: "Cannot migrate phone number.",
    });
    expect(phone()).toMatchObject({
      wabaId: h.graph.sandbox.state.customer.sourceWabaId,
      twoStepEnabled: false,
      pin: undefined,
    });
  });

  test("the PIN turns two-step verification on when it is off", async () => {
    const { h, token, phoneId, phone } = await ready();
    expect(phone()?.twoStepEnabled).toBe(false);
    await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(phone()).toMatchObject({ twoStepEnabled: true, pin: "246810" });
    const read = await h.call("GET", `/v26.0/${phoneId}?fields=is_pin_enabled,status`, { token });
    expect(read.body).toMatchObject({ is_pin_enabled: true, status: "CONNECTED" });
  });

  test("once two-step is on, another PIN is 133005 and the same PIN succeeds", async () => {
    const { h, token, phoneId, phone } = await ready();
    await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    const wrong = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "000000" },
    });
    expect(wrong.body.error).toMatchObject({ code: 133005 });
    expect(phone()?.pin).toBe("246810");
    expect(
      (
        await h.call("POST", `/v26.0/${phoneId}/register`, {
          token,
          body: { messaging_product: "whatsapp", pin: "246810" },
        })
      ).status,
    ).toBe(200);
  });

  test("the 11th register/deregister request within 72 h is 133016 and is not counted", async () => {
    const { h, token, phoneId, phone } = await ready();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (
          await h.call("POST", `/v26.0/${phoneId}/register`, {
            token,
            body: { messaging_product: "whatsapp", pin: "246810" },
          })
        ).status,
      );
      statuses.push((await h.call("POST", `/v26.0/${phoneId}/deregister`, { token })).status);
    }
    expect(statuses).toEqual(Array(10).fill(200));
    const eleventh = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(eleventh.body.error).toMatchObject({ code: 133016 });
    expect(phone()?.registrationRequests).toHaveLength(10);
    expect(phone()?.status).toBe("DISCONNECTED");
  });

  test.each([
    [{ pin: "246810" }, "(#100) The parameter messaging_product is required"],
    [{ messaging_product: "sms", pin: "246810" }, "(#100) Invalid parameter"],
    [{ messaging_product: "whatsapp" }, "(#100) The parameter pin is required"],
    [{ messaging_product: "whatsapp", pin: "12345" }, "(#100) Invalid parameter"],
    [{ messaging_product: "whatsapp", pin: "12345a" }, "(#100) Invalid parameter"],
    [
      { messaging_product: "whatsapp", pin: "246810", data_localization_region: "FR" },
      "(#100) Invalid parameter",
    ],
  ])("bad parameters %j: #100, not counted, nothing changes", async (body, message) => {
    const { h, token, phoneId, phone } = await ready();
    const answer = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, message });
    expect(phone()).toMatchObject({ registrationRequests: [], twoStepEnabled: false });
  });

  test("data_localization_region is kept", async () => {
    const { h, token, phoneId, phone } = await ready();
    await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810", data_localization_region: "CH" },
    });
    expect(phone()?.dataLocalizationRegion).toBe("CH");
  });

  test("a token that was not granted the WABA cannot register (100/33)", async () => {
    // source-obo: the signup does not share the source WABA, where the number still is.
    const { h, phoneId } = await ready("source-obo");
    const other = await h.signup();
    const otherToken = await h.exchange(other.code);
    const phone = h.graph.sandbox.state.phones.get(phoneId);
    if (phone) phone.migration = undefined;
    const answer = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token: otherToken,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  test("POST /{phone} {pin} changes the two-step PIN", async () => {
    const { h, token, phoneId, phone } = await ready();
    expect(
      (await h.call("POST", `/v26.0/${phoneId}`, { token, body: { pin: "999999" } })).body,
    ).toEqual({ success: true });
    expect(phone()).toMatchObject({ twoStepEnabled: true, pin: "999999" });
    expect(
      (await h.call("POST", `/v26.0/${phoneId}`, { token, body: { pin: "99" } })).body.error.code,
    ).toBe(100);
  });
});

describe("programmatic migration (POST /{dest}/phone_numbers, request_code, verify_code)", () => {
  async function programmatic(scenario: Parameters<typeof startSandbox>[0] = "happy") {
    const r = await ready(scenario);
    // The programmatic path starts from a WABA that is not yet receiving the number.
    const phone = r.phone();
    if (phone) phone.migration = undefined;
    return r;
  }
  const initiate = (h: Awaited<ReturnType<typeof ready>>["h"], waba: string, token: string) =>
    h.call("POST", `/v26.0/${waba}/phone_numbers`, {
      token,
      form: { cc: "1", phone_number: "6315551234", migrate_phone_number: "true" },
    });

  test("initiate, confirm ownership by code, register: the number moves", async () => {
    const { h, signup, token, phoneId, phone } = await programmatic();
    const started = await initiate(h, signup.waba_id, token);
    expect(started.body).toEqual({ id: phoneId });
    expect(phone()?.migration).toMatchObject({
      destWabaId: signup.waba_id,
      via: "programmatic",
      ownershipVerified: false,
    });
    const early = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(early.body.error).toMatchObject({
      code: 100,
      error_subcode: 2388001,
      error_user_msg: "Please confirm ownership of this phone number.",
    });
    expect(
      (
        await h.call("POST", `/v26.0/${phoneId}/request_code`, {
          token,
          form: { code_method: "SMS", language: "en_US" },
        })
      ).body,
    ).toEqual({ success: true });
    const code = phone()?.verificationCode as string;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await h.call("POST", `/v26.0/${phoneId}/verify_code`, {
      token,
      form: { code: code === "111111" ? "222222" : "111111" },
    });
    expect(wrong.body.error.code).toBe(100);
    expect(
      (await h.call("POST", `/v26.0/${phoneId}/verify_code`, { token, form: { code } })).body,
    ).toEqual({ success: true });
    expect(
      (
        await h.call("POST", `/v26.0/${phoneId}/register`, {
          token,
          body: { messaging_product: "whatsapp", pin: "246810" },
        })
      ).status,
    ).toBe(200);
    expect(phone()?.wabaId).toBe(signup.waba_id);
  });

  test("two-step on: 100/2388001 at initiation, no migration starts", async () => {
    const { h, signup, token, phone } = await programmatic();
    const record = phone();
    if (record) record.twoStepEnabled = true;
    const answer = await initiate(h, signup.waba_id, token);
    expect(answer.body.error).toMatchObject({
      code: 100,
      error_subcode: 2388001,
      error_user_msg: "Please ensure two-step authentication is disabled.",
    });
    expect(phone()?.migration).toBeUndefined();
  });

  test('no subscribed app on the destination: 100/2388103 "Cannot migrate phone number."', async () => {
    const { h, signup, token, phone } = await programmatic();
    await h.call("DELETE", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const answer = await initiate(h, signup.waba_id, token);
    expect(answer.body.error).toMatchObject({
      error_subcode: 2388103,
      error_user_msg: "Cannot migrate phone number.",
    });
    expect(phone()?.migration).toBeUndefined();
  });

  test("already in the destination: 100/2388012", async () => {
    const { h, signup, token, phoneId } = await programmatic();
    await initiate(h, signup.waba_id, token);
    const record = h.graph.sandbox.state.phones.get(phoneId);
    if (record) record.wabaId = signup.waba_id;
    const answer = await initiate(h, signup.waba_id, token);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 2388012 });
  });

  test('a number Meta does not know: 2388103 "Please add this phone number in your WhatsApp account"', async () => {
    const { h, signup, token } = await programmatic();
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/phone_numbers`, {
      token,
      form: { cc: "44", phone_number: "7700900123", migrate_phone_number: "true" },
    });
    expect(answer.body.error).toMatchObject({
      error_subcode: 2388103,
      error_user_msg: "Please add this phone number in your WhatsApp account",
    });
  });

  test("request_code on a registered number that is not migrating: 136024/2388091", async () => {
    const { h, token, phoneId } = await programmatic();
    const answer = await h.call("POST", `/v26.0/${phoneId}/request_code`, {
      token,
      form: { code_method: "SMS", language: "en_US" },
    });
    expect(answer.body.error).toMatchObject({ code: 136024, error_subcode: 2388091 });
  });

  test("verify_code without a code sent: 136024/2388093", async () => {
    const { h, token, phoneId } = await programmatic();
    const answer = await h.call("POST", `/v26.0/${phoneId}/verify_code`, {
      token,
      form: { code: "123456" },
    });
    expect(answer.body.error).toMatchObject({ code: 136024, error_subcode: 2388093 });
  });

  test.each([
    [{ language: "en_US" }, "(#100) The parameter code_method is required"],
    [{ code_method: "FAX", language: "en_US" }, "(#100) Invalid parameter"],
    [{ code_method: "SMS" }, "(#100) The parameter language is required"],
  ])("request_code %j: #100", async (form, message) => {
    const { h, signup, token, phoneId } = await programmatic();
    await initiate(h, signup.waba_id, token);
    const answer = await h.call("POST", `/v26.0/${phoneId}/request_code`, { token, form });
    expect(answer.body.error).toMatchObject({ code: 100, message });
  });

  test("without migrate_phone_number a new unverified number is added (verified_name required)", async () => {
    const { h, signup, token } = await programmatic();
    const missing = await h.call("POST", `/v26.0/${signup.waba_id}/phone_numbers`, {
      token,
      form: { cc: "44", phone_number: "7700900123" },
    });
    expect(missing.body.error.message).toBe("(#100) The parameter verified_name is required");
    const added = await h.call("POST", `/v26.0/${signup.waba_id}/phone_numbers`, {
      token,
      form: { cc: "44", phone_number: "7700900123", verified_name: "Wind & Wool UK" },
    });
    expect(added.body.id).toMatch(/^\d{15}$/);
    expect(h.graph.sandbox.state.phones.get(added.body.id)).toMatchObject({
      status: "PENDING",
      code_verification_status: "NOT_VERIFIED",
      wabaId: signup.waba_id,
    });
  });
});
