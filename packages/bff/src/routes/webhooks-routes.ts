import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AccountUpdateValueSchema, WebhookEnvelopeSchema } from "@wa-migrate/contracts";
import { Hono } from "hono";
import { BffError } from "../errors/bff-error.js";
import type { BffEnv } from "../http/app-env.js";
import { parseWith } from "../http/read-json.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { applyTemplateChange } from "./apply-webhook.js";

/**
 * Constant-time string comparison (hashing first makes the lengths equal).
 *
 * @example
 * safeEqual(header, expected); // false for a forged signature
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/**
 * Meta's webhook endpoint. `GET` answers the hub challenge when the verify token matches;
 * `POST` checks `X-Hub-Signature-256` over the raw body with the app secret (401 otherwise),
 * stores each change once (Meta retries for 36 h), and applies template status and quality
 * changes to the matching migration's report. `account_update` and other fields are kept.
 *
 * @example
 * app.route("/webhooks", webhooksRoutes(rt));
 */
export function webhooksRoutes(rt: BffRuntime) {
  const app = new Hono<BffEnv>();

  app.get("/", (c) => {
    const mode = c.req.query("hub.mode");
    const token = c.req.query("hub.verify_token") ?? "";
    const challenge = c.req.query("hub.challenge") ?? "";
    if (mode !== "subscribe" || !safeEqual(token, rt.options.webhookVerifyToken)) {
      throw new BffError("unauthorized", { detail: "The verify token does not match." });
    }
    return c.text(challenge, 200);
  });

  app.post("/", async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const header = c.req.header("x-hub-signature-256") ?? "";
    const expected = `sha256=${createHmac("sha256", rt.options.appSecret).update(raw).digest("hex")}`;
    if (!safeEqual(header, expected)) throw new BffError("invalid_signature");
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(raw));
    } catch (cause) {
      throw new BffError("validation_failed", { detail: "The body is not valid JSON.", cause });
    }
    const envelope = parseWith(WebhookEnvelopeSchema, json);
    let stored = 0;
    let duplicates = 0;
    for (const entry of envelope.entry) {
      for (const change of entry.changes) {
        const dedupeKey = createHash("sha256")
          .update(JSON.stringify([entry.id, entry.time ?? null, change.field, change.value]))
          .digest("hex");
        // account_update PARTNER_* events carry the partner's business id in entry.id (facts §5.2).
        const update =
          change.field === "account_update"
            ? AccountUpdateValueSchema.safeParse(change.value)
            : null;
        const wabaId =
          update?.success && update.data.waba_info ? update.data.waba_info.waba_id : entry.id;
        const migration = await rt.store.findMigrationByWaba(wabaId);
        const fresh = await rt.store.addWebhookEvent({
          id: rt.newId("whe"),
          field: change.field,
          wabaId,
          migrationId: migration?.id ?? null,
          value: change.value,
          receivedAt: rt.now(),
          dedupeKey,
        });
        if (!fresh) {
          duplicates += 1;
          continue;
        }
        stored += 1;
        if (migration) await applyToMigration(rt, migration.id, change.field, change.value);
      }
    }
    c.get("log").info("webhook received", { stored, duplicates });
    return c.json({ received: stored, duplicates });
  });

  return app;
}

async function applyToMigration(
  rt: BffRuntime,
  id: string,
  field: string,
  value: unknown,
): Promise<void> {
  // Optimistic concurrency: the templates step may write the report at the same moment.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const m = await rt.store.getMigration(id);
    if (!m) return;
    const next = applyTemplateChange(m.templates, field, value);
    if (!next) return;
    if (await rt.store.updateMigration(id, { templates: next }, rt.now(), m.version)) {
      rt.hub.notify(id);
      return;
    }
  }
  rt.log.warn("webhook change not applied after 5 tries", { migrationId: id, field });
}
