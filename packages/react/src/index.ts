"use client";
/**
 * @wa-migrate/react: `useMigrationFlow` and `<MigrationFlow>` (with compound parts), en + de,
 * themable through `@wa-migrate/react/styles.css`, accessible.
 *
 * @example
 * import { MigrationFlow } from "@wa-migrate/react";
 * import "@wa-migrate/react/styles.css";
 * <MigrationFlow appId="123" configId="456" bffUrl="/wa" />
 */
export { type FlowContextValue, useFlowContext } from "./flow-context.js";
export type { MigrationFlowHandle } from "./flow-handle.js";
export { IDLE_SNAPSHOT } from "./idle-snapshot.js";
export { de } from "./messages/de.js";
export { en } from "./messages/en.js";
export {
  formatMessage,
  type Locale,
  type MessageOverrides,
  type Messages,
} from "./messages/messages.js";
export { resolveMessages } from "./messages/resolve-messages.js";
export { MigrationFlow, type MigrationFlowProps } from "./migration-flow.js";
export type { ErrorNoticeProps } from "./parts/error-notice.js";
export type { RootProps } from "./parts/root.js";
export type { StepProps } from "./parts/step.js";
export type { StepsProps } from "./parts/steps.js";
export { canLaunch, type TriggerProps } from "./parts/trigger.js";
export {
  type MigrationFlowCallbacks,
  type UseMigrationFlowOptions,
  type UseMigrationFlowResult,
  useMigrationFlow,
} from "./use-migration-flow.js";
