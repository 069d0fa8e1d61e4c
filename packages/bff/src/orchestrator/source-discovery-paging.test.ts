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
  expect(m.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(7);

  // The expanded read brings the first page of 100 ids; the second page follows its cursor.
  const calls = await h.calls();
  const source = state.customer.sourceWabaId;
  const read = calls.filter((c) => c.path === `/${source}`);
  expect(read).toHaveLength(1);
  expect(read[0]?.params.fields).toContain("phone_numbers.limit(100){id}");
  const sourceListings = calls.filter(
    (c) =>
      c.operation === "getWhatsAppBusinessAccountPhoneNumbers" &&
      c.path === `/${source}/phone_numbers`,
  );
  expect(sourceListings).toHaveLength(1);
  expect(sourceListings[0]?.params).toMatchObject({ limit: "100", fields: "id" });
  expect(sourceListings[0]?.params.after).toBeDefined();
  expect(sourceListings[0]?.seq).toBeGreaterThan(read[0]?.seq ?? Number.POSITIVE_INFINITY);
});

test("a destination whose number is beyond the first page of 100 passes the grant check", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  // 120 numbers onboarded later into the destination: the moving number is on the second page.
  const state = h.graph.sandbox.state;
  const own = state.phones.get(state.customer.phoneId);
  if (!own) throw new Error("the happy world has the customer's number");
  for (let i = 0; i < 120; i++) {
    const id = state.newId();
    state.phones.set(id, {
      ...own,
      id,
      wabaId: signup.waba_id,
      migration: undefined,
      phoneNumber: `63166${String(10000 + i)}`,
      display_phone_number: `+1 631-66${i}`,
      registrationRequests: [],
      lastOnboardedTime: own.lastOnboardedTime + (i + 1) * 60_000,
    });
  }
  const created = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  });
  expect(created.status).toBe(201);
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  expect(m.phoneNumberId).toBe(signup.phone_number_id);
  expect(m.status).toBe("completed");
  const destinationListings = (await h.calls()).filter(
    (c) => c.path === `/${signup.waba_id}/phone_numbers`,
  );
  expect(destinationListings).toHaveLength(1);
  expect(destinationListings[0]?.params.after).toBeDefined();
});

test("a source with more templates than one page: the expanded read, then one page by cursor", async () => {
  const h = await bffWithSandbox("happy");
  const state = h.graph.sandbox.state;
  const source = state.customer.sourceWabaId;
  const [model] = state.templatesOf(source);
  if (!model) throw new Error("the happy world's source has templates");
  for (let i = 0; i < 100; i++) {
    const id = state.newId();
    state.templates.set(id, { ...model, id, name: `extra_${i}`, status: "PAUSED" });
  }
  const signup = await h.signup();
  const created = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  expect(m.status).toBe("completed");
  expect(m.templates.items).toHaveLength(112);
  expect(m.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(7);
  const pages = (await h.calls()).filter((c) => c.path === `/${source}/message_templates`);
  expect(pages).toHaveLength(1);
  expect(pages[0]?.params).toMatchObject({ limit: "100" });
  expect(pages[0]?.params.after).toBeDefined();
});
