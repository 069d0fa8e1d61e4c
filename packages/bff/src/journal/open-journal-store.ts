import { mkdir } from "node:fs/promises";
import type { MigrationStore } from "../store/migration-store.js";
import { diskPathOf } from "./data-dir-lock.js";
import { migrateSchema } from "./migrate-schema.js";
import { createPgliteClient } from "./pglite-client.js";
import { createPostgresClient } from "./postgres-client.js";
import type { SqlClient } from "./sql-client.js";
import { createSqlMigrationStore } from "./sql-migration-store.js";

/**
 * Default PGlite data directory of the runnable server, relative to its working directory.
 *
 * @example
 * await openJournalStore({ dataDir: DEFAULT_DATA_DIR }); // the same as openJournalStore()
 */
export const DEFAULT_DATA_DIR = "./.wa-migrate/db";

/**
 * Which database the journal uses: PostgreSQL when `databaseUrl` is set, else PGlite.
 *
 * @example
 * const options: JournalOptions = process.env.DATABASE_URL
 *   ? { databaseUrl: process.env.DATABASE_URL, poolSize: 20 }
 *   : { dataDir: "./.wa-migrate/db" };
 * const store = await openJournalStore(options);
 */
export interface JournalOptions {
  /** `postgres://...`: use PostgreSQL through `pg`. */
  databaseUrl?: string;
  /** PostgreSQL schema for every connection (tests use one per file); default the server's `public`. */
  schema?: string;
  /** PostgreSQL pool size; default 10. */
  poolSize?: number;
  /**
   * PGlite data directory (a path or `file://path`, locked to this process), or `memory://` for a
   * throw-away database; default {@link DEFAULT_DATA_DIR}.
   */
  dataDir?: string;
  /** PGlite: start from a `dumpDataDir()` tarball (faster test start). */
  loadDataDir?: Blob;
}

/**
 * Opens the SQL client the options name, without touching the schema (`db:status` uses this).
 * Rejects with `JournalError` `store_unavailable` when the database cannot be reached.
 *
 * @example
 * const db = await openSqlClient({ databaseUrl: process.env.DATABASE_URL });
 */
export async function openSqlClient(options: JournalOptions = {}): Promise<SqlClient> {
  if (options.databaseUrl) {
    return createPostgresClient({
      connectionString: options.databaseUrl,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
    });
  }
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const disk = diskPathOf(dataDir);
  if (disk !== null) await mkdir(disk, { recursive: true });
  return createPgliteClient({
    dataDir,
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
}

/**
 * A PGlite data directory belongs to one process at a time, so a lease found at open was held by
 * a process that is gone (crashed or killed): release it, and the restarted server resumes the step
 * at once instead of waiting out the lease. (On PostgreSQL other live instances may hold leases;
 * those expire by time.)
 */
async function releaseOrphanedLeases(db: SqlClient): Promise<void> {
  await db.query("UPDATE wa_migration_steps SET lease_expires_at = NULL WHERE status = 'running'");
}

/**
 * Opens the durable journal: connects, applies pending schema versions, returns the store.
 * Rejects with `JournalError` (`store_unavailable`, `schema_too_new`) instead of serving from a
 * database it cannot use. On PGlite, steps left running by a dead process become claimable at once.
 *
 * @example
 * const store = await openJournalStore({ databaseUrl: process.env.DATABASE_URL });
 * const bff = createMigrationBff({ ...options, store });
 */
export async function openJournalStore(options: JournalOptions = {}): Promise<MigrationStore> {
  const db = await openSqlClient(options);
  try {
    await migrateSchema(db);
    if (db.backend === "pglite") await releaseOrphanedLeases(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return createSqlMigrationStore(db);
}
