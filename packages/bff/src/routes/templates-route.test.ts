import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
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

  test("copies again only what the destination lacks, and only the ids asked for", async () => {
    const h = await bffWithSandbox("recheck-rejects");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const before = await h.store.getMigration(m.id);
    const failed = before?.templates.items.filter((i) => i.outcome === "failed") ?? [];
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
    expect(after.templates.items.find((i) => i.sourceTemplateId === one)?.outcome).toBe("failed");
    expect(after.templates.items.filter((i) => i.outcome === "copied")).toHaveLength(
      before?.templates.items.filter((i) => i.outcome === "copied").length ?? -1,
    );
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
});
