import { deriveCurrentStep, deriveStepViews } from "./derive-step-views.js";
import type { FlowEvent, FlowSnapshot, FlowState } from "./flow-types.js";

type Fields = Omit<FlowSnapshot, "steps" | "currentStep">;
type Handler = (event: FlowEvent) => void;

/**
 * The flow's state container: immutable snapshots (a new object per change), `subscribe` for
 * `useSyncExternalStore`, and the typed event stream, which it feeds with `state`, `step` and
 * `error` events derived from each change.
 *
 * @example
 * const store = createFlowStore();
 * store.subscribe(() => console.log(store.getSnapshot().state));
 * store.set({ state: "ready" });
 */
export function createFlowStore() {
  const listeners = new Set<() => void>();
  const handlers = new Set<Handler>();
  let snapshot = build({
    state: "idle",
    migration: null,
    error: null,
    twoStepConfirmed: false,
  });

  const emit = (event: FlowEvent) => {
    for (const handler of handlers) handler(event);
  };

  return {
    getSnapshot: (): FlowSnapshot => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    listen(handler: Handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    emit,
    set(patch: Partial<Fields>) {
      const previous = snapshot;
      snapshot = build({ ...previous, ...patch });
      if (snapshot.state !== previous.state) emit({ type: "state", state: snapshot.state });
      snapshot.steps.forEach((step, i) => {
        if (step.state !== previous.steps[i]?.state) {
          emit({ type: "step", step: step.id, state: step.state });
        }
      });
      // The same error in a later record of the same migration is not news.
      const { error } = snapshot;
      if (error && (error.code !== previous.error?.code || error.step !== previous.error?.step)) {
        emit({ type: "error", error });
      }
      for (const listener of listeners) listener();
    },
    clear() {
      listeners.clear();
      handlers.clear();
    },
  };
}

function build(fields: Fields): FlowSnapshot {
  return Object.freeze({
    ...fields,
    steps: deriveStepViews(fields),
    currentStep: deriveCurrentStep(fields),
  });
}

/** The states after which the customer can start Embedded Signup again. */
export const LAUNCHABLE: readonly FlowState[] = ["ready", "cancelled", "failed"];
