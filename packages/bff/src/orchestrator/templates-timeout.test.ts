import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta's template migration page: "If the request takes longer than 30 seconds to execute and
// times out, reduce the count number" (facts §2.3). A timed-out page may still have been copied,
// so it is not resent blindly: the next attempt lists the destination first, in smaller pages.

test("a timed-out template page is not resent blindly; the next attempt sends smaller pages and every template is copied once", async () => {
  const h = await bffWithSandbox("template-limit-near");
  const faults = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      failNext: [{ operation: "createMigrateMessageTemplates", count: 1, code: "timeout" }],
      timeoutMs: 20,
    }),
  });
  expect(faults.status).toBe(200);
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await h.bff.idle();

  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  const step = done?.steps.find((s) => s.id === "migrate_templates");
  expect(step?.attempts).toBe(2);
  const calls = (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates");
  const sizes = calls.map((c) => (c.params.template_ids as string[]).length);
  // Attempt 1: one page with every eligible template (the business is verified), timed out and not
  // sent again; attempt 2 lists the destination (5,748 templates already, room for 252 of 6,000)
  // and sends what fits in pages of at most 250, in parallel.
  expect(sizes[0]).toBe(255);
  expect(calls[0]?.fault).toBe("timeout");
  expect(sizes.slice(1).sort((x, y) => x - y)).toEqual([2, 250]);
  expect(calls.slice(1).every((c) => c.status === 200)).toBe(true);
  const copied = done?.templates.items.filter((i) => i.outcome === "copied") ?? [];
  expect(copied).toHaveLength(252);
  expect(new Set(copied.map((i) => i.sourceTemplateId)).size).toBe(252);
});
