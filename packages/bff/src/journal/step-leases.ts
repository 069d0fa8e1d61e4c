import type { StepId } from "@wa-migrate/contracts";
import type { LeaseRequest, StepOutcome, StoredMigration } from "../store/migration-store.js";
import { StoreError } from "../store/store-error.js";
import { json, selectMigration } from "./migration-rows.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";

// Step execution under a lease. Lock order everywhere: step rows first, then the migration row
// (which every change touches to bump `version`), so two transactions never wait on each other.

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** Turns "nothing matched" into not_found when the step (or migration) does not exist at all. */
async function mustExist(db: SqlExecutor, migrationId: string, stepId: StepId): Promise<void> {
  const rows = await db.query<{ has_step: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM wa_migration_steps WHERE migration_id = $1 AND step_id = $2) AS has_step
       FROM wa_migrations WHERE id = $1`,
    [migrationId, stepId],
  );
  const [row] = rows;
  if (!row) throw new StoreError("not_found", `migration ${migrationId} does not exist`);
  if (!row.has_step)
    throw new StoreError("not_found", `migration ${migrationId} has no step ${stepId}`);
}

/**
 * Claims a step with `FOR UPDATE SKIP LOCKED`: when another instance is claiming the same row at
 * this moment, this claim returns null at once instead of waiting for it.
 *
 * @example
 * const m = await claimStep(db, "mig_1", "register_phone", { owner: "i-1", leaseMs: 30_000, now });
 */
export function claimStep(
  db: SqlClient,
  migrationId: string,
  stepId: StepId,
  lease: LeaseRequest,
): Promise<StoredMigration | null> {
  return db.transaction(async (tx) => {
    // Claim and version bump in one statement; the bump only happens when a row was claimed.
    const claimed = await tx.query(
      `WITH candidate AS (
         SELECT migration_id, step_id FROM wa_migration_steps
          WHERE migration_id = $1 AND step_id = $2
            AND (status = 'pending'
                 OR (status = 'running' AND (lease_expires_at IS NULL
                     OR lease_expires_at <= $3::timestamptz OR lease_owner = $4)))
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE wa_migration_steps s
            SET status = 'running', attempts = s.attempts + 1, started_at = $3::timestamptz,
                finished_at = NULL, lease_owner = $4, lease_expires_at = $5::timestamptz
           FROM candidate c
          WHERE s.migration_id = c.migration_id AND s.step_id = c.step_id
         RETURNING s.migration_id)
       UPDATE wa_migrations SET version = version + 1, updated_at = $3::timestamptz
        WHERE id = (SELECT migration_id FROM claimed)
       RETURNING id`,
      [migrationId, stepId, lease.now, lease.owner, addMs(lease.now, lease.leaseMs)],
    );
    if (claimed.length === 0) {
      await mustExist(tx, migrationId, stepId);
      return null;
    }
    return selectMigration(tx, migrationId);
  });
}

/**
 * Extends a lease its owner still holds; false when another instance took the step over.
 *
 * @example
 * if (!(await renewStepLease(db, id, step, lease))) abandonStep();
 */
export async function renewStepLease(
  db: SqlClient,
  migrationId: string,
  stepId: StepId,
  lease: LeaseRequest,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE wa_migration_steps SET lease_expires_at = $4::timestamptz
      WHERE migration_id = $1 AND step_id = $2 AND status = 'running' AND lease_owner = $3
     RETURNING step_id`,
    [migrationId, stepId, lease.owner, addMs(lease.now, lease.leaseMs)],
  );
  if (rows.length === 0) await mustExist(db, migrationId, stepId);
  return rows.length > 0;
}

/**
 * Records how a claimed step ended, only while `owner` still holds it.
 *
 * @example
 * await finishStep(db, id, "share_credit_line", owner, { status: "succeeded", lastError: null, now });
 */
export function finishStep(
  db: SqlClient,
  migrationId: string,
  stepId: StepId,
  owner: string,
  outcome: StepOutcome,
): Promise<StoredMigration | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `WITH finished AS (
         UPDATE wa_migration_steps
            SET status = $4, last_error = $5::jsonb, finished_at = $6::timestamptz,
                lease_owner = NULL, lease_expires_at = NULL
          WHERE migration_id = $1 AND step_id = $2 AND status = 'running' AND lease_owner = $3
         RETURNING migration_id)
       UPDATE wa_migrations SET version = version + 1, updated_at = $6::timestamptz
        WHERE id = (SELECT migration_id FROM finished)
       RETURNING id`,
      [migrationId, stepId, owner, outcome.status, json(outcome.lastError), outcome.now],
    );
    if (rows.length === 0) {
      await mustExist(tx, migrationId, stepId);
      return null;
    }
    return selectMigration(tx, migrationId);
  });
}

/**
 * Puts failed and action-required steps back to pending and the migration to running, unless it
 * is running already (null) or completed (returned unchanged: nothing to retry).
 *
 * @example
 * const m = await beginRetry(db, "mig_1", now); // null: answer 409
 */
export function beginRetry(
  db: SqlClient,
  migrationId: string,
  now: string,
): Promise<StoredMigration | null> {
  return db.transaction(async (tx) => {
    await tx.query(
      "SELECT step_id FROM wa_migration_steps WHERE migration_id = $1 ORDER BY position FOR UPDATE",
      [migrationId],
    );
    const started = await tx.query(
      `UPDATE wa_migrations SET status = 'running', version = version + 1, updated_at = $2::timestamptz
        WHERE id = $1 AND status NOT IN ('running', 'completed') RETURNING id`,
      [migrationId, now],
    );
    if (started.length === 0) {
      const current = await selectMigration(tx, migrationId);
      if (!current) throw new StoreError("not_found", `migration ${migrationId} does not exist`);
      return current.status === "completed" ? current : null;
    }
    await tx.query(
      `UPDATE wa_migration_steps SET status = 'pending'
        WHERE migration_id = $1 AND status IN ('failed', 'action_required')`,
      [migrationId],
    );
    return selectMigration(tx, migrationId);
  });
}
