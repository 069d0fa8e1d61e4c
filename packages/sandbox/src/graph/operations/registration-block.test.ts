import { expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

// Meta: 10 register requests per number per 72 h moving window, then 133016 and the number is
// blocked from registering for 72 h (facts §3.9); deregister shares the limit (§3.10). The block
// runs 72 h from the refused request, past the point where the moving window has room again.

const HOUR = 3_600_000;
const MINUTE = 60_000;
type Op = "register" | "deregister";

async function tenRequestsAnHourApart() {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
  const phoneId = signup.phone_number_id as string;
  const send = (op: Op) =>
    h.call("POST", `/v26.0/${phoneId}/${op}`, {
      token,
      ...(op === "register" ? { body: { messaging_product: "whatsapp", pin: "246810" } } : {}),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    statuses.push((await send(i % 2 === 0 ? "register" : "deregister")).status);
    await h.graph.sandbox.advance(HOUR);
  }
  expect(statuses).toEqual(Array(10).fill(200));
  const blockedUntil = async () =>
    (await h.state()).phones.find((p: { id: string }) => p.id === phoneId)
      .registrationBlockedUntil as number | undefined;
  return { h, send, blockedUntil };
}

test.each([
  ["register", "register"],
  ["register", "deregister"],
  ["deregister", "register"],
  ["deregister", "deregister"],
] as const)(
  "an 11th request (%s) is 133016 and blocks %s for 72 h from that refusal, past the window",
  async (over, later) => {
    const { h, send, blockedUntil } = await tenRequestsAnHourApart();
    expect(await blockedUntil()).toBeUndefined();
    const refusedAt = h.graph.sandbox.clock.now();
    const refused = await send(over);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 133016,
      message: "(#133016) Account register deregister rate limit exceeded",
    });
    expect(await blockedUntil()).toBe(refusedAt + 72 * HOUR);
    // 62 h 1 min after the refusal the first request has left the window: still blocked.
    await h.graph.sandbox.advance(62 * HOUR + MINUTE);
    expect((await send(later)).body.error?.code).toBe(133016);
    await h.graph.sandbox.advance(9 * HOUR + 58 * MINUTE);
    expect((await send(later)).body.error?.code).toBe(133016);
    // Refusals during the block neither count nor extend it.
    await h.graph.sandbox.advance(MINUTE);
    expect((await send(later)).status).toBe(200);
    expect(await blockedUntil()).toBeUndefined();
    const calls = (await h.calls()).filter((c) => c.errorCode === 133016);
    expect(calls.map((c) => c.time - refusedAt)).toEqual([
      0,
      62 * HOUR + MINUTE,
      71 * HOUR + 59 * MINUTE,
    ]);
  },
);
