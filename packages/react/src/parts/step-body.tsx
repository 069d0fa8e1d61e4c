import type { StepView } from "@wa-migrate/core";
import { useFlowContext } from "../flow-context.js";
import { Progress } from "./progress.js";
import { Requirements } from "./requirements.js";
import { StepError } from "./step-error.js";
import { TemplatesReport } from "./templates-report.js";
import { Trigger } from "./trigger.js";
import { TwoStepInstructions } from "./two-step-instructions.js";

/**
 * The built-in content of one step, chosen by its id.
 *
 * @example
 * <StepBody view={snapshot.steps[0]} />
 */
export function StepBody({ view }: { view: StepView }) {
  const { snapshot } = useFlowContext().flow;
  const { id } = view;
  switch (id) {
    case "two_step_verification":
      return (
        <>
          <StepError step={id} />
          <TwoStepInstructions />
          {/* "Before you start": not once the move has started and stopped back here. */}
          {snapshot.migration ? null : <Requirements />}
        </>
      );
    case "embedded_signup":
      return (
        <>
          <StepError step={id} />
          <Trigger />
        </>
      );
    case "capture_assets":
    case "share_credit_line":
    case "subscribe_webhooks":
    case "register_phone":
      return (
        <>
          <Progress view={view} />
          <StepError step={id} />
        </>
      );
    case "migrate_templates":
      return (
        <>
          <Progress view={view} />
          {snapshot.migration ? <TemplatesReport /> : null}
          {/* Below the report: next to its copy button, whose failure it shows. */}
          <StepError step={id} />
        </>
      );
    default:
      return id satisfies never;
  }
}
