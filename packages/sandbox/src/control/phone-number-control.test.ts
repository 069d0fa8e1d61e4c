import { describe, expect, test } from "vitest";
import { createSandboxBackend } from "../popup/sandbox-backend.js";
import type { ScenarioName } from "../scenarios/scenarios.js";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Two-step verification turned off (and on) for one number in the live world: what the old
// partner does in WhatsApp Manager. Graph's answers and the popup's check follow it.

const REGISTER = { messaging_product: "whatsapp", pin: "246810" };
const post = (body: unknown) => ({ method: "POST", body: JSON.stringify(body) });

async function world(scenario: ScenarioName) {
  const h = await startSandbox(scenario);
  const phoneId = h.graph.sandbox.state.customer.phoneId;
  const setTwoStep = async (body: unknown) => {
    const answer = await h.graph.request(`/__sandbox/phone-numbers/${phoneId}`, post(body));
    return { status: answer.status, body: await answer.json() };
  };
  const pinEnabled = async (token: string) =>
    (await h.call("GET", `/v26.0/${phoneId}?fields=is_pin_enabled`, { token })).body.is_pin_enabled;
  return { h, phoneId, setTwoStep, pinEnabled };
}

describe("POST /__sandbox/phone-numbers/{id}", () => {
  test("two-step-on: the popup lets the number through, Graph refuses with 2388001 until two-step is turned off", async () => {
    const { h, phoneId, setTwoStep, pinEnabled } = await world("two-step-on");
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    expect(await pinEnabled(token)).toBe(true);
    const refused = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, error_subcode: 2388001 });

    const off = await setTwoStep({ twoStepEnabled: false });
    expect(off).toEqual({
      status: 200,
      body: { id: phoneId, display_phone_number: "+1 631-555-1234", twoStepEnabled: false },
    });
    expect(await pinEnabled(token)).toBe(false);
    const registered = await h.call("POST", `/v26.0/${phoneId}/register`, {
      token,
      body: REGISTER,
    });
    expect(registered).toMatchObject({ status: 200, body: { success: true } });
    // Registering sets the new PIN, as Meta does: two-step is on again, with the partner's PIN.
    expect(h.graph.sandbox.state.phones.get(phoneId)).toMatchObject({
      wabaId: signup.waba_id,
      twoStepEnabled: true,
      pin: "246810",
    });
  });

  test("two-step-on-popup: the popup reads the number's two-step state live", async () => {
    const { h, setTwoStep } = await world("two-step-on-popup");
    const backend = createSandboxBackend(h.graph.sandbox);
    expect(backend.checkNumber("+16315551234").problem).toMatchObject({
      step: "PHONE_NUMBER_SETUP",
      errorId: "2388001",
      en: "Please ensure two-step authentication is disabled.",
    });
    const refused = await h.graph.request("/__sandbox/signups", post({}));
    expect(refused.status).toBe(409);
    expect((await refused.json()).es_error.error_id).toBe("2388001");
    expect((await (await h.graph.request("/__sandbox/popup")).json()).error?.error_id).toBe(
      "2388001",
    );

    expect((await setTwoStep({ twoStepEnabled: false })).status).toBe(200);
    expect(backend.checkNumber("+16315551234").problem).toBeUndefined();
    expect((await (await h.graph.request("/__sandbox/popup")).json()).error).toBeUndefined();
    expect((await h.signup()).phone_number_id).toBe(h.graph.sandbox.state.customer.phoneId);
  });

  test("turned on in happy: is_pin_enabled, 2388001 on the moving number, then 133005 for another PIN", async () => {
    const { h, phoneId, setTwoStep, pinEnabled } = await world("happy");
    const on = await setTwoStep({ twoStepEnabled: true, pin: "135790" });
    expect(on.body).toEqual({
      id: phoneId,
      display_phone_number: "+1 631-555-1234",
      twoStepEnabled: true,
    });
    expect(JSON.stringify(on.body)).not.toContain("135790");
    // happy's popup does not check two-step (decision 016): Graph does.
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    expect(await pinEnabled(token)).toBe(true);
    const refused = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    expect(refused.body.error.error_subcode).toBe(2388001);

    // Off, registered with the partner's PIN, then on again by the owner with the default PIN.
    await setTwoStep({ twoStepEnabled: false });
    await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    await setTwoStep({ twoStepEnabled: false });
    await setTwoStep({ twoStepEnabled: true });
    expect(h.graph.sandbox.state.phones.get(phoneId)?.pin).toBe("424242");
    const mismatch = await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
    expect(mismatch.body.error.code).toBe(133005);
    const successes = (await h.calls("registerWhatsAppBusinessPhoneNumber")).filter(
      (c) => c.status === 200,
    );
    expect(successes).toHaveLength(1);
  });

  test.each([
    [{}, "twoStepEnabled must be true or false"],
    [{ twoStepEnabled: "off" }, "twoStepEnabled must be true or false"],
    [{ twoStepEnabled: true, pin: "12345" }, "pin must be 6 digits"],
    [{ twoStepEnabled: true, pin: 123456 }, "pin must be 6 digits"],
    [{ twoStepEnabled: false, pin: "123456" }, "pin goes with twoStepEnabled: true only"],
  ])("%j: 400 validation_failed, nothing changes", async (body, detail) => {
    const { h, phoneId, setTwoStep } = await world("two-step-on");
    const answer = await setTwoStep(body);
    expect(answer).toMatchObject({ status: 400, body: { code: "validation_failed", detail } });
    expect(h.graph.sandbox.state.phones.get(phoneId)).toMatchObject({
      twoStepEnabled: true,
      pin: "424242",
    });
  });

  test("an unknown number is a 404 problem; a malformed body a 400", async () => {
    const { h, phoneId } = await world("two-step-on");
    const unknown = await h.graph.request(
      "/__sandbox/phone-numbers/999",
      post({ twoStepEnabled: false }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    expect((await unknown.json()).code).toBe("not_found");
    const malformed = await h.graph.request(`/__sandbox/phone-numbers/${phoneId}`, {
      method: "POST",
      body: "{oops",
    });
    expect(malformed.status).toBe(400);
  });
});
