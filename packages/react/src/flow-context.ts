import { createContext, useContext } from "react";
import type { MigrationFlowHandle } from "./flow-handle.js";
import type { Locale, Messages } from "./messages/messages.js";

/**
 * What `Root` hands to every part below it.
 *
 * @example
 * const { flow, t, locale, cx }: FlowContextValue = useFlowContext();
 */
export interface FlowContextValue {
  flow: MigrationFlowHandle;
  t: Messages;
  locale: Locale;
  /** The prefixed class name, or nothing in `unstyled` mode. */
  cx: (name: string) => string | undefined;
}

/** @internal The context `Root` provides. */
export const FlowContext = createContext<FlowContextValue | null>(null);

/**
 * Reads the flow from the nearest `MigrationFlow.Root`, for custom parts.
 *
 * @example
 * function MyBadge() { const { flow, t } = useFlowContext(); return <b>{t.flowStates[flow.snapshot.state]}</b>; }
 */
export function useFlowContext(): FlowContextValue {
  const value = useContext(FlowContext);
  if (!value) {
    throw new Error(
      "wa-migrate: MigrationFlow parts must be rendered inside <MigrationFlow.Root>.",
    );
  }
  return value;
}
