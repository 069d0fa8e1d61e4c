import { BROWSER_STEP_IDS, type StepId } from "@wa-migrate/contracts/browser";
import type { FlowSnapshot } from "@wa-migrate/core";
import { type ButtonHTMLAttributes, useId } from "react";
import { useFlowContext } from "../flow-context.js";

/**
 * Props of {@link Trigger}: a button's props; `children` replaces the label.
 *
 * @example
 * const props: TriggerProps = { className: "btn-primary", children: "Connect WhatsApp" };
 * <MigrationFlow.Trigger {...props} />
 */
export type TriggerProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "onClick">;

/**
 * Whether Embedded Signup can be launched now: after step 1 is confirmed, when the flow is ready,
 * or after a cancel or a browser-side failure (before any migration exists).
 *
 * @example
 * canLaunch(flow.snapshot); // true
 */
export function canLaunch(snapshot: FlowSnapshot): boolean {
  const { state, error } = snapshot;
  if (!snapshot.twoStepConfirmed || snapshot.migration !== null) return false;
  if (state === "ready" || state === "cancelled") return true;
  // After a failed SDK load only a retry (which reloads it) helps.
  return (
    state === "failed" &&
    error?.code !== "sdk_load_error" &&
    (error?.step == null || (BROWSER_STEP_IDS as readonly StepId[]).includes(error.step))
  );
}

/**
 * The launch button. Its click handler calls `launch()` synchronously (no `await` before it), so
 * the browser lets Meta's popup open.
 *
 * @example
 * <MigrationFlow.Trigger>Connect WhatsApp</MigrationFlow.Trigger>
 */
export function Trigger({ children, className, disabled, ...rest }: TriggerProps) {
  const { flow, t, cx } = useFlowContext();
  const { snapshot } = flow;
  const enabled = canLaunch(snapshot) && !disabled;
  const busy = snapshot.state === "idle" || snapshot.state === "preparing";
  const label =
    snapshot.state === "in_popup"
      ? t.launch.inPopup
      : busy
        ? t.launch.loading
        : snapshot.state === "cancelled" || snapshot.state === "failed"
          ? t.launch.again
          : t.launch.start;
  const hintId = useId();
  // While Meta's window is open the button only looks disabled: a disabled button loses focus, and
  // the customer who closes the window would come back to a page with focus nowhere.
  const inPopup = snapshot.state === "in_popup";
  return (
    <div className={cx("trigger")}>
      <button
        {...rest}
        type="button"
        className={[cx("button"), className].filter(Boolean).join(" ") || undefined}
        disabled={!enabled && !inPopup}
        aria-disabled={inPopup || undefined}
        aria-busy={busy || undefined}
        aria-describedby={snapshot.twoStepConfirmed ? undefined : hintId}
        onClick={() => enabled && flow.launch()}
      >
        {children ?? label}
      </button>
      {snapshot.twoStepConfirmed ? null : (
        <p id={hintId} className={cx("hint")}>
          {t.launch.confirmFirst}
        </p>
      )}
    </div>
  );
}
