import { decodeMigrationCursor, encodeMigrationCursor } from "../store/migration-cursor.js";
import type {
  IdempotencyRecord,
  MigrationPatch,
  MigrationStore,
  SealedSecret,
  SecretKind,
} from "../store/migration-store.js";
import { storableJson } from "../store/storable-text.js";
import { StoreError } from "../store/store-error.js";
import { JournalError } from "./journal-error.js";
import { insertMigration, iso, json, selectMigration, selectMigrations } from "./migration-rows.js";
import * as requestLeases from "./request-leases.js";
import * as side from "./side-records.js";
import type { SqlClient, SqlExecutor } from "./sql-client.js";
import * as leases from "./step-leases.js";
import { findWebhookEventMigrations } from "./webhook-event-migrations.js";

const UNIQUE_VIOLATION = "23505";

// Patch fields and their columns; JSON columns are cast on the way in.
const COLUMNS = {
  status: ["status", ""],
  businessId: ["business_id", ""],
  wabaId: ["waba_id", ""],
  phoneNumberId: ["phone_number_id", ""],
  sourceWabaId: ["source_waba_id", ""],
  phone: ["phone", "::jsonb"],
  templates: ["templates", "::jsonb"],
  warnings: ["warnings", "::jsonb"],
  billingCutoverAt: ["billing_cutover_at", "::timestamptz"],
} as const satisfies Record<Exclude<keyof MigrationPatch, "context">, readonly [string, string]>;

async function readIdempotency(
  db: SqlExecutor,
  tenant: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const [row] = await db.query<{ request_hash: string; migration_id: string; created_at: Date }>(
    "SELECT request_hash, migration_id, created_at FROM wa_idempotency_keys WHERE tenant = $1 AND key = $2",
    [tenant, key],
  );
  if (!row) return null;
  return {
    tenant,
    key,
    requestHash: row.request_hash,
    migrationId: row.migration_id,
    createdAt: iso(row.created_at) ?? "",
  };
}

/** Driver failures become the interface's StoreError; StoreErrors pass through unchanged. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if (error instanceof JournalError)
      throw new StoreError("unavailable", error.message, { cause: error });
    throw new StoreError("unavailable", "the journal could not complete the operation", {
      cause: error,
    });
  }
}

/**
 * The {@link MigrationStore} over SQL: the same statements on PGlite and PostgreSQL. The schema
 * must be current (`openJournalStore` migrates it before handing out a store).
 *
 * @example
 * const db = await createPgliteClient({ dataDir: "./.wa-migrate/db" });
 * await migrateSchema(db);
 * const store = createSqlMigrationStore(db);
 */
export function createSqlMigrationStore(db: SqlClient): MigrationStore {
  return {
    createMigration: (migration, key, secrets = {}) =>
      guard(async () => {
        try {
          return await db.transaction(async (tx) => {
            let saved: IdempotencyRecord | null = null;
            if (key) {
              // The key goes in first: a concurrent POST with the same key waits here, then sees it.
              const inserted = await tx.query(
                `INSERT INTO wa_idempotency_keys (tenant, key, request_hash, migration_id, created_at)
                 VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (tenant, key) DO NOTHING RETURNING key`,
                [migration.tenant, key.key, key.requestHash, migration.id, key.createdAt],
              );
              if (inserted.length === 0) {
                const earlier = await readIdempotency(tx, migration.tenant, key.key);
                const existing = earlier && (await selectMigration(tx, earlier.migrationId));
                if (!earlier || !existing)
                  throw new StoreError("conflict", "idempotency key is being reused");
                return { migration: existing, created: false, idempotency: earlier };
              }
              saved = { ...key, tenant: migration.tenant, migrationId: migration.id };
            }
            await insertMigration(tx, migration);
            for (const [kind, secret] of Object.entries(secrets) as [
              SecretKind,
              SealedSecret | undefined,
            ][])
              if (secret) await side.putSecret(tx, migration.id, kind, secret);
            const stored = await selectMigration(tx, migration.id);
            if (!stored)
              throw new StoreError(
                "unavailable",
                `migration ${migration.id} vanished while created`,
              );
            return { migration: stored, created: true, idempotency: saved };
          });
        } catch (error) {
          if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
            throw new StoreError("conflict", `migration ${migration.id} already exists`, {
              cause: error,
            });
          }
          throw error;
        }
      }),
    getMigration: (id) => guard(() => selectMigration(db, id)),
    getIdempotencyRecord: (tenant, key) => guard(() => readIdempotency(db, tenant, key)),
    listMigrations: (options) =>
      guard(async () => {
        const params: unknown[] = [];
        const where: string[] = ["TRUE"];
        if (options.tenant !== undefined) where.push(`m.tenant = $${params.push(options.tenant)}`);
        if (options.status !== undefined) where.push(`m.status = $${params.push(options.status)}`);
        const after = decodeMigrationCursor(options.cursor);
        if (after) {
          where.push(
            `(m.created_at, m.id) < ($${params.push(after.createdAt)}::timestamptz, $${params.push(after.id)})`,
          );
        }
        const limit = params.push(options.limit + 1);
        const all = await selectMigrations(
          db,
          where.join(" AND "),
          params,
          `ORDER BY m.created_at DESC, m.id DESC LIMIT $${limit}`,
        );
        const items = all.slice(0, options.limit);
        const last = items.at(-1);
        return {
          items,
          nextCursor: all.length > options.limit && last ? encodeMigrationCursor(last) : null,
        };
      }),
    listResumableMigrations: () =>
      guard(async () => {
        const rows = await db.query<{ id: string }>(
          "SELECT id FROM wa_migrations WHERE status = 'running' ORDER BY created_at, id",
        );
        return rows.map((r) => r.id);
      }),
    findMigrationByWaba: (wabaId) =>
      guard(async () => {
        const [found] = await selectMigrations(
          db,
          "(m.waba_id = $1 OR m.source_waba_id = $1)",
          [wabaId],
          // IS TRUE: a NULL waba_id compares as NULL, and DESC puts NULLs first.
          "ORDER BY (m.waba_id = $1) IS TRUE DESC, m.created_at DESC, m.id DESC LIMIT 1",
        );
        return found ?? null;
      }),
    updateMigration: (id, patch, now, expectedVersion) =>
      guard(() =>
        db.transaction(async (tx) => {
          const params: unknown[] = [id, now];
          const sets = ["version = version + 1", "updated_at = $2::timestamptz"];
          for (const [field, [column, cast]] of Object.entries(COLUMNS)) {
            const value = patch[field as keyof typeof COLUMNS];
            if (value === undefined) continue;
            const param = cast === "::jsonb" ? json(value) : value;
            sets.push(`${column} = $${params.push(param)}${cast}`);
          }
          // JSON drops keys set to undefined, so they stay unchanged, as the interface says.
          if (patch.context)
            sets.push(`context = context || $${params.push(storableJson(patch.context))}::jsonb`);
          let condition = "id = $1";
          if (expectedVersion !== undefined)
            condition += ` AND version = $${params.push(expectedVersion)}`;
          const rows = await tx.query(
            `UPDATE wa_migrations SET ${sets.join(", ")} WHERE ${condition} RETURNING id`,
            params,
          );
          if (rows.length === 0) {
            const exists = await tx.query("SELECT 1 FROM wa_migrations WHERE id = $1", [id]);
            if (exists.length === 0)
              throw new StoreError("not_found", `migration ${id} does not exist`);
            return null;
          }
          return selectMigration(tx, id);
        }),
      ),
    claimStep: (id, stepId, lease) => guard(() => leases.claimStep(db, id, stepId, lease)),
    renewStepLease: (id, stepId, lease) =>
      guard(() => leases.renewStepLease(db, id, stepId, lease)),
    finishStep: (id, stepId, owner, outcome) =>
      guard(() => leases.finishStep(db, id, stepId, owner, outcome)),
    beginRetry: (id, now) => guard(() => leases.beginRetry(db, id, now)),
    putSecret: (id, kind, secret) => guard(() => side.putSecret(db, id, kind, secret)),
    getSecret: (id, kind) => guard(() => side.getSecret(db, id, kind)),
    addSignupEvent: (event) => guard(() => side.addSignupEvent(db, event)),
    listSignupEvents: (tenant, limit) => guard(() => side.listSignupEvents(db, tenant, limit)),
    addWebhookEvent: (event) => guard(() => side.addWebhookEvent(db, event)),
    listWebhookEvents: (options) => guard(() => side.listWebhookEvents(db, options)),
    findWebhookEventMigrations: (events) => guard(() => findWebhookEventMigrations(db, events)),
    ping: () => guard(async () => void (await db.query("SELECT 1"))),
    close: () => db.close(),
    claimLease: (name, lease) => guard(() => requestLeases.claimLease(db, name, lease)),
    releaseLease: (name, owner) => guard(() => requestLeases.releaseLease(db, name, owner)),
  };
}
