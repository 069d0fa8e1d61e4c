import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, test } from "vitest";
import { describeMigrationStore } from "../store/store-contract.js";
import { migrateSchema } from "./migrate-schema.js";
import { createPostgresClient } from "./postgres-client.js";
import type { SqlClient } from "./sql-client.js";
import { createSqlMigrationStore } from "./sql-migration-store.js";

const url = process.env.TEST_DATABASE_URL;

if (!url) {
  describe("MigrationStore contract: postgres", () => {
    test.skip("skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)", () => {});
  });
} else {
  // A schema of its own, so parallel test files and reruns never see each other's rows.
  const schema = `wa_test_${randomBytes(6).toString("hex")}`;
  let admin: SqlClient;
  let db: SqlClient;
  beforeAll(async () => {
    admin = await createPostgresClient({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    db = await createPostgresClient({ connectionString: url, schema, max: 10 });
    await migrateSchema(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  describeMigrationStore("postgres", async () => {
    await db.exec(
      "TRUNCATE wa_migrations, wa_migration_steps, wa_secrets, wa_idempotency_keys, wa_signup_events, wa_webhook_events",
    );
    return { ...createSqlMigrationStore(db), close: async () => {} };
  });
}
