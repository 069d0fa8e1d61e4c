import type { StepView } from "@wa-migrate/core";
import { useFlowContext } from "../flow-context.js";

/**
 * A server step's live status (waiting, in progress, done…), with a spinner while it runs.
 * Announcements go through `Status`'s live region, so this line itself is not live.
 *
 * @example
 * <Progress view={snapshot.steps[4]} />
 */
export function Progress({ view }: { view: StepView }) {
  const { t, cx } = useFlowContext();
  if (!view.status) return null;
  return (
    <p className={cx("progress")} data-status={view.status}>
      {view.status === "running" ? <span className={cx("spinner")} aria-hidden="true" /> : null}
      {t.progress[view.status]}
    </p>
  );
}
