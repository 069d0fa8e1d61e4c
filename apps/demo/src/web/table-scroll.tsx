import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways inside the page on a phone instead of widening the
 * page, and takes keyboard focus so it can be scrolled without a pointer (axe's
 * scrollable-region-focusable). No landmark: the panel around it already is one.
 *
 * @example
 * <TableScroll><table className="demo-table" aria-label="Graph calls">…</table></TableScroll>
 */
export function TableScroll(props: { children: ReactNode }) {
  return (
    <div
      className="demo-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus.
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}
