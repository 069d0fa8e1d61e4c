import type { Migration } from "@wa-migrate/contracts";
import { BffError } from "./bff-error.js";
import { stepOfStop } from "./derive-step-views.js";
import type { FlowError } from "./flow-types.js";

/**
 * A {@link FlowError} (retryable unless said otherwise).
 *
 * @example
 * flowError("popup_blocked", "embedded_signup");
 */
export function flowError(
  code: FlowError["code"],
  step: FlowError["step"],
  extra: Partial<FlowError> = {},
): FlowError {
  return { code, step, retryable: true, ...extra };
}

/**
 * The error of a failed BFF call, attributed to a step.
 *
 * @example
 * flowErrorFromBff(new BffError("code_expired", "expired"), "embedded_signup").code; // "code_expired"
 */
export function flowErrorFromBff(error: unknown, step: FlowError["step"]): FlowError {
  return error instanceof BffError
    ? flowError(error.code, step, { retryable: error.retryable, detail: error.message })
    : flowError("internal_error", step, { detail: String(error) });
}

/**
 * The error where a migration stopped: the last error of its failed or action-required step,
 * attributed to the step the customer acts on ({@link stepOfStop}), as the step views show it.
 *
 * @example
 * flowErrorFromMigration(migration)?.code; // e.g. "pin_mismatch"
 */
export function flowErrorFromMigration(migration: Migration): FlowError | null {
  const stopped = migration.steps.find(
    (s) => s.lastError && (s.status === "failed" || s.status === "action_required"),
  );
  const error = stopped?.lastError;
  if (!stopped || !error) return null;
  return flowError(error.code, stepOfStop(stopped), {
    retryable: error.retryable,
    detail: error.graph?.message,
  });
}
