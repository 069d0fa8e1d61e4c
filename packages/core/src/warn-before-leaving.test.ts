import { expect, test } from "vitest";
import type { FlowEvent } from "./flow-types.js";
import { warnBeforeLeaving } from "./warn-before-leaving.js";

function leave() {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

test.each([
  ["idle", false],
  ["ready", false],
  ["in_popup", true],
  ["submitting", true],
  ["running", false],
  ["cancelled", false],
] as const)("in state %s the browser asks before leaving: %s", (state, asks) => {
  let handler: (event: FlowEvent) => void = () => {};
  const stop = warnBeforeLeaving((h) => {
    handler = h;
    return () => {};
  }, window);
  handler({ type: "state", state: "in_popup" });
  handler({ type: "state", state });
  expect(leave()).toBe(asks);
  stop();
  expect(leave()).toBe(false);
});
