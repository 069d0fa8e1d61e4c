import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

test("a number whose answers leave out is_official_business_account ends with the status unknown (null), not false", async () => {
  const h = await bffWithSandbox("happy");
  // The field is optional in Meta's OpenAPI, without a default: this number's answers omit it.
  const state = h.graph.sandbox.state;
  const own = state.phones.get(state.customer.phoneId);
  if (!own) throw new Error("the happy world has the customer's number");
  own.is_official_business_account = undefined;

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
  expect(m.phone).toMatchObject({ verifiedName: "Wind & Wool", qualityRating: "GREEN" });
  expect(m.phone?.officialBusinessAccount).toBeNull();

  // The BFF asked for the field; Meta's answer simply had none.
  const reads = (await h.calls()).filter((c) => c.operation === "getPhoneNumberById");
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.some((c) => String(c.params.fields).includes("is_official_business_account"))).toBe(
    true,
  );
});
