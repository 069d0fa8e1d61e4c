import { STEP_IDS, type StepId } from "@wa-migrate/contracts/browser";
import type { StepView } from "@wa-migrate/core";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useFlowContext } from "../flow-context.js";
import { formatMessage } from "../messages/messages.js";
import { StepBody } from "./step-body.js";

/**
 * Props of {@link Step}.
 *
 * @example
 * const props: StepProps = { id: "register_phone", children: <p>We register the number with Meta.</p> };
 * <MigrationFlow.Step {...props} />
 */
export interface StepProps {
  id: StepId;
  /** Custom content of the step's body; by default the built-in content for this step. */
  children?: ReactNode;
}

/**
 * One step of the stepper with `data-step` and `data-state`. Its body (instructions, launch button,
 * progress, error, templates report) shows while the step is current, failed or needs action.
 * When the step becomes the current one, or a focused control in it goes away, focus moves to its
 * heading (unless the customer is in a field outside the flow).
 *
 * @example
 * <MigrationFlow.Step id="embedded_signup" />
 */
export function Step({ id, children }: StepProps) {
  const { flow, t, cx } = useFlowContext();
  const { snapshot } = flow;
  const view: StepView = snapshot.steps.find((step) => step.id === id) ?? {
    id,
    state: "pending",
    status: null,
    error: null,
  };
  const isCurrent = snapshot.currentStep === id;
  const templates = id === "migrate_templates" ? snapshot.migration?.templates : undefined;
  const open =
    isCurrent ||
    view.state === "failed" ||
    view.state === "action_required" ||
    // The templates step keeps its report open, and so its note when Meta copies them itself.
    (!!templates && (templates.items.length > 0 || templates.mode === "meta_automatic"));

  // Focus follows the active step, but not on mount (null: not seen yet). A ref, not state, so
  // StrictMode's second effect run sees the value of the first and does not steal focus.
  const heading = useRef<HTMLHeadingElement>(null);
  const wasCurrent = useRef<boolean | null>(null);
  useEffect(() => {
    const active = document.activeElement;
    // Only from inside this flow (`Root` sets `lang`) or from nowhere: never from the partner's page.
    if (
      isCurrent &&
      wasCurrent.current === false &&
      (active === document.body || heading.current?.closest("[lang]")?.contains(active))
    )
      heading.current?.focus();
    wasCurrent.current = isCurrent;
  }, [isCurrent]);
  // A pressed button that goes away (Try again, Copy templates now) would leave focus on the page's
  // body, and a keyboard or screen-reader user at its top: it returns to this step's heading.
  const focused = useRef<Element | null>(null);
  useEffect(() => {
    if (focused.current?.isConnected === false && document.activeElement === document.body)
      heading.current?.focus();
  });

  const number = STEP_IDS.indexOf(id) + 1;
  const titleId = useId();
  return (
    <li
      className={cx("step")}
      data-step={id}
      data-state={view.state}
      aria-current={isCurrent ? "step" : undefined}
      aria-labelledby={titleId}
      onFocus={(event) => {
        focused.current = event.target;
      }}
    >
      <div className={cx("step-header")}>
        <span className={cx("step-marker")} aria-hidden="true">
          {number}
        </span>
        <h3 ref={heading} id={titleId} className={cx("step-title")} tabIndex={-1}>
          <span className={cx("visually-hidden")}>
            {formatMessage(t.stepCounter, { n: number, total: STEP_IDS.length })}:{" "}
          </span>
          {t.steps[id].title}
        </h3>
        <span className={cx("step-state")}>
          {/* Steps 4 to 6 run side by side: one is the current step, the others are in progress. */}
          {view.status === "running" && !isCurrent ? t.progress.running : t.stepStates[view.state]}
        </span>
      </div>
      {open ? (
        <div className={cx("step-body")}>
          {/* "We copy your templates" is not so when Meta copies them: the report's note says how. */}
          {templates?.mode === "meta_automatic" ? null : (
            <p className={cx("step-description")}>{t.steps[id].description}</p>
          )}
          {children ?? <StepBody view={view} />}
        </div>
      ) : null}
    </li>
  );
}
