import type { ReactNode } from "react";
import { useFlowContext } from "../flow-context.js";

/**
 * The flow's heading (`<h2>`), by default the catalogue's title.
 *
 * @example
 * <MigrationFlow.Title>Move your number to Acme</MigrationFlow.Title>
 */
export function Title({ children }: { children?: ReactNode }) {
  const { t, cx } = useFlowContext();
  return <h2 className={cx("title")}>{children ?? t.title}</h2>;
}
