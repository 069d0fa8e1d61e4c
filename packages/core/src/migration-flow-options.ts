import type { BffClient } from "./bff-client.js";
import type { SignupExtras } from "./build-login-options.js";
import type { FacebookSdk } from "./facebook-sdk.js";
import type { FlowStorage } from "./flow-storage.js";
import type { MigrationFlowController } from "./flow-types.js";

/**
 * Options of `createMigrationFlow`.
 *
 * @example
 * const options: MigrationFlowOptions = { appId: "1234", configId: "5678", bffUrl: "/wa", allowedOrigins: ["http://127.0.0.1:4010"] };
 */
export interface MigrationFlowOptions {
  /** Meta app id (`FB.init`). */
  appId: string;
  /** Login for Business configuration id (`FB.login` `config_id`). */
  configId: string;
  /** The BFF client; or give `bffUrl` and one is created. */
  client?: BffClient;
  bffUrl?: string;
  /** Graph version for `FB.init` (default the contracts' `GRAPH_VERSION`). */
  graphVersion?: string;
  /** Script URL of Meta's SDK (the sandbox serves `/sdk.js`, `/en_US/sdk.js`, `/de_DE/sdk.js`). */
  sdkUrl?: string;
  /** An SDK object to use instead of loading one (tests, stories, pages that load it themselves). */
  sdk?: FacebookSdk;
  /** CSP nonce for the SDK's script tag. */
  nonce?: string;
  sdkTimeoutMs?: number;
  /** Exact origins allowed to post Embedded Signup messages (default: https facebook.com and subdomains). */
  allowedOrigins?: readonly string[];
  /** Embedded Signup version, pre-fill and features (default v4, `extras: {setup: {}}`). */
  signupExtras?: SignupExtras;
  /** The WABA the number lives in now, when the partner knows it (helps template copying). */
  sourceWabaId?: string;
  /** A migration id to continue, or whether to continue the one in storage (default true). */
  resume?: string | boolean;
  /**
   * Where the migration id is kept, and a code on its way to the BFF until it answers (decision 026;
   * default `sessionStorage`; `null` keeps nothing).
   */
  storage?: FlowStorage | null;
  storageKey?: string;
  /** The window for the SDK and messages (default the global one). */
  window?: Window;
  /** A code-less callback sooner than this after launch counts as a blocked popup (default 1000). */
  popupBlockedMs?: number;
  /** How long a code waits for its FINISH message before it is sent alone (default 3000). */
  pairTimeoutMs?: number;
  /** How long a FINISH message waits for its code before the signup counts as incomplete (default 20000). */
  finishWaitMs?: number;
  /**
   * With no answer at all from Meta's window for this long (no callback, no message), the customer
   * is offered a new start and the full-page fallback (`popup_no_response`; default 180000). A
   * later answer from the window still counts until the customer starts again.
   */
  stallMs?: number;
  now?: () => number;
  /**
   * Enables the full-page fallback for blocked popups ({@link MigrationFlowController.redirectToLogin}):
   * the address Meta's Login dialog returns to, usually the page the flow is on. Meta's Strict
   * Mode matches the whole address, so list it exactly in the app's Valid OAuth Redirect URIs
   * (query included). The one used is kept and sent to the BFF with the code.
   */
  redirectUri?: string;
  /** Host of the Login dialog (default `https://www.facebook.com`; the sandbox serves its own). */
  dialogBaseUrl?: string;
}
