import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresClient, type MigrationStore, openJournalStore } from "@wa-migrate/bff";

/**
 * Runs a store bench on a fresh PGlite journal (data directory on disk, removed afterwards), then
 * on PostgreSQL when TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards;
 * without it, prints the "PostgreSQL: skipped" line `npm run bench` looks for.
 *
 * @example
 * await onEachJournal(async (name, store) => console.log(name, await store.listMigrations({ limit: 1 })));
 */
export async function onEachJournal(
  bench: (name: string, store: MigrationStore) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "wa-bench-"));
  try {
    const pglite = await openJournalStore({ dataDir: join(dir, "db") });
    await bench("PGlite (data dir on disk)", pglite);
    await pglite.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("PostgreSQL: skipped (set TEST_DATABASE_URL)");
    return;
  }
  const schema = `wa_bench_${randomBytes(4).toString("hex")}`;
  const admin = await createPostgresClient({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  try {
    const pg = await openJournalStore({ databaseUrl: url, schema, poolSize: 10 });
    await bench("PostgreSQL (pool of 10)", pg);
    await pg.close();
  } finally {
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
