import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta's template migration page writes `failed_templates` as an array (facts §2.3). An answer
// with `failed_templates: []` was taken for an invalid answer: the copy, which had gone through,
// was sent again and its templates were reported as Meta's duplicates.

test("a template copy answered with failed_templates: [] is taken as it is, once", async () => {
  let h: Awaited<ReturnType<typeof bffWithSandbox>> | undefined;
  h = await bffWithSandbox("happy", {
    fetch: async (input, init) => {
      const answer = await (h as NonNullable<typeof h>).graph.fetch(new Request(input, init));
      if (!new URL(input).pathname.endsWith("/migrate_message_templates") || !answer.ok)
        return answer;
      // Meta's syntax block form of "nothing failed".
      const body = (await answer.json()) as { failed_templates?: Record<string, string> };
      if (Object.keys(body.failed_templates ?? {}).length === 0)
        body.failed_templates = [] as never;
      return new Response(JSON.stringify(body), { status: 200, headers: answer.headers });
    },
  });
  const signup = await h.signup();
  const { id } = (await (await h.post("/migrations", { code: signup.code })).json()) as {
    id: string;
  };
  await h.bff.idle();
  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  expect(done?.steps.find((s) => s.id === "migrate_templates")?.attempts).toBe(1);
  const copies = (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates");
  expect(copies.map((c) => c.status)).toEqual([200]);
  const tried = done?.templates.items.filter((i) => i.outcome !== "not_eligible") ?? [];
  expect(tried.length).toBeGreaterThan(0);
  expect(tried.every((i) => i.outcome === "copied")).toBe(true);
});
