import {
  BROWSER_STEP_IDS,
  type Migration,
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
 * The step the customer should look at: the first server step that is not done, or the browser step
 * they are on before a migration exists.
 *
 * @example
 * deriveCurrentStep({ state: "ready", migration: null, error: null, twoStepConfirmed: true }); // "embedded_signup"
 */
export function deriveCurrentStep(inputs: StepInputs): StepId {
  const { migration } = inputs;
  if (migration) {
    const open = migration.steps.find((s) => s.status !== "succeeded" && s.status !== "skipped");
    return open?.id ?? "register_phone";
  }
  if (inputs.state === "submitting") return "capture_assets";
  if (inputs.error?.step) return inputs.error.step;
  if (inputs.state === "in_popup") return "embedded_signup";
  return inputs.twoStepConfirmed ? "embedded_signup" : "two_step_verification";
}

/**
 * The seven steps as the stepper shows them (`data-state`), in {@link STEP_IDS} order.
 *
 * @example
 * deriveStepViews(inputs).map((s) => `${s.id}:${s.state}`);
 */
export function deriveStepViews(inputs: StepInputs): StepView[] {
  const current = deriveCurrentStep(inputs);
  const { migration, error } = inputs;
  return STEP_IDS.map((id): StepView => {
    const record = migration?.steps.find((s) => s.id === id);
    let state: StepViewState;
    if (record) state = viewOf(record.status, id === current);
    else if (migration) state = BROWSER_STEPS.includes(id) ? "complete" : "pending";
    else if (error?.step === id) state = "failed";
    else if (id === current) state = "current";
    else state = STEP_IDS.indexOf(id) < STEP_IDS.indexOf(current) ? "complete" : "pending";
    return {
      id,
      state,
      status: record?.status ?? null,
      error: record?.lastError ?? null,
    };
  });
}

const BROWSER_STEPS: readonly StepId[] = BROWSER_STEP_IDS;

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
