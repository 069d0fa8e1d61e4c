import type { MigrationErrorCode, StepId } from "@wa-migrate/contracts";
import { GraphError } from "../graph/graph-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";
import { type StepFailure, stepFailure } from "./step-failure.js";
import {
  nextTransientRetry,
  type TransientRetryState,
  transientRetryKey,
  transientRetryPolicy,
} from "./transient-retry.js";

/** What a step body returns: done, or nothing to do. */
export type StepResult = "succeeded" | "skipped";

/** How {@link runStep} left the step. */
export type StepRun = "done" | "stopped" | "busy";

/** Step-specific retry tuning of {@link runStep}. */
export interface StepRunOptions {
  /**
   * The shortest wait (ms) before the next attempt after this transient failure, on top of
   * Meta's `estimated_time_to_regain_access` (e.g. `register`, whose requests Meta counts).
   */
  retryFloorMs?: (error: GraphError) => number;
  /**
   * Called when the step would stop (a permanent failure, or transient ones past the budget): a
   * result instead ends the step with it, keeping the error as `lastError` for operators, and the
   * migration goes on (a failed template copy, decision 029). Null: the step stops.
   */
  onStop?: (failure: StepFailure) => Promise<StepResult | null>;
}

/**
 * Runs one step under a lease: claims it (unless already done), renews the lease while `body`
 * runs, and records the outcome with attempts, timings and the last error (with fbtrace_id).
 * A transient Graph failure (after the Graph client's own retries) is attempted again with capped
 * exponential backoff and full jitter, for up to `graph.maxTransientRetryMs` in total (the budget
 * is kept in the journal, so a restart continues it); then the step ends `failed` with a
 * retryable `graph_unavailable` (or `graph_rate_limited`). Permanent failures stop at once.
 * Every attempt claims the step again, which counts it, and the step bodies check before acting.
 * "busy" means another instance holds the step; "stopped" that it failed or needs action.
 *
 * @example
 * await runStep(rt, migrationId, "subscribe_webhooks", "webhook_subscription_failed", async (m) => "succeeded");
 */
export async function runStep(
  rt: BffRuntime,
  migrationId: string,
  stepId: StepId,
  fallbackCode: MigrationErrorCode,
  body: (m: StoredMigration) => Promise<StepResult>,
  options: StepRunOptions = {},
): Promise<StepRun> {
  const before = await rt.store.getMigration(migrationId);
  const current = before?.steps.find((s) => s.id === stepId);
  if (!current) return "stopped";
  if (current.status === "succeeded" || current.status === "skipped") return "done";
  if (current.status === "failed" || current.status === "action_required") return "stopped";
  let claimed = await rt.store.claimStep(migrationId, stepId, {
    owner: rt.instanceId,
    leaseMs: rt.leaseMs,
    now: rt.now(),
  });
  if (!claimed) return "busy";
  rt.hub.notify(migrationId);
  const log = rt.log.child({ tenant: claimed.tenant, migrationId, step: stepId });
  const renew = setInterval(
    () => {
      void rt.store
        .renewStepLease(migrationId, stepId, {
          owner: rt.instanceId,
          leaseMs: rt.leaseMs,
          now: rt.now(),
        })
        .catch((error: unknown) => log.warn("lease renewal failed", { error }));
    },
    Math.max(1_000, Math.floor(rt.leaseMs / 3)),
  );
  renew.unref?.();
  const retryKey = transientRetryKey(stepId);
  const policy = transientRetryPolicy(rt);
  try {
    for (let tries = 1; ; tries += 1) {
      const retrying = claimed.context[retryKey] as TransientRetryState | null | undefined;
      try {
        const status = await body(claimed);
        if (retrying) {
          await rt.store.updateMigration(migrationId, { context: { [retryKey]: null } }, rt.now());
        }
        await rt.store.finishStep(migrationId, stepId, rt.instanceId, {
          status,
          lastError: null,
          now: rt.now(),
        });
        log.info("step finished", { status, attempts: tries });
        return "done";
      } catch (error) {
        const failure = stepFailure(error, fallbackCode);
        const next =
          error instanceof GraphError && error.transient
            ? nextTransientRetry(
                retrying,
                rt.now(),
                Math.max(error.details.regainAccessMs ?? 0, options.retryFloorMs?.(error) ?? 0),
                policy,
              )
            : null;
        // Persisted before the wait: a crash during it resumes with the budget already spent.
        // A step that stops clears it, so that POST /retry starts a new one.
        if (next || retrying) {
          await rt.store.updateMigration(
            migrationId,
            { context: { [retryKey]: next ? { ...next.state, lastError: failure.error } : null } },
            rt.now(),
          );
        }
        if (next) {
          log.warn("step retried", {
            code: failure.error.code,
            fbtraceId: failure.error.graph?.fbtraceId,
            attempt: tries,
            delayMs: next.delayMs,
          });
          await rt.sleep(next.delayMs);
          // Same owner: the claim renews the lease and counts the attempt; the step checks before acting.
          const again = await rt.store.claimStep(migrationId, stepId, {
            owner: rt.instanceId,
            leaseMs: rt.leaseMs,
            now: rt.now(),
          });
          if (!again) return "busy";
          claimed = again;
          continue;
        }
        const instead = await options.onStop?.(failure);
        await rt.store.finishStep(migrationId, stepId, rt.instanceId, {
          status: instead ?? failure.status,
          lastError: failure.error,
          now: rt.now(),
        });
        if (instead) {
          log.warn("step failed; the migration goes on", {
            code: failure.error.code,
            fbtraceId: failure.error.graph?.fbtraceId,
            error,
          });
          return "done";
        }
        log.warn("step stopped", {
          status: failure.status,
          code: failure.error.code,
          fbtraceId: failure.error.graph?.fbtraceId,
          error,
        });
        return "stopped";
      }
    }
  } finally {
    clearInterval(renew);
    rt.hub.notify(migrationId);
  }
}
