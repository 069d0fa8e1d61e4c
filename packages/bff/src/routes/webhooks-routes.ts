import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import {
  AccountUpdateValueSchema,
  WEBHOOK_FIELDS,
  WebhookEnvelopeSchema,
} from "@wa-migrate/contracts";
import { Hono } from "hono";
import { BffError } from "../errors/bff-error.js";
import type { BffEnv } from "../http/app-env.js";
import { parseWith } from "../http/read-json.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { updateMigrationSafely } from "../orchestrator/update-migration-safely.js";
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
 * applies template status, quality and category changes to the matching migration's report, and
 * stores each change of the fields the kit uses once (Meta retries for 36 h); other fields, such
 * as customers' `messages`, are acknowledged and not kept.
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
    // Meta checks an override_callback_uri with the override's own verify token (facts §3.6).
    const tokens = [rt.options.webhookVerifyToken, rt.options.webhookOverride?.verifyToken];
    if (mode !== "subscribe" || !tokens.some((t) => t !== undefined && safeEqual(token, t))) {
      // 403 as in Meta's own sample receiver: Meta knows the caller's request, the token is wrong.
      throw new BffError("forbidden", { detail: "The verify token does not match." });
    }
    // Echoed as it came (facts §5.1: the raw value), so never as anything a browser would render.
    return c.text(challenge, 200, {
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
  });

  app.post("/", async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const header = c.req.header("x-hub-signature-256") ?? "";
    const expected = `sha256=${createHmac("sha256", rt.options.appSecret).update(raw).digest("hex")}`;
    if (!safeEqual(header, expected)) throw new BffError("invalid_signature");
    const envelope = parseWith(WebhookEnvelopeSchema, parseWebhookJson(raw));
    let stored = 0;
    let duplicates = 0;
    let ignored = 0;
    // Meta batches up to 1,000 changes per POST, mostly of one WABA: one journal lookup per WABA.
    const migrations = new Map<string, ReturnType<typeof rt.store.findMigrationByWaba>>();
    for (const entry of envelope.entry) {
      for (const change of entry.changes) {
        // Customers' messages and fields the kit has no use for are not kept (privacy, storage).
        if (!KEPT_FIELDS.has(change.field)) {
          ignored += 1;
          continue;
        }
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
        if (!migrations.has(wabaId)) migrations.set(wabaId, rt.store.findMigrationByWaba(wabaId));
        const migration = await migrations.get(wabaId);
        // Applied before it is recorded: when applying fails the answer is a 5xx and Meta's
        // redelivery, finding no record, applies it then. Applying a change twice changes nothing.
        if (migration) {
          await updateMigrationSafely(rt, migration.id, (m) => {
            const templates = applyTemplateChange(
              m.templates,
              change.field,
              change.value,
              entry.time,
            );
            return templates ? { templates } : null;
          });
        }
        const fresh = await rt.store.addWebhookEvent({
          id: rt.newId("whe"),
          field: change.field,
          wabaId,
          migrationId: migration?.id ?? null,
          value: change.value,
          receivedAt: rt.now(),
          dedupeKey,
        });
        if (fresh) stored += 1;
        else duplicates += 1;
      }
    }
    c.get("log").info("webhook received", { stored, duplicates, ignored });
    return c.json({ received: stored, duplicates, ignored });
  });

  return app;
}

/** The fields whose changes are kept and applied; others are acknowledged and dropped. */
const KEPT_FIELDS: ReadonlySet<string> = new Set([
  ...WEBHOOK_FIELDS,
  "phone_number_quality_update",
  "business_capability_update",
]);

/**
 * The body as JSON, with ids sent as numbers of 16 or more digits kept exactly: Meta sends
 * template ids as JSON numbers (facts §5.4), and above 2^53 `JSON.parse` would round them.
 * Text the journal cannot keep (U+0000, lone surrogates) is made storable by the journal itself
 * (`store/storable-text.ts`): refusing it would refuse the delivery at each of Meta's redeliveries.
 */
function parseWebhookJson(raw: Uint8Array): unknown {
  const text = new TextDecoder().decode(raw).replace(/("[A-Za-z_]*id"\s*:\s*)(\d{16,})/g, '$1"$2"');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BffError("validation_failed", { detail: "The body is not valid JSON.", cause });
  }
}
