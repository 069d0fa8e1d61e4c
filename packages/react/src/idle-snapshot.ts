import { STEP_IDS } from "@wa-migrate/contracts/browser";
import type { FlowSnapshot } from "@wa-migrate/core";

/**
 * The snapshot shown before the controller exists: on the server, and in the first client render
 * (so hydration matches). Step 1 is current, nothing has run.
 *
 * @example
 * renderToString(<MigrationFlow.Root flow={{ snapshot: IDLE_SNAPSHOT, ...noop }} />);
 */
export const IDLE_SNAPSHOT: FlowSnapshot = Object.freeze({
  state: "idle",
  steps: STEP_IDS.map((id, index) => ({
    id,
    state: index === 0 ? "current" : "pending",
    status: null,
    error: null,
  })),
  currentStep: STEP_IDS[0],
  migration: null,
  error: null,
  twoStepConfirmed: false,
}) as FlowSnapshot;
