import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

test("a source account with more numbers than one Graph page is still found, and its templates copied", async () => {
  const h = await bffWithSandbox("happy");
  // 150 numbers onboarded after the customer's own: Graph lists newest first, so the migrating
  // number is on the second page of 100.
  const state = h.graph.sandbox.state;
  const own = state.phones.get(state.customer.phoneId);
  if (!own) throw new Error("the happy world has the customer's number");
  for (let i = 0; i < 150; i++) {
    const id = state.newId();
    state.phones.set(id, {
      ...own,
      id,
      phoneNumber: `63155${String(10000 + i)}`,
      display_phone_number: `+1 631-55${i}`,
      registrationRequests: [],
      lastOnboardedTime: own.lastOnboardedTime + (i + 1) * 60_000,
    });
  }
  const signup = await h.signup();
  const created = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
    businessId: signup.business_id,
  });
  expect(created.status).toBe(201);
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();

  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  expect(m.status).toBe("completed");
  expect(m.sourceWabaId).toBe(state.customer.sourceWabaId);
  expect(m.templates.mode).toBe("copied_before_registration");
  expect(m.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(6);

  const sourceListings = (await h.calls()).filter(
    (c) =>
      c.operation === "getWhatsAppBusinessAccountPhoneNumbers" &&
      c.path === `/${state.customer.sourceWabaId}/phone_numbers`,
  );
  expect(sourceListings).toHaveLength(2);
  expect(sourceListings[1]?.params).toMatchObject({ limit: "100" });
  expect(sourceListings[1]?.params.after).toBeDefined();
});
