import type { Migration, MigrationErrorCode, StepId } from "@wa-migrate/contracts";
import {
  createMigrationFlow,
  type FlowError,
  type FlowEvent,
  type MigrationFlowController,
  type MigrationFlowOptions,
  type StepViewState,
} from "@wa-migrate/core";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { configKey } from "./config-key.js";
import type { MigrationFlowHandle } from "./flow-handle.js";
import { IDLE_SNAPSHOT } from "./idle-snapshot.js";

/**
 * The callbacks of {@link useMigrationFlow}; held in a ref, so new functions never restart the flow.
 *
 * @example
 * const callbacks: MigrationFlowCallbacks = {
 *   onComplete: (migration) => track("migrated", migration.id),
 *   onExit: ({ step, reason }) => track("left", step, reason),
 * };
 * useMigrationFlow({ appId, configId, bffUrl: "/wa", ...callbacks });
 */
export interface MigrationFlowCallbacks {
  onStepChange?: (step: StepId, state: StepViewState) => void;
  onComplete?: (migration: Migration) => void;
  onExit?: (exit: { step: StepId; reason: MigrationErrorCode }) => void;
  onError?: (error: FlowError) => void;
  /** Every event of the controller's typed stream, for analytics. */
  onEvent?: (event: FlowEvent) => void;
}

/**
 * Options of {@link useMigrationFlow}: the controller's options (`appId`, `configId`, `bffUrl` or
 * `client`, `graphVersion`, `sdkUrl`, `allowedOrigins`, `signupExtras`, `resume` with `storage` and
 * `storageKey`, an injected `sdk`…) plus the callbacks.
 *
 * @example
 * const options: UseMigrationFlowOptions = { appId: "123", configId: "456", bffUrl: "/wa", onError: (e) => console.warn(e.code) };
 * const flow = useMigrationFlow(options);
 */
export interface UseMigrationFlowOptions extends MigrationFlowOptions, MigrationFlowCallbacks {}

/**
 * What {@link useMigrationFlow} returns: the view handle plus the controller itself.
 *
 * @example
 * const { snapshot, launch, controller }: UseMigrationFlowResult = useMigrationFlow(options);
 * controller?.on("submitted", ({ migrationId }) => track("submitted", migrationId));
 */
export interface UseMigrationFlowResult extends MigrationFlowHandle {
  /** The core controller; null during server rendering and before the first effect. */
  controller: MigrationFlowController | null;
}

const EVENT_TYPES = Object.keys({
  state: 1,
  step: 1,
  signup_message: 1,
  code_received: 1,
  submitted: 1,
  migration: 1,
  error: 1,
  complete: 1,
  exit: 1,
} satisfies Record<FlowEvent["type"], 1>) as FlowEvent["type"][];

const noop = () => {};
const idleSnapshot = () => IDLE_SNAPSHOT;

/**
 * The headless hook: creates the core controller after mount (so server rendering and hydration
 * see the idle snapshot and nothing touches `window` on the server), preloads Meta's SDK and resumes
 * a kept migration (`prepare`), and re-renders through `useSyncExternalStore`. The controller is recreated only
 * when a configuration value changes: data by value, so inline literals are fine; the callbacks and
 * `now` are read through refs; `client`, `sdk`, `storage` and `window` by identity, so create them
 * once (module scope or `useMemo`), not inline. Under StrictMode the first controller is destroyed
 * before the second exists, so no listener leaks.
 *
 * @example
 * const flow = useMigrationFlow({ appId: "123", configId: "456", bffUrl: "/wa", onComplete: track });
 * return <button onClick={flow.launch} disabled={flow.snapshot.state !== "ready"}>Start</button>;
 */
export function useMigrationFlow(options: UseMigrationFlowOptions): UseMigrationFlowResult {
  const { onStepChange, onComplete, onExit, onError, onEvent, ...config } = options;

  const callbacks = useRef<MigrationFlowCallbacks>({});
  useEffect(() => {
    callbacks.current = { onStepChange, onComplete, onExit, onError, onEvent };
  });

  // The effect reads the latest configuration through a ref and restarts only when its key changes.
  const latest = useRef(config);
  latest.current = config;
  // A clock is behaviour, not configuration: an inline `now` is called through the ref, so a new
  // function each render neither restarts the flow nor loops (each restart renders again).
  const hasClock = Boolean(config.now);
  const key = configKey({ ...config, now: hasClock });

  const [controller, setController] = useState<MigrationFlowController | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the configuration.
  useEffect(() => {
    const flow = createMigrationFlow({
      ...latest.current,
      now: hasClock ? () => (latest.current.now ?? Date.now)() : undefined,
    });
    const offs = EVENT_TYPES.map((type) =>
      flow.on(type, (event: FlowEvent) => {
        const cb = callbacks.current;
        cb.onEvent?.(event);
        switch (event.type) {
          case "step":
            return cb.onStepChange?.(event.step, event.state);
          case "complete":
            return cb.onComplete?.(event.migration);
          case "exit":
            return cb.onExit?.({ step: event.step, reason: event.reason });
          case "error":
            return cb.onError?.(event.error);
          default:
            return;
        }
      }),
    );
    setController(flow);
    // Preloads the SDK and resumes a kept migration. Failures land in the snapshot (and onError);
    // the promise only says when the work ended.
    flow.prepare().catch(() => {});
    return () => {
      for (const off of offs) off();
      flow.destroy();
    };
  }, [key]);

  const subscribe = useCallback(
    (listener: () => void) => controller?.subscribe(listener) ?? noop,
    [controller],
  );
  const getSnapshot = useCallback(() => controller?.getSnapshot() ?? IDLE_SNAPSHOT, [controller]);
  // Asked of the controller: a fallback whose answer could not be checked on return is not offered.
  const canRedirect = useMemo(() => controller?.canRedirectToLogin() ?? false, [controller]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, idleSnapshot);

  return useMemo<UseMigrationFlowResult>(
    () => ({
      snapshot,
      controller,
      confirmTwoStep: () => controller?.confirmTwoStep(),
      // Synchronous on purpose: FB.login must run inside the click that called this.
      launch: () => controller?.launch(),
      retry: () => void controller?.retry().catch(() => {}),
      // Failures land in the snapshot; the promise only says when the copy ended (a busy button).
      migrateTemplates: async (ids?: string[]) => controller?.migrateTemplates(ids).catch(() => {}),
      reset: () => controller?.reset(),
      redirectToLogin: canRedirect ? () => void controller?.redirectToLogin() : undefined,
    }),
    [snapshot, controller, canRedirect],
  );
}
