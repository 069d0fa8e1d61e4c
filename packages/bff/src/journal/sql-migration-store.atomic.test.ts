import { afterAll, beforeAll, expect, test } from "vitest";
import { newMigrationFixture } from "../store/migration-fixture.js";
import { StoreError } from "../store/store-error.js";
import { migrateSchema } from "./migrate-schema.js";
import { createPgliteClient } from "./pglite-client.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";
import { createSqlMigrationStore } from "./sql-migration-store.js";

// A create that cannot store its secret stores nothing: a migration kept without the business
// token (its code already spent) could never run, yet a resend with the same Idempotency-Key
// would find it and answer 201.

let db: SqlClient;
beforeAll(async () => {
  db = await createPgliteClient({ dataDir: "memory://" });
  await migrateSchema(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

/** The same database, but every statement that writes a secret fails as a dropped connection would. */
function failingSecretWrites(inner: SqlClient): SqlClient {
  const failing = (target: SqlExecutor): SqlExecutor => ({
    query: (text, params) =>
      text.includes("INSERT INTO wa_secrets")
        ? Promise.reject(new Error("Connection terminated unexpectedly"))
        : target.query(text, params),
    exec: (script) => target.exec(script),
  });
  return {
    ...failing(inner),
    backend: inner.backend,
    transaction: (fn) => inner.transaction((tx) => fn(failing(tx))),
    close: async () => {},
  };
}

test("a secret that cannot be written leaves neither the migration nor its idempotency key", async () => {
  const store = createSqlMigrationStore(failingSecretWrites(db));
  const key = { key: "k1", requestHash: "h1", createdAt: "2026-11-25T10:00:00.000Z" };
  const error = await store
    .createMigration(newMigrationFixture({ id: "m1" }), key, {
      business_token: { keyId: "k1", ciphertext: "AAA" },
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).kind).toBe("unavailable");

  const intact = createSqlMigrationStore(db);
  expect(await intact.getMigration("m1")).toBeNull();
  expect(await intact.getIdempotencyRecord("tenant_a", "k1")).toBeNull();
  expect(await intact.getSecret("m1", "business_token")).toBeNull();
});
