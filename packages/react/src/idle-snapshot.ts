import {
  deriveCurrentStep,
  deriveStepViews,
  type FlowSnapshot,
  type StepInputs,
} from "@wa-migrate/core";

const IDLE: StepInputs = { state: "idle", migration: null, error: null, twoStepConfirmed: false };

/**
 * The snapshot shown before the controller exists: on the server, and in the first client render
 * (so hydration matches). Derived by core exactly as a new controller's first snapshot is, so the
 * two cannot drift: step 1 is current, nothing has run.
 *
 * @example
 * renderToString(<MigrationFlow.Root flow={{ snapshot: IDLE_SNAPSHOT, ...noop }} />);
 */
export const IDLE_SNAPSHOT: FlowSnapshot = Object.freeze({
  ...IDLE,
  steps: deriveStepViews(IDLE),
  currentStep: deriveCurrentStep(IDLE),
});
