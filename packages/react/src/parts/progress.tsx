import type { StepView } from "@wa-migrate/core";
import { useFlowContext } from "../flow-context.js";

/**
 * A server step's live status while it is open (waiting, in progress), with a spinner while it runs.
 * Announcements go through `Status`'s live region, so this line itself is not live.
 *
 * @example
 * <Progress view={snapshot.steps[4]} />
 */
export function Progress({ view }: { view: StepView }) {
  const { t, cx } = useFlowContext();
  // Only while the step is open: once it ended, its heading and its notice say how ("Done" twice,
  // or "Failed" above the error, would say nothing new).
  if (view.status !== "pending" && view.status !== "running") return null;
  return (
    <p className={cx("progress")} data-status={view.status}>
      {view.status === "running" ? <span className={cx("spinner")} aria-hidden="true" /> : null}
      {t.progress[view.status]}
    </p>
  );
}
