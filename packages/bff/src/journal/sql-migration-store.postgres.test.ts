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
      "TRUNCATE wa_migrations, wa_migration_steps, wa_secrets, wa_idempotency_keys, wa_signup_events, wa_webhook_events, wa_request_leases",
    );
    return { ...createSqlMigrationStore(db), close: async () => {} };
  });

  // A partner's server may default to another DateStyle, time zone and isolation level (set per
  // database or role); the journal must read and write the same values there.
  const other = `wa_test_${randomBytes(6).toString("hex")}`;
  let otherDb: SqlClient;
  beforeAll(async () => {
    await admin.exec(`CREATE SCHEMA ${other}`);
    const withDefaults = new URL(url);
    withDefaults.searchParams.set(
      "options",
      `-c search_path=${other} -c DateStyle=SQL,DMY -c TimeZone=Asia/Kathmandu ` +
        "-c default_transaction_isolation=repeatable\\ read",
    );
    otherDb = await createPostgresClient({ connectionString: withDefaults.toString(), max: 10 });
    await migrateSchema(otherDb);
  }, 60_000);
  afterAll(async () => {
    await otherDb?.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${other} CASCADE`);
  });

  describeMigrationStore("postgres with DateStyle SQL, DMY and repeatable read", async () => {
    await otherDb.exec(
      "TRUNCATE wa_migrations, wa_migration_steps, wa_secrets, wa_idempotency_keys, wa_signup_events, wa_webhook_events, wa_request_leases",
    );
    return { ...createSqlMigrationStore(otherDb), close: async () => {} };
  });
}
