import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta answers register with one subcode, 2388001, for two refusals (facts §4.3): "Please confirm
// ownership of this phone number." and "Please ensure two-step authentication is disabled.". Only
// the second is about two-step verification; telling the customer to turn it off for the first
// would leave them stuck.

test("register refused for unconfirmed ownership stops at register_phone with ownership_unconfirmed, not two_step_enabled", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  const state = h.graph.sandbox.state;
  const phone = state.phones.get(signup.phone_number_id as string);
  if (!phone?.migration) throw new Error("the signup marks the number as moving");
  phone.migration.ownershipVerified = false;
  const created = await h.post("/migrations", { code: signup.code });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await h.bff.idle();

  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("action_required");
  const step = done?.steps.find((s) => s.id === "register_phone");
  expect(step).toMatchObject({
    status: "action_required",
    lastError: { code: "ownership_unconfirmed", retryable: false, graph: { subcode: 2388001 } },
  });
  expect(done?.steps.find((s) => s.id === "two_step_verification")?.status).toBe("succeeded");
  const registers = (await h.calls()).filter(
    (c) => c.operation === "registerWhatsAppBusinessPhoneNumber",
  );
  expect(registers.map((c) => [c.status, c.errorSubcode])).toEqual([[400, 2388001]]);
});
