import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// On a retry, register_phone first asks Meta whether an earlier request of ours went through
// after all (check before act). Meta gives `last_onboarded_time` in whole seconds, so a number
// registered by someone else in the same second as our request, just before it, looked like ours:
// a retry after Meta's 133005 (the other party's PIN) sent nothing and ended `completed` with a
// billing cutover for a number Meta never registered for us (QA: 4 of 5 demo runs, in the
// sandbox's `pin-mismatch`). A frozen sandbox clock puts both in the same second every time.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;
const REGISTER = "registerWhatsAppBusinessPhoneNumber";
/** A quarter past a whole second: Meta's seconds and our milliseconds differ. */
const FROZEN = Date.parse("2026-03-02T10:00:00.250Z");

const registers = async (h: Harness) => (await h.calls()).filter((c) => c.operation === REGISTER);

async function retry(h: Harness, id: string) {
  expect((await h.bff.request(`/migrations/${id}/retry`, { method: "POST" })).status).toBe(202);
  await h.bff.idle();
}

test("pin-mismatch: a retry with nothing changed is refused again, never completed", async () => {
  const h = await bffWithSandbox("pin-mismatch", {}, { clock: () => FROZEN });
  const signup = await h.signup();
  const { id } = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();
  const refused = {
    status: "action_required",
    lastError: { code: "pin_mismatch", graph: { code: 133005 } },
  };
  const first = await h.store.getMigration(id);
  expect(first?.steps.find((s) => s.id === "register_phone")).toMatchObject(refused);

  // "Try again" without anything changed: two-step is still on with the other party's PIN.
  await retry(h, id);
  const again = await h.store.getMigration(id);
  expect(again?.status).toBe("action_required");
  expect(again?.billingCutoverAt).toBeNull();
  expect(again?.context.registeredAt).toBeUndefined();
  expect(again?.steps.find((s) => s.id === "register_phone")).toMatchObject(refused);
  // Meta was asked again, and refused again: a refusal is never read as our registration.
  expect((await registers(h)).map((c) => c.errorCode)).toEqual([133005, 133005]);

  // The remedy works: with two-step verification turned off, the next retry registers.
  const off = await h.graph.request(`/__sandbox/phone-numbers/${signup.phone_number_id}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ twoStepEnabled: false }),
  });
  expect(off.status).toBe(200);
  await retry(h, id);
  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  expect(done?.billingCutoverAt).not.toBeNull();
  expect((await registers(h)).map((c) => c.status)).toEqual([400, 400, 200]);
});

/** A BFF on `h`'s store whose network drops Meta's answer to the first register, after Meta acted. */
function losingFirstRegisterAnswer(h: Harness, latencyMs: number) {
  let lost = false;
  return createMigrationBff({
    ...h.options,
    fetch: async (input, init) => {
      const registering = !lost && new URL(input).pathname.endsWith("/register");
      if (registering) await h.graph.sandbox.advance(latencyMs);
      const response = (await h.options.fetch?.(input, init)) as Response;
      if (registering) {
        lost = true;
        throw new TypeError("fetch failed");
      }
      return response;
    },
  });
}

async function start(h: Harness, bff: ReturnType<typeof createMigrationBff>) {
  const signup = await h.signup();
  const created = await bff.request("/migrations", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: signup.code }),
  });
  const { id } = MigrationSchema.parse(await created.json());
  await bff.idle();
  return { id, signup };
}

test.each([
  ["in the same second as our request", 0],
  ["in a later second than our request", 1_500],
])(
  "register went through but its answer was lost, Meta onboarding the number %s: recognised, not sent again",
  async (_name, latencyMs) => {
    const h = await bffWithSandbox("happy", {}, { clock: () => FROZEN });
    const { id, signup } = await start(h, losingFirstRegisterAnswer(h, latencyMs));
    const done = await h.store.getMigration(id);
    expect(done?.status).toBe("completed");
    expect(done?.billingCutoverAt).not.toBeNull();
    expect((await registers(h)).map((c) => c.status)).toEqual([200]);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
    expect(phone).toMatchObject({ status: "CONNECTED", wabaId: signup.waba_id });
  },
);

test("pin-mismatch with Meta's refusal lost: the other party's same-second registration is not ours", async () => {
  const h = await bffWithSandbox("pin-mismatch", {}, { clock: () => FROZEN });
  const { id } = await start(h, losingFirstRegisterAnswer(h, 0));
  const stopped = await h.store.getMigration(id);
  expect(stopped?.status).toBe("action_required");
  expect(stopped?.billingCutoverAt).toBeNull();
  expect(stopped?.steps.find((s) => s.id === "register_phone")).toMatchObject({
    status: "action_required",
    lastError: { code: "pin_mismatch", graph: { code: 133005 } },
  });
  // Not knowing the first answer, the kit asked again, and Meta refused again.
  expect((await registers(h)).map((c) => c.errorCode)).toEqual([133005, 133005]);
});
