import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

describe("POST /migrations/:id/templates (manual template migration)", () => {
  test("is 409 while the migration runs", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    const response = await h.post(`/migrations/${m.id}/templates`, {});
    expect(response.status).toBe(409);
    expect(ProblemDetailsSchema.parse(await response.json()).code).toBe("migration_running");
    await h.bff.idle();
  });

  test("does not send again, unasked, a copy Meta refused", async () => {
    const h = await bffWithSandbox("recheck-rejects");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const before = await h.store.getMigration(m.id);
    const refused = before?.templates.items.filter((i) => i.outcome === "refused") ?? [];
    expect(refused.map((i) => i.reason)).toEqual(["Incorrect category", "Incorrect category"]);
    const copiesBefore = (await h.calls()).filter(
      (c) => c.operation === "createMigrateMessageTemplates",
    ).length;

    const response = await h.post(`/migrations/${m.id}/templates`, {});
    expect(response.status).toBe(200);
    const after = MigrationSchema.parse(await response.json());
    const copies = (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates");
    expect(copies).toHaveLength(copiesBefore);
    expect(after.templates.items.filter((i) => i.outcome === "refused")).toEqual(refused);
  });

  test("copies again only what the destination lacks, and only the ids asked for", async () => {
    const h = await bffWithSandbox("recheck-rejects");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const before = await h.store.getMigration(m.id);
    const failed = before?.templates.items.filter((i) => i.outcome === "refused") ?? [];
    expect(failed.map((i) => i.reason)).toEqual(["Incorrect category", "Incorrect category"]);
    const copiesBefore = (await h.calls()).filter(
      (c) => c.operation === "createMigrateMessageTemplates",
    ).length;

    const one = failed[0]?.sourceTemplateId as string;
    const response = await h.post(`/migrations/${m.id}/templates`, { templateIds: [one] });
    expect(response.status).toBe(200);
    const after = MigrationSchema.parse(await response.json());
    const calls = (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates");
    expect(calls).toHaveLength(copiesBefore + 1);
    expect(calls.at(-1)?.params.template_ids).toEqual([one]);
    expect(after.templates.items.find((i) => i.sourceTemplateId === one)?.outcome).toBe("refused");
    expect(after.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(
      before?.templates.items.filter((i) => i.outcome === "copied").length ?? -1,
    );
  });

  test("leaves a copy Meta's re-check rejected as rejected, and does not send it again", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const item = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.outcome === "copied",
    );
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time: (item?.statusAt ?? 0) + 60,
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: Number(item?.destinationTemplateId),
                message_template_name: item?.name,
                message_template_language: item?.language,
                reason: "INCORRECT_CATEGORY",
              },
            },
          ],
        },
      ],
    });
    const delivered = await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, h.partner.app_secret),
      },
      body,
    });
    expect(delivered.status).toBe(200);
    const copiesBefore = (await h.calls()).filter(
      (c) => c.operation === "createMigrateMessageTemplates",
    ).length;

    const response = await h.post(`/migrations/${m.id}/templates`, {});
    expect(response.status).toBe(200);
    const after = MigrationSchema.parse(await response.json());
    expect(
      after.templates.items.find((i) => i.name === item?.name && i.language === item?.language),
    ).toMatchObject({
      outcome: "rejected_on_recheck",
      reason: "REJECTED: INCORRECT_CATEGORY",
    });
    const copies = (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates");
    expect(
      copies.slice(copiesBefore).flatMap((c) => c.params.template_ids as string[]),
    ).not.toContain(item?.sourceTemplateId);
  });

  test("refuses unknown fields and non-numeric ids", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    expect((await h.post(`/migrations/${m.id}/templates`, { templateIds: ["abc"] })).status).toBe(
      400,
    );
    expect((await h.post(`/migrations/${m.id}/templates`, { all: true })).status).toBe(400);
  });

  test("refuses ids that are not templates of the migration's source, before any Graph call", async () => {
    const h = await bffWithSandbox("recheck-rejects");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const before = await h.store.getMigration(m.id);
    const known = before?.templates.items[0]?.sourceTemplateId as string;
    const callsBefore = (await h.calls()).length;
    const response = await h.post(`/migrations/${m.id}/templates`, {
      templateIds: [known, "999"],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemDetailsSchema.parse(await response.json());
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual([
      {
        path: "templateIds.1",
        message: "999 is not a template of this migration's source account",
      },
    ]);
    expect((await h.calls()).length).toBe(callsBefore);
    expect((await h.store.getMigration(m.id))?.version).toBe(before?.version);
  });

  test("copies sent at once (a double click, two operators) reach Meta once per template", async () => {
    const h = await bffWithSandbox("happy", {
      graph: { maxTransientRetryMs: 60_000, sleep: async () => {} },
    });
    const refuse = (failNext: unknown[]) =>
      h.graph.request("/__sandbox/faults", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ failNext }),
      });
    await refuse([{ operation: "createMigrateMessageTemplates", count: 1_000, code: 10 }]);
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const failed = (await h.store.getMigration(m.id))?.templates.items.filter(
      (i) => i.outcome === "failed",
    );
    expect(failed?.length).toBeGreaterThan(0);
    await refuse([]);
    const copiesBefore = (await h.calls()).filter(
      (c) => c.operation === "createMigrateMessageTemplates",
    ).length;

    const answers = await Promise.all([
      h.post(`/migrations/${m.id}/templates`, {}),
      h.post(`/migrations/${m.id}/templates`, {}),
      h.post(`/migrations/${m.id}/templates`, {}),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const sent = (await h.calls())
      .filter((c) => c.operation === "createMigrateMessageTemplates")
      .slice(copiesBefore)
      .flatMap((c) => c.params.template_ids as string[]);
    expect(sent.sort()).toEqual(failed?.map((i) => i.sourceTemplateId).sort());
    const after = await h.store.getMigration(m.id);
    expect(after?.templates.items.filter((i) => i.outcome === "failed")).toEqual([]);
  });
});

test("copies the templates held back by the limit once room is made, and drops the limit's warning", async () => {
  const h = await bffWithSandbox("template-limit-near");
  const signup = await h.signup();
  const m = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();
  const before = await h.store.getMigration(m.id);
  const held = before?.templates.items.filter((i) => i.outcome === "over_limit") ?? [];
  expect(held.length).toBeGreaterThan(0);
  expect(before?.warnings).toContain("template_limit_reached");

  // The customer deletes unused templates of the new account in WhatsApp Manager.
  const unused = h.graph.sandbox.state
    .templatesOf(signup.waba_id)
    .filter((t) => t.name.startsWith("kept_notice"))
    .slice(0, held.length);
  expect(unused).toHaveLength(held.length);
  for (const t of unused) h.graph.sandbox.state.templates.delete(t.id);

  const response = await h.post(`/migrations/${m.id}/templates`, {});
  expect(response.status).toBe(200);
  const after = MigrationSchema.parse(await response.json());
  expect(after.templates.items.filter((i) => i.outcome === "over_limit")).toEqual([]);
  expect(after.warnings).not.toContain("template_limit_reached");
});
