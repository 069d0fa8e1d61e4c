import { STEP_IDS } from "@wa-migrate/contracts/browser";
import type { ReactNode } from "react";
import { useFlowContext } from "../flow-context.js";
import { Step } from "./step.js";

/**
 * Props of {@link Steps}.
 *
 * @example
 * <MigrationFlow.Steps>
 *   <MigrationFlow.Step id="embedded_signup" />
 *   <MigrationFlow.Step id="register_phone" />
 * </MigrationFlow.Steps>
 */
export interface StepsProps {
  /** Custom steps; by default all seven `Step`s in order. */
  children?: ReactNode;
}

/**
 * The stepper: an ordered list of the seven steps.
 *
 * @example
 * <MigrationFlow.Steps />
 */
export function Steps({ children }: StepsProps) {
  const { t, cx } = useFlowContext();
  return (
    <ol className={cx("steps")} aria-label={t.stepsLabel}>
      {children ?? STEP_IDS.map((id) => <Step key={id} id={id} />)}
    </ol>
  );
}
