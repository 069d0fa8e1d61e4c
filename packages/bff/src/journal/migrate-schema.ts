import { createHash } from "node:crypto";
import { JournalError } from "./journal-error.js";
import { SCHEMA_MIGRATIONS, type SchemaMigration } from "./schema-migrations.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";

/**
 * One applied version as `wa_schema_migrations` records it.
 *
 * @example
 * const versions = (await readSchemaStatus(db)).applied.map((v: AppliedSchemaVersion) => `${v.version} ${v.name}`);
 */
export interface AppliedSchemaVersion {
  version: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

/**
 * Where the database's schema stands against the code.
 *
 * @example
 * const status: SchemaStatus = await readSchemaStatus(db);
 * if (status.pending.length > 0) await migrateSchema(db);
 */
export interface SchemaStatus {
  /** Newest applied version, 0 for an empty database. */
  current: number;
  /** Newest version this code knows. */
  latest: number;
  applied: AppliedSchemaVersion[];
  pending: { version: number; name: string }[];
  /** Applied versions whose recorded checksum differs from the code's (someone edited a migration). */
  modified: number[];
}

// Any constant works; it only has to be the same for every instance of the kit.
const SCHEMA_LOCK_KEY = 727_001;

const CREATE_HISTORY = `
CREATE TABLE IF NOT EXISTS wa_schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

function checksum(migration: SchemaMigration): string {
  return createHash("sha256").update(migration.sql).digest("hex");
}

async function readApplied(db: SqlExecutor): Promise<AppliedSchemaVersion[] | null> {
  const [exists] = await db.query<{ present: boolean }>(
    "SELECT to_regclass('wa_schema_migrations') IS NOT NULL AS present",
  );
  if (!exists?.present) return null;
  const rows = await db.query<{
    version: number;
    name: string;
    checksum: string;
    applied_at: Date;
  }>("SELECT version, name, checksum, applied_at FROM wa_schema_migrations ORDER BY version");
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    checksum: r.checksum,
    appliedAt: new Date(r.applied_at).toISOString(),
  }));
}

function statusOf(
  applied: AppliedSchemaVersion[],
  migrations: readonly SchemaMigration[],
): SchemaStatus {
  const current = applied.reduce((max, a) => Math.max(max, a.version), 0);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const done = new Map(applied.map((a) => [a.version, a]));
  return {
    current,
    latest,
    applied,
    pending: migrations
      .filter((m) => !done.has(m.version))
      .map(({ version, name }) => ({ version, name })),
    modified: migrations
      .filter((m) => done.has(m.version) && done.get(m.version)?.checksum !== checksum(m))
      .map((m) => m.version),
  };
}

function tooNew(status: SchemaStatus): JournalError {
  return new JournalError(
    "schema_too_new",
    `The database schema is at version ${status.current}, this code knows up to ${status.latest}.`,
  );
}

/**
 * Reads the schema's state without changing anything (`db:status`).
 *
 * @example
 * const { current, pending } = await readSchemaStatus(db);
 */
export async function readSchemaStatus(
  db: SqlClient,
  migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS,
): Promise<SchemaStatus> {
  return statusOf((await readApplied(db)) ?? [], migrations);
}

/**
 * Applies every pending version in one transaction under an advisory lock, so instances that start
 * together apply each version once. Refuses (`schema_too_new`) a database that a newer kit migrated.
 *
 * @example
 * const { applied } = await migrateSchema(db); // [1] on an empty database, [] afterwards
 */
export async function migrateSchema(
  db: SqlClient,
  migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS,
): Promise<{ applied: number[]; status: SchemaStatus }> {
  // Fast path: nothing to do needs no lock (every instance start and every CLI call hits this).
  const before = await readSchemaStatus(db, migrations);
  if (before.current > before.latest) throw tooNew(before);
  if (before.pending.length === 0) return { applied: [], status: before };

  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK_KEY]);
    await tx.exec(CREATE_HISTORY);
    const status = statusOf((await readApplied(tx)) ?? [], migrations);
    if (status.current > status.latest) throw tooNew(status);
    const applied: number[] = [];
    const ordered = [...migrations].sort((a, b) => a.version - b.version);
    for (const migration of ordered) {
      if (status.applied.some((a) => a.version === migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query(
        "INSERT INTO wa_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        [migration.version, migration.name, checksum(migration)],
      );
      applied.push(migration.version);
    }
    return { applied, status: statusOf((await readApplied(tx)) ?? [], migrations) };
  });
}
