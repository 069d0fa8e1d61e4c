import type { CreateMigrationRequest } from "@wa-migrate/contracts";
import { firstSteps } from "../store/first-steps.js";
import type { NewMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";

/**
 * The record `POST /migrations` stores right after the code exchange, before any other Graph
 * read: the ids as the browser sent them (the grant check confirms or discovers them), and
 * `capture_assets` already running under this instance's lease, so no other instance starts it
 * while the request still runs (it may once the lease expires, if this instance dies).
 *
 * @example
 * await rt.store.createMigration(newMigration(rt, "acme", body));
 */
export function newMigration(
  rt: BffRuntime,
  tenant: string,
  request: CreateMigrationRequest,
): NewMigration {
  const now = rt.now();
  const leaseExpiresAt = new Date(Date.parse(now) + rt.leaseMs).toISOString();
  return {
    id: rt.newId("mig"),
    tenant,
    status: "running",
    businessId: request.businessId ?? null,
    wabaId: request.wabaId ?? null,
    phoneNumberId: request.phoneNumberId ?? null,
    sourceWabaId: request.sourceWabaId ?? null,
    phone: null,
    steps: firstSteps(now).map((s) =>
      s.id === "capture_assets"
        ? { ...s, status: "running", leaseOwner: rt.instanceId, leaseExpiresAt }
        : s,
    ),
    templates: { mode: "not_started", sourceReadable: false, items: [] },
    warnings: [],
    billingCutoverAt: null,
    createdAt: now,
    updatedAt: now,
    context: {},
  };
}
