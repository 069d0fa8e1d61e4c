import type { FlowSnapshot } from "@wa-migrate/core";

/**
 * What the view parts read and call: the controller's snapshot plus its actions. `useMigrationFlow`
 * returns one; stories and tests can build one from a fixture snapshot.
 *
 * @example
 * const flow = useMigrationFlow({ appId, configId, bffUrl: "/wa" });
 * flow.snapshot.state; // "ready"
 * <button onClick={flow.launch}>Start</button>
 */
export interface MigrationFlowHandle {
  snapshot: FlowSnapshot;
  /** Step 1: the customer says two-step verification is off. */
  confirmTwoStep(): void;
  /** Opens Embedded Signup; call it synchronously inside a click. */
  launch(): void;
  /** Re-runs failed or action-required server steps. */
  retry(): void;
  /** Copies templates by hand (all eligible, or these ids); resolves when the request ended. */
  migrateTemplates(templateIds?: string[]): Promise<void> | void;
  /** Back to `ready` after a cancel or a browser-side error. */
  reset(): void;
  /**
   * The fallback when the browser blocks the popup or it never answers: continues in this window
   * through Meta's Login dialog. Present only when the flow was given a `redirectUri`.
   */
  redirectToLogin?: (() => void) | undefined;
}
