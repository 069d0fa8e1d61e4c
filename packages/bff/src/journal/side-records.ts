import type {
  SealedSecret,
  SecretKind,
  StoredSignupEvent,
  StoredWebhookEvent,
} from "../store/migration-store.js";
import { storableJson } from "../store/storable-text.js";
import { StoreError } from "../store/store-error.js";
import { iso } from "./migration-rows.js";
import type { SqlExecutor } from "./sql-client.js";

// What the journal keeps beside migrations: sealed secrets, Embedded Signup events, webhook events.

const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Stores or replaces a sealed secret (never plaintext: the BFF's secret box sealed it).
 *
 * @example
 * await putSecret(db, "mig_1", "pin", { keyId: "k1", ciphertext: "..." });
 */
export async function putSecret(
  db: SqlExecutor,
  migrationId: string,
  kind: SecretKind,
  secret: SealedSecret,
): Promise<void> {
  try {
    await db.query(
      `INSERT INTO wa_secrets (migration_id, name, key_id, ciphertext) VALUES ($1, $2, $3, $4)
       ON CONFLICT (migration_id, name)
       DO UPDATE SET key_id = EXCLUDED.key_id, ciphertext = EXCLUDED.ciphertext, stored_at = now()`,
      [migrationId, kind, secret.keyId, secret.ciphertext],
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) {
      throw new StoreError("not_found", `migration ${migrationId} does not exist`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The sealed secret of a migration, or null.
 *
 * @example
 * const sealed = await getSecret(db, "mig_1", "business_token");
 */
export async function getSecret(
  db: SqlExecutor,
  migrationId: string,
  kind: SecretKind,
): Promise<SealedSecret | null> {
  const [row] = await db.query<{ key_id: string; ciphertext: string }>(
    "SELECT key_id, ciphertext FROM wa_secrets WHERE migration_id = $1 AND name = $2",
    [migrationId, kind],
  );
  return row ? { keyId: row.key_id, ciphertext: row.ciphertext } : null;
}

/**
 * Stores an Embedded Signup event.
 *
 * @example
 * await addSignupEvent(db, { id: "se_1", tenant: "acme", event: "CANCEL", ... });
 */
export async function addSignupEvent(db: SqlExecutor, e: StoredSignupEvent): Promise<void> {
  await db.query(
    `INSERT INTO wa_signup_events (id, tenant, event, current_step, error_message, error_id, session_id,
       migration_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz)`,
    [
      e.id,
      e.tenant,
      e.event,
      e.currentStep,
      e.errorMessage,
      e.errorId,
      e.sessionId,
      e.migrationId,
      e.receivedAt,
    ],
  );
}

/**
 * A tenant's signup events, newest first.
 *
 * @example
 * const events = await listSignupEvents(db, "acme", 50);
 */
export async function listSignupEvents(
  db: SqlExecutor,
  tenant: string,
  limit: number,
): Promise<StoredSignupEvent[]> {
  const rows = await db.query<Record<string, string | null> & { received_at: Date }>(
    `SELECT * FROM wa_signup_events WHERE tenant = $1 ORDER BY received_at DESC, id DESC LIMIT $2`,
    [tenant, limit],
  );
  return rows.map((r) => ({
    id: r.id ?? "",
    tenant: r.tenant ?? "",
    event: r.event ?? "",
    currentStep: r.current_step ?? null,
    errorMessage: r.error_message ?? null,
    errorId: r.error_id ?? null,
    sessionId: r.session_id ?? null,
    migrationId: r.migration_id ?? null,
    receivedAt: iso(r.received_at) ?? "",
  }));
}

/**
 * Stores a webhook change unless its dedupe key was seen (Meta redelivers for 36 h).
 *
 * @example
 * if (!(await addWebhookEvent(db, event))) return; // a redelivery: already applied
 */
export async function addWebhookEvent(db: SqlExecutor, e: StoredWebhookEvent): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO wa_webhook_events (id, dedupe_key, field, waba_id, migration_id, value, received_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::timestamptz)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      e.id,
      e.dedupeKey,
      e.field,
      e.wabaId,
      e.migrationId,
      storableJson(e.value ?? null),
      e.receivedAt,
    ],
  );
  return rows.length > 0;
}

/**
 * Webhook changes newest first, optionally of one WABA and of one tenant's migrations.
 *
 * @example
 * const events = await listWebhookEvents(db, { wabaId: "524126980791429", limit: 20 });
 */
export async function listWebhookEvents(
  db: SqlExecutor,
  options: { wabaId?: string; tenant?: string; limit: number },
): Promise<StoredWebhookEvent[]> {
  const rows = await db.query<{
    id: string;
    dedupe_key: string;
    field: string;
    waba_id: string;
    migration_id: string | null;
    value: unknown;
    received_at: Date;
  }>(
    `SELECT * FROM wa_webhook_events e WHERE ($1::text IS NULL OR e.waba_id = $1)
        AND ($3::text IS NULL OR EXISTS (
          SELECT 1 FROM wa_migrations m WHERE m.tenant = $3 AND (m.id = e.migration_id
            OR (e.migration_id IS NULL AND (m.waba_id = e.waba_id OR m.source_waba_id = e.waba_id)))))
      ORDER BY e.received_at DESC, e.id DESC LIMIT $2`,
    [options.wabaId ?? null, options.limit, options.tenant ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    dedupeKey: r.dedupe_key,
    field: r.field,
    wabaId: r.waba_id,
    migrationId: r.migration_id,
    value: r.value,
    receivedAt: iso(r.received_at) ?? "",
  }));
}
