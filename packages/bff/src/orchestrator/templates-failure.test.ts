import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// A template copy that Meta refuses, or that stays unavailable past the retry budget, used to stop
// the migration before `register`, with the credit line already attached, and no remedy resumed
// registration. Meta also copies eligible templates itself once the number is registered and says
// to trigger the template migration by hand if it failed (facts §2.1): the failure is reported and
// the number moves (decision 029).

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;
const COPY = "createMigrateMessageTemplates";
const REGISTER = "registerWhatsAppBusinessPhoneNumber";

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

test.each([
  [
    "refused (10)",
    10,
    "permission_denied",
    "(#10) Application does not have permission for this action",
  ],
  [
    "unavailable past the budget (131016)",
    131016,
    "graph_unavailable",
    "(#131016) Service unavailable",
  ],
])(
  "template copy %s: reported per template and as a warning, the number is registered, the manual copy finishes it",
  async (_name, code, stepCode, reason) => {
    const h = await bffWithSandbox("happy", {
      graph: { maxTransientRetryMs: 60_000, sleep: async () => {} },
    });
    await setFaults(h, { failNext: [{ operation: COPY, count: 1_000, code }] });
    const signup = await h.signup();
    const { id } = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();

    const done = await h.store.getMigration(id);
    expect(done?.status).toBe("completed");
    expect(done?.billingCutoverAt).not.toBeNull();
    expect(done?.warnings).toContain("template_migration_failed");
    // The step is done; its error stays for operators, with Meta's reference.
    expect(done?.steps.find((s) => s.id === "migrate_templates")).toMatchObject({
      status: "succeeded",
      lastError: { code: stepCode, graph: { code } },
    });
    const tried = done?.templates.items.filter((i) => i.outcome !== "not_eligible") ?? [];
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.every((i) => i.outcome === "failed" && i.reason === reason)).toBe(true);
    const calls = await h.calls();
    expect(calls.filter((c) => c.operation === REGISTER).map((c) => c.status)).toEqual([200]);
    expect(calls.some((c) => c.operation === COPY)).toBe(true);

    // Meta answers again: "Copy templates now" copies what is missing and clears the warning.
    await setFaults(h, {});
    const copied = await h.post(`/migrations/${id}/templates`, {});
    expect(copied.status).toBe(200);
    const after = MigrationSchema.parse(await copied.json());
    expect(after.warnings).not.toContain("template_migration_failed");
    expect(after.templates.items.filter((i) => i.outcome === "failed")).toEqual([]);
    expect(after.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(tried.length);
  },
);

test("when one page of the copy is refused, what the other page copied is kept", async () => {
  // Meta's status webhooks for the copies are not delivered: this is the step's own record.
  const h = await bffWithSandbox(
    "template-limit-near",
    {},
    { webhookFetch: async () => new Response("ok") },
  );
  // 255 eligible templates, room for 252 in the destination: the first attempt's one page times
  // out, so the second attempt sends pages of 250 and 2 in parallel, and Meta refuses one of them.
  await setFaults(h, {
    failNext: [
      { operation: COPY, count: 1, code: "timeout" },
      { operation: COPY, count: 1, code: 10 },
    ],
    timeoutMs: 20,
  });
  const signup = await h.signup();
  const { id } = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();

  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  const pages = (await h.calls()).filter((c) => c.operation === COPY).slice(1);
  const ids = (status: number) =>
    pages.filter((c) => c.status === status).flatMap((c) => c.params.template_ids as string[]);
  expect(pages.map((c) => c.status).sort()).toEqual([200, 403]);
  const outcome = (wanted: string) =>
    (done?.templates.items ?? [])
      .filter((i) => i.outcome === wanted)
      .map((i) => i.sourceTemplateId)
      .sort();
  expect(outcome("copied")).toEqual(ids(200).sort());
  expect(outcome("failed")).toEqual(ids(403).sort());
  expect(done?.warnings).toContain("template_migration_failed");
});
