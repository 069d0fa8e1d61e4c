import type { PlatformType } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// "At least one app subscribed to webhooks on the destination WABA": the Embedded Signup guide
// asks for it whatever the source runs on (facts line 148); the programmatic guide only for Cloud
// API numbers (lines 159, 175). Each path follows its own guide.

const CANNOT_MIGRATE = {
  code: 100,
  error_subcode: 2388103,
  error_user_msg: "Cannot migrate phone number.",
};

async function noAppSubscribed(platform: PlatformType) {
  const h = await startSandbox(platform === "ON_PREMISE" ? "on-prem-source" : "happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
  if (!phone) throw new Error("signup without a number");
  expect(phone.platform_type).toBe(platform);
  return { h, signup, token, phone };
}

test.each([
  ["ON_PREMISE", CANNOT_MIGRATE],
  ["CLOUD_API", CANNOT_MIGRATE],
] as const)(
  "Embedded Signup, %s source, no app subscribed: register is refused and the number stays",
  async (platform, error) => {
    const { h, signup, token, phone } = await noAppSubscribed(platform);
    const answer = await h.call("POST", `/v26.0/${phone.id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject(error);
    expect(phone.wabaId).not.toBe(signup.waba_id);
    expect(phone.platform_type).toBe(platform);
  },
);

test.each([
  ["ON_PREMISE", 200, undefined],
  ["CLOUD_API", 400, CANNOT_MIGRATE],
] as const)(
  "programmatic, %s source, no app subscribed: migrate_phone_number answers %i",
  async (platform, status, error) => {
    const { h, signup, token, phone } = await noAppSubscribed(platform);
    // The programmatic path starts from a number no signup is moving.
    phone.migration = undefined;
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/phone_numbers`, {
      token,
      form: { cc: phone.cc, phone_number: phone.phoneNumber, migrate_phone_number: "true" },
    });
    expect(answer.status).toBe(status);
    if (error) expect(answer.body.error).toMatchObject(error);
    else expect(answer.body).toEqual({ id: phone.id });
  },
);
