import type { MigrationStatus, StepId, StepStatus } from "@wa-migrate/contracts";
import type { StoredMigration, StoredStep } from "../store/migration-store.js";
import { storableJson } from "../store/storable-text.js";
import type { SqlExecutor } from "./sql-client.js";

// Reading migrations back: rows of wa_migrations and wa_migration_steps into StoredMigration.
// Times are timestamptz in the database and ISO 8601 (UTC, milliseconds) strings outside it.

/** A timestamptz (Date from both drivers) as ISO text; null stays null. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | Date).toISOString();
}

/**
 * A JSON value as a query parameter (cast with `::jsonb` in the statement); null is SQL NULL.
 * Strings jsonb refuses (NUL, lone surrogates) are stored as U+FFFD, see {@link storableJson}.
 */
export function json(value: unknown): string | null {
  return value === null || value === undefined ? null : storableJson(value);
}

interface MigrationRow extends Record<string, unknown> {
  id: string;
  tenant: string;
  status: MigrationStatus;
  business_id: string | null;
  waba_id: string | null;
  phone_number_id: string | null;
  source_waba_id: string | null;
  phone: StoredMigration["phone"];
  templates: StoredMigration["templates"];
  warnings: StoredMigration["warnings"];
  billing_cutover_at: Date | null;
  context: StoredMigration["context"];
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface StepRow extends Record<string, unknown> {
  migration_id: string;
  step_id: StepId;
  status: StepStatus;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  last_error: StoredStep["lastError"];
  lease_owner: string | null;
  lease_expires_at: string | null;
}

function toStep(row: StepRow): StoredStep {
  return {
    id: row.step_id,
    status: row.status,
    attempts: row.attempts,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    lastError: row.last_error ?? null,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: iso(row.lease_expires_at),
  };
}

function toMigration(row: MigrationRow, steps: StoredStep[]): StoredMigration {
  return {
    id: row.id,
    tenant: row.tenant,
    status: row.status,
    businessId: row.business_id,
    wabaId: row.waba_id,
    phoneNumberId: row.phone_number_id,
    sourceWabaId: row.source_waba_id,
    phone: row.phone ?? null,
    steps,
    templates: row.templates,
    warnings: row.warnings,
    billingCutoverAt: iso(row.billing_cutover_at),
    createdAt: iso(row.created_at) ?? "",
    updatedAt: iso(row.updated_at) ?? "",
    context: row.context,
    version: row.version,
  };
}

/**
 * Reads full migrations selected by `where` (a SQL condition on alias `m`) and `tail` (ORDER BY,
 * LIMIT), each with its steps in order.
 *
 * @example
 * const [m] = await selectMigrations(db, "m.id = $1", [id]);
 */
export async function selectMigrations(
  db: SqlExecutor,
  where: string,
  params: readonly unknown[],
  tail = "",
): Promise<StoredMigration[]> {
  // One round trip: the steps come along as a JSON array (timestamps as text, parsed by iso()).
  const rows = await db.query<MigrationRow & { steps: StepRow[] | null }>(
    `SELECT m.*, (SELECT json_agg(s ORDER BY s.position) FROM wa_migration_steps s
                   WHERE s.migration_id = m.id) AS steps
       FROM wa_migrations m WHERE ${where} ${tail}`,
    params,
  );
  return rows.map((row) => toMigration(row, (row.steps ?? []).map(toStep)));
}

/**
 * One migration by id, or null.
 *
 * @example
 * const m = await selectMigration(tx, "mig_1");
 */
export async function selectMigration(
  db: SqlExecutor,
  id: string,
): Promise<StoredMigration | null> {
  const [found] = await selectMigrations(db, "m.id = $1", [id]);
  return found ?? null;
}

/**
 * Inserts a whole migration with its steps (the caller holds the transaction).
 *
 * @example
 * await insertMigration(tx, newMigrationFixture());
 */
export async function insertMigration(
  db: SqlExecutor,
  m: Omit<StoredMigration, "version">,
): Promise<void> {
  await db.query(
    `INSERT INTO wa_migrations (id, tenant, status, business_id, waba_id, phone_number_id, source_waba_id,
       phone, templates, warnings, billing_cutover_at, context, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::timestamptz, $12::jsonb, 1,
       $13::timestamptz, $14::timestamptz)`,
    [
      m.id,
      m.tenant,
      m.status,
      m.businessId,
      m.wabaId,
      m.phoneNumberId,
      m.sourceWabaId,
      json(m.phone),
      json(m.templates),
      json(m.warnings),
      m.billingCutoverAt,
      json(m.context ?? {}),
      m.createdAt,
      m.updatedAt,
    ],
  );
  // One statement for all steps: ten parameters per row.
  const params: unknown[] = [];
  const values = m.steps.map((s, position) => {
    const n = params.length;
    params.push(
      m.id,
      s.id,
      position,
      s.status,
      s.attempts,
      s.startedAt ?? null,
      s.finishedAt ?? null,
    );
    params.push(json(s.lastError), s.leaseOwner ?? null, s.leaseExpiresAt ?? null);
    return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::timestamptz,
      $${n + 7}::timestamptz, $${n + 8}::jsonb, $${n + 9}, $${n + 10}::timestamptz)`;
  });
  if (values.length === 0) return;
  await db.query(
    `INSERT INTO wa_migration_steps (migration_id, step_id, position, status, attempts, started_at,
       finished_at, last_error, lease_owner, lease_expires_at) VALUES ${values.join(", ")}`,
    params,
  );
}
