import type { WebhookEvent } from "@wa-migrate/contracts";
import type { WebhookEventMigration } from "../store/migration-store.js";
import { storableJson, storableText } from "../store/storable-text.js";
import type { SqlExecutor } from "./sql-client.js";

/**
 * For each webhook change, the migration it belongs to (id and tenant), in one statement however
 * many changes a page lists: the one it names, or for an unclaimed change the one
 * `findMigrationByWaba` would find (destination before source, then newest); null when none.
 *
 * @example
 * const owners = await findWebhookEventMigrations(db, [{ migrationId: null, wabaId: "111" }]);
 */
export async function findWebhookEventMigrations(
  db: SqlExecutor,
  events: readonly Pick<WebhookEvent, "migrationId" | "wabaId">[],
): Promise<(WebhookEventMigration | null)[]> {
  if (events.length === 0) return [];
  // Each id and WABA is looked up once, however many changes share it (Meta sends bursts).
  const ids = new Set<string>();
  const wabas = new Set<string>();
  for (const e of events) {
    if (e.migrationId !== null) ids.add(e.migrationId);
    else wabas.add(e.wabaId);
  }
  // The lists go in as JSON (storableJson: a NUL would make PostgreSQL refuse the statement);
  // the WABA's ORDER BY is findMigrationByWaba's.
  const rows = await db.query<{ kind: "id" | "waba"; ref: string; id: string; tenant: string }>(
    `SELECT 'id' AS kind, m.id AS ref, m.id, m.tenant FROM wa_migrations m
      WHERE m.id IN (SELECT jsonb_array_elements_text($1::jsonb))
     UNION ALL
     SELECT 'waba', w.ref, f.id, f.tenant FROM jsonb_array_elements_text($2::jsonb) AS w(ref)
      CROSS JOIN LATERAL (
        SELECT m.id, m.tenant FROM wa_migrations m
         WHERE m.waba_id = w.ref OR m.source_waba_id = w.ref
         ORDER BY (m.waba_id = w.ref) IS TRUE DESC, m.created_at DESC, m.id DESC LIMIT 1) f`,
    [storableJson([...ids]), storableJson([...wabas])],
  );
  const found = new Map(rows.map((r) => [`${r.kind}:${r.ref}`, { id: r.id, tenant: r.tenant }]));
  return events.map((e) => {
    const key = e.migrationId !== null ? `id:${e.migrationId}` : `waba:${e.wabaId}`;
    return found.get(storableText(key)) ?? null;
  });
}
