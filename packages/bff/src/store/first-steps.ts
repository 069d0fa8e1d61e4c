import { BROWSER_STEP_IDS, STEP_IDS, type StepId } from "@wa-migrate/contracts";
import type { StoredStep } from "./migration-store.js";

const isBrowserStep = (id: StepId) => (BROWSER_STEP_IDS as readonly StepId[]).includes(id);

/**
 * The steps of a migration as `POST /migrations` creates it: the browser's two steps already
 * succeeded (the customer did them before handing over the code), the server's steps pending.
 *
 * @example
 * await store.createMigration({ ...record, steps: firstSteps(new Date().toISOString()) });
 */
export function firstSteps(now: string): StoredStep[] {
  return STEP_IDS.map((id) => {
    const browser = isBrowserStep(id);
    return {
      id,
      status: browser ? "succeeded" : "pending",
      attempts: browser ? 1 : 0,
      startedAt: null,
      finishedAt: browser ? now : null,
      lastError: null,
      leaseOwner: null,
      leaseExpiresAt: null,
    };
  });
}
