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
  // The UI shows `detail` as Meta's words: only Meta's own message goes there, never our server's
  // English; the support reference is Meta's fbtrace_id, else our server's request id.
  const problem = error instanceof BffError ? error.problem : null;
  return flowError(error instanceof BffError ? error.code : "internal_error", step, {
    retryable: error instanceof BffError ? error.retryable : true,
    detail: problem?.graph?.message,
    reference: problem?.graph?.fbtraceId ?? problem?.requestId,
  });
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
    reference: error.graph?.fbtraceId,
  });
}
