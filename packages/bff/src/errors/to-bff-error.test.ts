import { MigrationSchema, PROBLEM_JSON, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { SecretBoxError } from "../crypto/secret-box.js";
import { bffWithSandbox, TEST_KEY } from "../test-support/bff-with-sandbox.js";
import { toBffError } from "./to-bff-error.js";

// A BFF restarted without the key its secrets were sealed with (a rotation that dropped the old
// key) answered a request that opens one as a retryable 500 `internal_error`; the steps already
// said `unknown_key_id`, whose remedy is to add the old key back.

const OTHER_KEY = `other:${Buffer.alloc(32, 3).toString("base64")}`;

describe("toBffError", () => {
  test.each([
    ["unknown_key_id", "unknown_key_id", 500, false],
    // As stepFailure reports it: a secret that does not open is not the operator's to fix.
    ["corrupt", "internal_error", 500, true],
  ] as const)("SecretBoxError %s is %s", (reason, code, status, retryable) => {
    const error = toBffError(new SecretBoxError(reason, `box: ${reason}`));
    expect([error.code, error.status, error.toMigrationError().retryable]).toEqual([
      code,
      status,
      retryable,
    ]);
  });
});

describe("a request opening a secret sealed with a key this BFF lacks", () => {
  test("POST /migrations/:id/templates is 500 unknown_key_id, not retryable, and shows no secret", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const created = await h.post("/migrations", { code: signup.code });
    expect(created.status).toBe(201);
    const { id } = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    expect((await h.store.getMigration(id))?.status).toBe("completed");
    const copies = async () =>
      (await h.calls()).filter((c) => c.operation === "createMigrateMessageTemplates").length;
    const copiesBefore = await copies();

    // The same journal, served by a BFF configured with another key only.
    const rotated = createMigrationBff({ ...h.options, encryptionKey: OTHER_KEY });
    const response = await rotated.request(`/migrations/${id}/templates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe(PROBLEM_JSON);
    const problem = ProblemDetailsSchema.parse(JSON.parse(text));
    expect(problem).toMatchObject({ code: "unknown_key_id", status: 500, retryable: false });
    expect(problem.remedy).toContain("WA_MIGRATE_ENCRYPTION_KEY");
    for (const secret of [
      ...h.graph.sandbox.state.tokens.keys(),
      TEST_KEY.split(":")[1] as string,
      OTHER_KEY.split(":")[1] as string,
      h.partner.app_secret,
    ])
      expect(text).not.toContain(secret);
    // Nothing was sent to Meta without the token.
    expect(await copies()).toBe(copiesBefore);
    await rotated.close();
  });
});
