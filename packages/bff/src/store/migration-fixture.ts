import { firstSteps } from "./first-steps.js";
import type { NewMigration } from "./migration-store.js";

/**
 * A fresh migration record as `POST /migrations` creates it: browser steps succeeded, server steps
 * pending, empty templates report. Used by the store contract suite and by tests.
 *
 * @example
 * await store.createMigration(newMigrationFixture({ id: "mig_1", tenant: "acme" }));
 */
export function newMigrationFixture(overrides: Partial<NewMigration> = {}): NewMigration {
  const now = overrides.createdAt ?? "2026-11-25T10:00:00.000Z";
  const steps = firstSteps(now);
  return {
    id: "mig_fixture",
    tenant: "tenant_a",
    status: "running",
    businessId: "2729063490586005",
    wabaId: "524126980791429",
    phoneNumberId: "106540352242922",
    sourceWabaId: null,
    phone: null,
    steps,
    templates: { mode: "not_started", sourceReadable: false, items: [] },
    warnings: [],
    billingCutoverAt: null,
    createdAt: now,
    updatedAt: now,
    context: {},
    ...overrides,
  };
}
