import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Discovery among several granted WABAs reads them in one multiple-id call (`GET /?ids=`); when
// Graph refuses that read whole (one id cannot be read), each candidate is read alone.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

/** Grants the signup's business token one more WABA id, newest first (as debug_token lists them). */
function grantAlso(h: Harness, destinationWabaId: string, extraWabaId: string) {
  for (const token of h.graph.sandbox.state.tokens.values()) {
    for (const grant of token.granularScopes) {
      const ids = grant.target_ids;
      if (ids.includes(destinationWabaId) && !ids.includes(extraWabaId))
        ids.splice(1, 0, extraWabaId);
    }
  }
}

/** Another WABA of the customer's, without numbers or templates. */
function addEmptyWaba(h: Harness): string {
  const state = h.graph.sandbox.state;
  const source = state.wabas.get(state.customer.sourceWabaId);
  if (!source) throw new Error("the happy world has a source WABA");
  const id = state.newId();
  state.wabas.set(id, { ...source, id, name: "Wind & Wool (old)", subscriptions: [] });
  return id;
}

test("several granted WABAs are read in one multiple-id call, and the one listing the number is the source", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  const extra = addEmptyWaba(h);
  grantAlso(h, signup.waba_id, extra);
  const created = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  expect(m.status).toBe("completed");
  expect(m.sourceWabaId).toBe(source);
  expect(m.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(7);
  const calls = await h.calls();
  const multi = calls.filter((c) => c.operation === "getNodesByIds");
  expect(multi).toHaveLength(1);
  expect(String(multi[0]?.params.ids).split(",").sort()).toEqual([extra, source].sort());
  expect(multi[0]?.params.fields).toContain("phone_numbers.limit(100){id}");
  expect(calls.filter((c) => c.path === `/${source}` || c.path === `/${extra}`)).toEqual([]);
});

test("a granted id Graph cannot read fails the multiple-id read; each candidate is then read alone", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  // A WABA deleted since the grant: debug_token still lists it, Graph knows no such node.
  grantAlso(h, signup.waba_id, "987654321012345");
  const created = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  expect(m.status).toBe("completed");
  expect(m.sourceWabaId).toBe(source);
  expect(m.templates.mode).toBe("copied_before_registration");
  const calls = await h.calls();
  expect(calls.filter((c) => c.operation === "getNodesByIds").map((c) => c.errorCode)).toEqual([
    803,
  ]);
  expect(calls.filter((c) => c.path === `/${source}`).map((c) => c.status)).toEqual([200]);
  expect(calls.filter((c) => c.path === "/987654321012345").map((c) => c.status)).toEqual([400]);
});
