import type { Migration } from "@wa-migrate/contracts";
import { type TransientRetryState, transientRetryKey } from "../orchestrator/transient-retry.js";
import type { StoredMigration } from "./migration-store.js";

/**
 * The public {@link Migration} of a stored one: no tenant, version, leases, context (but the
 * failure a running step is retrying, as its `lastError`) or the report lines' webhook times.
 *
 * @example
 * return c.json(toMigration(stored));
 */
export function toMigration(stored: StoredMigration): Migration {
  return {
    id: stored.id,
    status: stored.status,
    businessId: stored.businessId,
    wabaId: stored.wabaId,
    phoneNumberId: stored.phoneNumberId,
    sourceWabaId: stored.sourceWabaId,
    phone: stored.phone,
    steps: stored.steps.map((s) => ({
      id: s.id,
      status: s.status,
      attempts: s.attempts,
      startedAt: s.startedAt ?? null,
      finishedAt: s.finishedAt ?? null,
      // A running step retrying Meta's transient failure shows it (browsers ignore errors of
      // running steps; operators see why it takes long).
      lastError:
        s.lastError ??
        (s.status === "running"
          ? (stored.context[transientRetryKey(s.id)] as TransientRetryState | null | undefined)
              ?.lastError
          : null) ??
        null,
    })),
    // The webhook times only order Meta's changes inside the BFF: browsers need not carry them.
    templates: {
      ...stored.templates,
      items: stored.templates.items.map(({ qualityAt: _q, categoryAt: _c, ...item }) => item),
    },
    warnings: stored.warnings,
    billingCutoverAt: stored.billingCutoverAt,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
