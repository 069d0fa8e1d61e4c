import { STEP_IDS } from "@wa-migrate/contracts/browser";
import { useFlowContext } from "../flow-context.js";
import { formatMessage } from "../messages/messages.js";

/**
 * The polite live region: says where the flow stands and which step is current, so screen reader
 * users hear progress without moving focus. It stays in the DOM so changes are announced.
 *
 * @example
 * <MigrationFlow.Status />
 */
export function Status() {
  const { flow, t, cx } = useFlowContext();
  const { state, currentStep } = flow.snapshot;
  const n = STEP_IDS.indexOf(currentStep) + 1;
  return (
    <p className={cx("status")} role="status" aria-live="polite" data-state={state}>
      {t.flowStates[state]}{" "}
      <span className={cx("status-step")}>
        {formatMessage(t.stepCounter, { n, total: STEP_IDS.length })}: {t.steps[currentStep].title}
      </span>
    </p>
  );
}
