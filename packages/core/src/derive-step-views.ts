import {
  BROWSER_STEP_IDS,
  type Migration,
  type MigrationErrorCode,
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
 * server found the PIN still on, at capture or at registration) proves the customer's step-1
 * confirmation wrong: the action is on step 1, where the request text for the old partner is.
 * Every other stop stays on its own step.
 *
 * @example
 * stepOfStop("capture_assets", "two_step_enabled"); // "two_step_verification"
 * stepOfStop("register_phone", "pin_mismatch"); // "register_phone"
 */
export function stepOfStop(step: StepId, code: MigrationErrorCode | null | undefined): StepId {
  return code === "two_step_enabled" ? "two_step_verification" : step;
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
    if (!open) return "register_phone";
    return isStop(open) ? stepOfStop(open.id, open.lastError?.code) : open.id;
  }
  if (inputs.state === "submitting") return "capture_assets";
  if (inputs.error?.step) return inputs.error.step;
  if (inputs.state === "in_popup") return "embedded_signup";
  return inputs.twoStepConfirmed ? "embedded_signup" : "two_step_verification";
}

/**
 * The seven steps as the stepper shows them (`data-state`), in {@link STEP_IDS} order. A server
 * stop that belongs to another step ({@link stepOfStop}) is shown there, with the record's status
 * and error; the server step it came from reads `pending` (it runs again on retry).
 *
 * @example
 * deriveStepViews(inputs).map((s) => `${s.id}:${s.state}`);
 */
export function deriveStepViews(inputs: StepInputs): StepView[] {
  const current = deriveCurrentStep(inputs);
  const { migration, error } = inputs;
  const moved = migration?.steps.find(
    (s) => isStop(s) && stepOfStop(s.id, s.lastError?.code) !== s.id,
  );
  return STEP_IDS.map((id): StepView => {
    if (moved && stepOfStop(moved.id, moved.lastError?.code) === id) {
      return {
        id,
        state: viewOf(moved.status, true),
        status: moved.status,
        error: moved.lastError ?? null,
      };
    }
    const record = migration?.steps.find((s) => s.id === id);
    let state: StepViewState;
    if (record === moved && record) state = "pending";
    else if (record) state = viewOf(record.status, id === current);
    else if (migration) state = BROWSER_STEPS.includes(id) ? "complete" : "pending";
    else if (error?.step === id) state = "failed";
    else if (id === current) state = "current";
    else state = STEP_IDS.indexOf(id) < STEP_IDS.indexOf(current) ? "complete" : "pending";
    return {
      id,
      state,
      status: record?.status ?? null,
      error: record && record !== moved ? (record.lastError ?? null) : null,
    };
  });
}

const BROWSER_STEPS: readonly StepId[] = BROWSER_STEP_IDS;

/** A step where the migration stopped with an error (failed or waiting on someone's action). */
function isStop(step: MigrationStep): boolean {
  return (step.status === "failed" || step.status === "action_required") && !!step.lastError;
}

function viewOf(status: StepStatus, isCurrent: boolean): StepViewState {
  switch (status) {
    case "pending":
      return isCurrent ? "current" : "pending";
    case "running":
      return "current";
    case "succeeded":
    case "skipped":
      return "complete";
    case "failed":
      return "failed";
    case "action_required":
      return "action_required";
    default:
      return status satisfies never;
  }
}
