import type {
  Migration,
  MigrationError,
  MigrationErrorCode,
  StepId,
  StepStatus,
} from "@wa-migrate/contracts";

/**
 * The finite states of the browser flow, shown in the DOM as `data-state`.
 * - `idle`: mounted, nothing loaded yet; `preparing`: loading Meta's SDK;
 * - `ready`: the customer can launch Embedded Signup; `in_popup`: the popup is open;
 * - `submitting`: the code is on its way to the BFF; `running`: server steps run;
 * - `action_required` / `failed` / `completed`: where the migration stopped;
 * - `cancelled`: the customer left the popup (or it was blocked/closed) and can start again.
 *
 * @example
 * const label = flow.getSnapshot().state === "running" ? "Working…" : "";
 */
export type FlowState =
  | "idle"
  | "preparing"
  | "ready"
  | "in_popup"
  | "submitting"
  | "running"
  | "action_required"
  | "failed"
  | "completed"
  | "cancelled";

/**
 * How one of the seven steps is shown: the stepper's `data-state` per step.
 *
 * @example
 * flow.getSnapshot().steps.filter((s) => s.state === "failed");
 */
export type StepViewState = "pending" | "current" | "complete" | "failed" | "action_required";

/**
 * One step as the UI renders it, derived from the flow state and the migration record.
 *
 * @example
 * const view: StepView = { id: "register_phone", state: "action_required", status: "action_required", error };
 */
export interface StepView {
  id: StepId;
  state: StepViewState;
  /**
   * The server's status for server steps; null for browser steps, except step 1 when a server stop
   * belongs to it (`two_step_enabled`): then the stopped step's status, and `error` its error.
   */
  status: StepStatus | null;
  /** The error of a `failed` or `action_required` step; null in every other state. */
  error: MigrationError | null;
}

/**
 * A browser-side error: a code from the one vocabulary, with what the UI needs to explain it.
 * Customer-facing text comes from the UI's catalogues by `code`; `detail` is Meta's own wording
 * (for example an Embedded Signup error message) when there is one.
 *
 * @example
 * const error: FlowError = { code: "signup_cancelled", step: "embedded_signup", esStep: "PERMISSIONS", retryable: true };
 */
export interface FlowError {
  code: MigrationErrorCode;
  step: StepId | null;
  detail?: string;
  /**
   * The Embedded Signup screen where the customer stopped, for `signup_cancelled`: one of
   * `ES_STEPS`, or a screen Meta added since, as Meta named it.
   */
  esStep?: string;
  retryable: boolean;
  /** For support: Meta's fbtrace_id, else the BFF's request id (`X-Request-Id`). */
  reference?: string;
}

/**
 * Everything the UI reads, as one immutable snapshot (new object on every change, so
 * `useSyncExternalStore` can compare by identity).
 *
 * @example
 * const { state, currentStep, error } = flow.getSnapshot();
 */
export interface FlowSnapshot {
  state: FlowState;
  steps: StepView[];
  /** The step the customer should look at now. */
  currentStep: StepId;
  migration: Migration | null;
  error: FlowError | null;
  /** The customer confirmed that two-step verification is off (step 1). */
  twoStepConfirmed: boolean;
}

/**
 * Events of the typed event stream (`flow.on(type, handler)`), for analytics and callbacks.
 *
 * @example
 * flow.on("exit", ({ step, reason }) => analytics.track("signup_exit", { step, reason }));
 */
export type FlowEvent =
  | { type: "state"; state: FlowState }
  | { type: "step"; step: StepId; state: StepViewState }
  | { type: "signup_message"; event: string; esStep?: string }
  | { type: "code_received" }
  | { type: "submitted"; migrationId: string }
  | { type: "migration"; migration: Migration }
  | { type: "error"; error: FlowError }
  | { type: "complete"; migration: Migration }
  | { type: "exit"; step: StepId; reason: MigrationErrorCode };

/**
 * The controller `createMigrationFlow(options)` returns. Framework adapters only need
 * `subscribe` + `getSnapshot` (the `useSyncExternalStore` contract) and the actions.
 *
 * @example
 * const flow = createMigrationFlow({ appId, configId, client });
 * const off = flow.subscribe(() => render(flow.getSnapshot()));
 * button.onclick = () => flow.launch(); // synchronous: FB.login runs inside the click
 */
export interface MigrationFlowController {
  subscribe(listener: () => void): () => void;
  getSnapshot(): FlowSnapshot;
  on<T extends FlowEvent["type"]>(
    type: T,
    handler: (event: Extract<FlowEvent, { type: T }>) => void,
  ): () => void;
  /** Loads Meta's SDK ahead of the click (called on mount). */
  prepare(): Promise<void>;
  /** Step 1: the customer says two-step verification is off. */
  confirmTwoStep(): void;
  /** Opens Embedded Signup. Must be called synchronously inside the user's click. */
  launch(): void;
  /**
   * The fallback when the popup is blocked or never answers: continues in this window through
   * Meta's Login dialog (full-page redirect; the flow picks the code up from `?code=&state=` on
   * return, in `prepare()`).
   * Returns false, doing nothing, when {@link canRedirectToLogin} is false.
   */
  redirectToLogin(): boolean;
  /**
   * Whether the full-page fallback can work here: a `redirectUri` is configured and the storage
   * keeps the Login dialog's `state` across the trip (not with `storage: null`, nor where the
   * browser blocks storage), so the answer can be checked when the customer comes back.
   */
  canRedirectToLogin(): boolean;
  /** Re-runs failed or action-required server steps. */
  retry(): Promise<void>;
  /** Copies templates by hand (all eligible, or these ids). */
  migrateTemplates(templateIds?: string[]): Promise<void>;
  /** Continues a migration the server already has (after a reload). */
  resume(migrationId: string): Promise<void>;
  /** Back to `ready` after a cancel or a browser-side error. */
  reset(): void;
  /** Stops listeners, timers and streams; every later call does nothing (no popup, no request). */
  destroy(): void;
}
