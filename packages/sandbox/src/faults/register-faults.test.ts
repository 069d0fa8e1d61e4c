import { expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Meta limits register and deregister *requests* to 10 per number in 72 hours (facts §3.9). A
// fault that stands for a request that reached registration (an error, a 5xx, a lost answer)
// therefore counts; Graph's throttles and an invalid token answer before the operation and do
// not. Without this, a client that retries a failing register looked safe in the sandbox however
// often it sent it.

const REGISTER = "registerWhatsAppBusinessPhoneNumber";

// Each fault, and whether Meta counted the request it answered.
const FAULTS: [string | number, number][] = [
  [131000, 1],
  [1, 1],
  ["5xx", 1],
  ["drop", 1],
  [4, 0],
  [32, 0],
  [613, 0],
  [80007, 0],
  [130429, 0],
  [190, 0],
];

test("a register answered by a fault counts toward the 10 per 72 h unless Graph answered before registration", async () => {
  const counted: [string | number, number][] = [];
  for (const [code] of FAULTS) {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.graph.request("/__sandbox/faults", {
      method: "POST",
      body: JSON.stringify({ failNext: [{ operation: REGISTER, count: 1, code }] }),
    });
    // A dropped connection rejects the in-process fetch like a reset socket.
    await Promise.resolve(
      h.graph.request(`/v26.0/${signup.phone_number_id}/register`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ messaging_product: "whatsapp", pin: "246810" }),
      }),
    ).catch(() => undefined);
    expect((await h.calls(REGISTER)).map((c) => c.fault)).toEqual([String(code)]);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
    counted.push([code, phone?.registrationRequests.length ?? -1]);
  }
  expect(counted).toEqual(FAULTS);
});

test("ten failed register requests block the eleventh with 133016, as ten successful ones would", async () => {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
  await h.graph.request("/__sandbox/faults", {
    method: "POST",
    body: JSON.stringify({ failNext: [{ operation: REGISTER, count: 10, code: 131000 }] }),
  });
  const path = `/v26.0/${signup.phone_number_id}/register`;
  const body = { messaging_product: "whatsapp", pin: "246810" };
  for (let i = 0; i < 10; i += 1) await h.call("POST", path, { token, body });
  const eleventh = await h.call("POST", path, { token, body });
  expect(eleventh.body.error).toMatchObject({ code: 133016 });
  await h.graph.sandbox.advance(72 * 3_600_000);
  expect((await h.call("POST", path, { token, body })).status).toBe(200);
});
