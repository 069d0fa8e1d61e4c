import { GraphError } from "../graph/graph-error.js";

/** Meta's most updates in one webhook POST ("Create a webhook endpoint" > Batching, facts §5.1). */
export const MAX_BATCH_UPDATES = 1000;
/** How long Meta keeps retrying a delivery (facts §5.1): no copy comes later than this. */
export const REDELIVERY_WINDOW_MS = 36 * 3_600_000;

/**
 * How Meta's webhook delivery misbehaves, within its documented contract (facts §5.1). Off by
 * default: one change per POST, each delivered until its first 2xx.
 *
 * - `batch`: changes for the same callback URL made within `windowMs` of sandbox time (0: those
 *   one request or job makes) go in one POST of at most `maxUpdates` changes, one `entry` per
 *   account and time. Meta: "aggregated and sent in a batch with a maximum of 1000 updates.
 *   However batching cannot be guaranteed".
 * - `redeliver`: this share (0..1, seeded) of delivered notifications comes once more, the same
 *   bytes and signature, `afterMs` after the 2xx. Meta: retries go "to all apps that have
 *   subscribed ... This can result in duplicate webhook notifications" (Webhooks overview).
 *
 * @example
 * const faults: WebhookFaults = {
 *   batch: { maxUpdates: 1000, windowMs: 5_000 },
 *   redeliver: { rate: 1, afterMs: 3_600_000 },
 * };
 */
export interface WebhookFaults {
  batch?: { maxUpdates: number; windowMs: number };
  redeliver?: { rate: number; afterMs: number };
}

function bad(why: string): GraphError {
  return new GraphError({
    code: 100,
    message: `(#100) Invalid fault config: ${why}`,
    status: 400,
  });
}

function numberIn(value: unknown, name: string, min: number, max: number, whole = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw bad(`webhooks.${name} must be a number from ${min} to ${max}`);
  }
  if (whole && !Number.isInteger(value)) throw bad(`webhooks.${name} must be a whole number`);
  return value;
}

function objectAt(value: unknown, name: string): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw bad(`webhooks.${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Checks the `webhooks` part of a fault config and fills its defaults (`maxUpdates` 1000,
 * `windowMs` 0, `afterMs` 0).
 *
 * @example
 * parseWebhookFaults({ redeliver: { rate: 1 } }); // { redeliver: { rate: 1, afterMs: 0 } }
 */
export function parseWebhookFaults(input: unknown): WebhookFaults {
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    throw bad("webhooks must be an object");
  }
  const raw = input as Record<string, unknown>;
  const out: WebhookFaults = {};
  if (raw.batch !== undefined) {
    const b = objectAt(raw.batch, "batch");
    out.batch = {
      maxUpdates: numberIn(b.maxUpdates ?? MAX_BATCH_UPDATES, "batch.maxUpdates", 1, 1000, true),
      windowMs: numberIn(b.windowMs ?? 0, "batch.windowMs", 0, REDELIVERY_WINDOW_MS),
    };
  }
  if (raw.redeliver !== undefined) {
    const r = objectAt(raw.redeliver, "redeliver");
    out.redeliver = {
      rate: numberIn(r.rate, "redeliver.rate", 0, 1),
      afterMs: numberIn(r.afterMs ?? 0, "redeliver.afterMs", 0, REDELIVERY_WINDOW_MS),
    };
  }
  return out;
}
