import type { FlowEvent } from "./flow-types.js";

/**
 * Makes the browser ask before the page is left while Meta's window is open or the code is on its
 * way to the BFF: leaving then loses the popup's code or the create's answer (a reload while
 * submitting sends it again, decision 026, but the customer should not have to wonder). Returns
 * the clean-up.
 *
 * @example
 * const stop = warnBeforeLeaving(store.listen, window);
 * stop(); // on destroy
 */
export function warnBeforeLeaving(
  listen: (handler: (event: FlowEvent) => void) => () => void,
  win: Window | undefined,
): () => void {
  const warn = (event: Event) => event.preventDefault();
  listen((event) => {
    if (event.type === "state")
      win?.[
        event.state === "in_popup" || event.state === "submitting"
          ? "addEventListener"
          : "removeEventListener"
      ]("beforeunload", warn);
  });
  return () => win?.removeEventListener("beforeunload", warn);
}
