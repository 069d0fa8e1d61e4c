import { afterAll, beforeAll } from "vitest";
import { describeMigrationStore } from "../store/store-contract.js";
import { migrateSchema } from "./migrate-schema.js";
import { createPgliteClient } from "./pglite-client.js";
import type { SqlClient } from "./sql-client.js";
import { createSqlMigrationStore } from "./sql-migration-store.js";

// One embedded database for the whole file (PGlite takes seconds to start on two cores); every
// test of the contract suite starts from empty tables.
let db: SqlClient;
beforeAll(async () => {
  db = await createPgliteClient({ dataDir: "memory://" });
  await migrateSchema(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describeMigrationStore("pglite", async () => {
  await db.exec(
    "TRUNCATE wa_migrations, wa_migration_steps, wa_secrets, wa_idempotency_keys, wa_signup_events, wa_webhook_events, wa_request_leases",
  );
  // The file owns the database: a test's close() must not end it for the next test.
  return { ...createSqlMigrationStore(db), close: async () => {} };
});
