import type { Migration } from "@wa-migrate/contracts";
import type { StoredMigration } from "./migration-store.js";

/**
 * The public {@link Migration} of a stored one: no tenant, version, leases or context.
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
      lastError: s.lastError ?? null,
    })),
    templates: stored.templates,
    warnings: stored.warnings,
    billingCutoverAt: stored.billingCutoverAt,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
