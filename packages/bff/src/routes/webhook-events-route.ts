import { EVENT_LIST_DEFAULT_LIMIT, ListWebhookEventsQuerySchema } from "@wa-migrate/contracts";
import type { Context } from "hono";
import type { BffEnv } from "../http/app-env.js";
import { parseWith } from "../http/read-json.js";
import type { BffRuntime } from "../orchestrator/runtime.js";

/**
 * `GET /webhook-events`: the webhook changes the journal kept, newest first (`limit` 1..200,
 * default 50; optional `wabaId`, a Graph id; anything else is 400 `validation_failed`), each with
 * the migration it belongs to. Two journal reads per request whatever the page size: the page,
 * then every change's migration at once.
 *
 * @example
 * app.get("/webhook-events", webhookEventsHandler(rt));
 */
export function webhookEventsHandler(rt: BffRuntime) {
  const tenants = Boolean(rt.options.authorize);
  return async (c: Context<BffEnv>) => {
    const query = parseWith(ListWebhookEventsQuerySchema, c.req.query());
    const events = await rt.store.listWebhookEvents({
      wabaId: query.wabaId,
      // With tenants, the store leaves other tenants' events out before the limit; the check
      // below then settles an unclaimed event whose WABA two tenants' migrations share.
      tenant: tenants ? c.get("tenant") : undefined,
      limit: query.limit ? Number(query.limit) : EVENT_LIST_DEFAULT_LIMIT,
    });
    // Only events of this tenant's migrations. PARTNER_ADDED arrives before the migration exists,
    // so an event no migration claimed is matched by its WABA now; one that still matches none is
    // shown only when the BFF has a single tenant (no `authorize`), never to one tenant of many.
    const owners = await rt.store.findWebhookEventMigrations(events);
    const visible = [];
    for (const [i, { dedupeKey: _key, ...e }] of events.entries()) {
      const m = owners[i];
      if (m ? m.tenant === c.get("tenant") : !tenants)
        visible.push({ ...e, migrationId: m?.id ?? null });
    }
    return c.json({ data: visible });
  };
}
