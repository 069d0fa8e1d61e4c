import {
  BROWSER_STEP_IDS,
  type Migration,
  type MigrationStep,
  STEP_IDS,
  type StepId,
  type StepStatus,
} from "@wa-migrate/contracts/browser";
import type { FlowError, FlowState, StepView, StepViewState } from "./flow-types.js";

/**
 * What the step views are derived from (the flow's own fields).
 *
 * @example
 * const inputs: StepInputs = { state: "ready", migration: null, error: null, twoStepConfirmed: false };
 */
export interface StepInputs {
  state: FlowState;
  migration: Migration | null;
  error: FlowError | null;
  twoStepConfirmed: boolean;
}

/**
 * The step a server step's stop belongs to, as the customer sees it. `two_step_enabled` (the
 * server found the PIN still on, at capture or at registration) and `pin_mismatch` (Meta's 133005:
 * still on, with another PIN) prove the customer's step-1 confirmation wrong: the action is on
 * step 1, where the request text for the old partner is. `number_already_moved` is not one: the
 * PIN is our own earlier registration's, and its remedy is on the step it stopped. Every other
 * step (stopped or not) stays itself.
 *
 * @example
 * stepOfStop({ id: "capture_assets", status: "action_required", attempts: 1, lastError }); // "two_step_verification" when lastError.code is "two_step_enabled"
 */
export function stepOfStop(step: MigrationStep): StepId {
  const code = step.lastError?.code;
  return (step.status === "failed" || step.status === "action_required") &&
    (code === "two_step_enabled" || code === "pin_mismatch")
    ? "two_step_verification"
    : step.id;
}

/**
 * The step the customer should look at: the first server step that is not done (or the step its
 * stop belongs to, see {@link stepOfStop}), or the browser step they are on before a migration exists.
 *
 * @example
 * deriveCurrentStep({ state: "ready", migration: null, error: null, twoStepConfirmed: true }); // "embedded_signup"
 */
export function deriveCurrentStep(inputs: StepInputs): StepId {
  const { migration } = inputs;
  if (migration) {
    const open = migration.steps.find((s) => s.status !== "succeeded" && s.status !== "skipped");
    return open ? stepOfStop(open) : "register_phone";
  }
  if (inputs.state === "submitting") return "capture_assets";
  if (inputs.error?.step) return inputs.error.step;
  if (inputs.state === "in_popup") return "embedded_signup";
  return inputs.twoStepConfirmed ? "embedded_signup" : "two_step_verification";
}

/**
 * The seven steps as the stepper shows them (`data-state`), in {@link STEP_IDS} order. A server
 * stop that belongs to step 1 ({@link stepOfStop}) is shown there, with the record's status and
 * error; the server step it came from reads `pending` (it runs again on retry).
 *
 * @example
 * deriveStepViews(inputs).map((s) => `${s.id}:${s.state}`);
 */
export function deriveStepViews(inputs: StepInputs): StepView[] {
  const current = deriveCurrentStep(inputs);
  const { migration, error } = inputs;
  const moved = migration?.steps.find((s) => stepOfStop(s) !== s.id);
  return STEP_IDS.map((id): StepView => {
    const record =
      moved && id === "two_step_verification" ? moved : migration?.steps.find((s) => s.id === id);
    const waits = moved?.id === id;
    let state: StepViewState;
    if (waits) state = "pending";
    else if (id === "migrate_templates" && migration && templatesAskAction(migration))
      state = "action_required";
    else if (record) state = viewOf(record.status, id === current);
    else if (migration)
      state = (BROWSER_STEP_IDS as readonly StepId[]).includes(id) ? "complete" : "pending";
    else if (error?.step === id) state = "failed";
    else if (id === current) state = "current";
    else state = STEP_IDS.indexOf(id) < STEP_IDS.indexOf(current) ? "complete" : "pending";
    return {
      id,
      state,
      status: record?.status ?? null,
      // Only a stopped step's error is the customer's: a step running again, or one that went on
      // (templates, decision 029), keeps its last error for operators, not for the stepper.
      error:
        !waits && (record?.status === "failed" || record?.status === "action_required")
          ? (record.lastError ?? null)
          : null,
    };
  });
}

// The templates step goes on when copies fail or the limit holds some back (decision 029), so the
// record says succeeded; once the server is done, what is left is the customer's to do ("Copy
// templates now"), and the step says so instead of "Done".
function templatesAskAction({ status, warnings }: Migration): boolean {
  return (
    status !== "running" &&
    (warnings.includes("template_limit_reached") || warnings.includes("template_migration_failed"))
  );
}

// A record over every status: a new status fails the build until it has a view.
const VIEW_OF: Record<StepStatus, StepViewState> = {
  pending: "pending",
  running: "current",
  succeeded: "complete",
  skipped: "complete",
  failed: "failed",
  action_required: "action_required",
};

function viewOf(status: StepStatus, isCurrent: boolean): StepViewState {
  return status === "pending" && isCurrent ? "current" : VIEW_OF[status];
}
