import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta's template migration API copies only between WABAs owned by the same business (facts
// §2.3). When the customer put the new account in another portfolio than the old one's, the kit
// leaves the copy to Meta's automatic duplication after registration instead of asking the API
// for a copy Meta refuses (which would stop the migration before the number moves).

test("a source owned by another business: no template API call, Meta's automatic copy after registration", async () => {
  const h = await bffWithSandbox("happy");
  const state = h.graph.sandbox.state;
  const source = state.wabas.get(state.customer.sourceWabaId);
  if (!source) throw new Error("the happy world has a source WABA");
  source.ownerBusinessId = "999000111222333";
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await h.bff.idle();

  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  expect(done?.sourceWabaId).toBe(state.customer.sourceWabaId);
  expect(done?.templates).toEqual({ mode: "meta_automatic", sourceReadable: false, items: [] });
  expect(done?.steps.find((s) => s.id === "migrate_templates")?.status).toBe("skipped");
  const calls = await h.calls();
  expect(calls.filter((c) => c.operation === "createMigrateMessageTemplates")).toEqual([]);
  expect(
    calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200),
  ).toHaveLength(1);

  await h.graph.sandbox.advance(60_000); // Meta's copy runs after registration
  await h.graph.sandbox.settle();
  const copied = await h.store.getMigration(id);
  expect(copied?.templates.items.map((i) => i.outcome)).toEqual(
    Array.from({ length: 6 }, () => "copied"),
  );
});
