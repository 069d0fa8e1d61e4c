import type { SqlExecutor } from "./sql-client.js";

/**
 * What `db:status` tells an operator about the journal's contents.
 *
 * @example
 * const { migrations, runningSteps, secretsByKeyId }: JournalReport = await readJournalReport(db);
 */
export interface JournalReport {
  /** Number of migrations per status. */
  migrations: Record<string, number>;
  /** Steps running now, with who holds them and until when (a stale lease means a crashed instance). */
  runningSteps: {
    migrationId: string;
    stepId: string;
    leaseOwner: string | null;
    leaseExpiresAt: string | null;
  }[];
  /** Sealed secrets per key id (key rotation: an id still in use must stay configured). */
  secretsByKeyId: Record<string, number>;
}

/**
 * Reads the counts `db:status` prints. Only call it on a database at the current schema.
 *
 * @example
 * const report = await readJournalReport(db);
 * report.secretsByKeyId; // { k1: 42 }
 */
export async function readJournalReport(
  db: SqlExecutor,
  maxRunningSteps = 20,
): Promise<JournalReport> {
  const statuses = await db.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM wa_migrations GROUP BY status ORDER BY status",
  );
  const running = await db.query<{
    migration_id: string;
    step_id: string;
    lease_owner: string | null;
    lease_expires_at: Date | null;
  }>(
    `SELECT migration_id, step_id, lease_owner, lease_expires_at FROM wa_migration_steps
      WHERE status = 'running' ORDER BY lease_expires_at NULLS FIRST, migration_id, step_id LIMIT $1`,
    [maxRunningSteps],
  );
  const keys = await db.query<{ key_id: string; n: number }>(
    "SELECT key_id, count(*)::int AS n FROM wa_secrets GROUP BY key_id ORDER BY key_id",
  );
  return {
    migrations: Object.fromEntries(statuses.map((r) => [r.status, r.n])),
    runningSteps: running.map((r) => ({
      migrationId: r.migration_id,
      stepId: r.step_id,
      leaseOwner: r.lease_owner,
      leaseExpiresAt: r.lease_expires_at ? new Date(r.lease_expires_at).toISOString() : null,
    })),
    secretsByKeyId: Object.fromEntries(keys.map((r) => [r.key_id, r.n])),
  };
}
