import type { MigrationError, StepId } from "@wa-migrate/contracts";
import type { BffRuntime } from "./runtime.js";

/**
 * How long a step has been retrying transient Graph failures, kept in the migration's context so
 * a restarted (or another) instance continues the same budget instead of starting a new one.
 */
export interface TransientRetryState {
  /** When the first transient failure of this run of the step happened (ISO). */
  since: string;
  /** Backoff waited so far (ms): with an injected sleep the clock may not move, this still does. */
  waitedMs: number;
  /** Transient failures so far: the exponent of the backoff. */
  failures: number;
  /**
   * The failure being retried (Meta's code and fbtrace_id): shown as the running step's
   * `lastError`, so operators see why a step takes long while the customer is not bothered.
   */
  lastError?: MigrationError;
}

/** The backoff of the step runner: capped exponential with full jitter, within a total budget. */
export interface TransientRetryPolicy {
  baseMs: number;
  capMs: number;
  budgetMs: number;
  random: () => number;
}

/**
 * The context key of a step's {@link TransientRetryState}: one top-level key per step, since the
 * context merges shallowly and steps run in parallel.
 *
 * @example
 * m.context[transientRetryKey("register_phone")]; // TransientRetryState | null | undefined
 */
export function transientRetryKey(stepId: StepId): string {
  return `transientRetry:${stepId}`;
}

/**
 * The step runner's policy from the options (`graph.maxTransientRetryMs`, default 15 minutes;
 * backoff 1 s doubling up to 60 s).
 *
 * @example
 * const policy = transientRetryPolicy(rt);
 */
export function transientRetryPolicy(rt: BffRuntime): TransientRetryPolicy {
  const graph = rt.options.graph ?? {};
  return {
    baseMs: graph.stepBaseDelayMs ?? 1_000,
    capMs: graph.stepMaxDelayMs ?? 60_000,
    budgetMs: graph.maxTransientRetryMs ?? 15 * 60_000,
    random: rt.options.random ?? Math.random,
  };
}

/**
 * The wait before the next attempt after a transient failure, and the state to persist; null when
 * the wait would go past the budget (the step then ends `graph_unavailable`). Meta's
 * `estimated_time_to_regain_access` is a floor for the wait.
 *
 * @example
 * const next = nextTransientRetry(null, rt.now(), undefined, policy);
 * if (next) await rt.sleep(next.delayMs);
 */
export function nextTransientRetry(
  state: TransientRetryState | null | undefined,
  now: string,
  regainAccessMs: number | undefined,
  policy: TransientRetryPolicy,
): { delayMs: number; state: TransientRetryState } | null {
  const current = state ?? { since: now, waitedMs: 0, failures: 0 };
  const failures = current.failures + 1;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  const delayMs = Math.max(regainAccessMs ?? 0, Math.floor(policy.random() * ceiling));
  const spent = Math.max(Date.parse(now) - Date.parse(current.since), current.waitedMs);
  if (spent + delayMs > policy.budgetMs) return null;
  return {
    delayMs,
    state: { since: current.since, waitedMs: current.waitedMs + delayMs, failures },
  };
}
