import { GRAPH_VERSION } from "@wa-migrate/contracts/browser";
import type { SignupExtras } from "./build-login-options.js";
import { buildLoginOptions } from "./build-login-options.js";

/**
 * Options of {@link buildLoginDialogUrl}.
 *
 * @example
 * // An address listed exactly in the app's Valid OAuth Redirect URIs (Meta's Strict Mode).
 * const options: LoginDialogUrlOptions = { appId: "1234", configId: "5678", redirectUri: "https://portal.example/onboarding", state: crypto.randomUUID() };
 */
export interface LoginDialogUrlOptions {
  appId: string;
  configId: string;
  /**
   * Where Meta sends the customer back: listed exactly in the app's Valid OAuth Redirect URIs
   * (Meta's Strict Mode matches the whole address), so prefer a fixed address to the page's own.
   */
  redirectUri: string;
  /** An unguessable value checked on return (CSRF). */
  state: string;
  graphVersion?: string;
  signupExtras?: SignupExtras;
  /** Host of the Login dialog (default `https://www.facebook.com`; the sandbox serves its own). */
  dialogBaseUrl?: string;
}

/**
 * The full-page fallback when the browser blocks Embedded Signup's popup: the Login dialog URL
 * with the same Login for Business configuration, as Facebook Login for Business documents for
 * manually built flows (`config_id`, `response_type=code`, `override_default_response_type=true`,
 * `state`). `extras` is sent JSON-encoded as public integrations do; Meta's Embedded Signup pages
 * themselves only document the SDK. No session message reaches the page on this path: the code
 * alone is submitted and the BFF discovers the WABA and number.
 *
 * @example
 * location.assign(buildLoginDialogUrl({ appId: "1234", configId: "5678", redirectUri: "https://portal.example/onboarding", state }));
 */
export function buildLoginDialogUrl(options: LoginDialogUrlOptions): string {
  const base = (options.dialogBaseUrl ?? "https://www.facebook.com").replace(/\/+$/, "");
  const url = new URL(`${base}/${options.graphVersion ?? GRAPH_VERSION}/dialog/oauth`);
  const login = buildLoginOptions(options.configId, options.signupExtras);
  url.search = new URLSearchParams({
    client_id: options.appId,
    redirect_uri: options.redirectUri,
    state: options.state,
    config_id: login.config_id,
    response_type: login.response_type,
    override_default_response_type: "true",
    extras: JSON.stringify(login.extras),
  }).toString();
  return url.href;
}

/**
 * What the page's address says after the Login dialog sent the customer back.
 *
 * @example
 * const result: LoginRedirectResult = { type: "code", code: "AQB..." };
 */
export type LoginRedirectResult =
  | { type: "code"; code: string }
  /**
   * Meta's `error`/`error_reason`/`error_description` (e.g. `access_denied`, `user_denied`), or an
   * app failure's `error_code` (as `error`) and `error_message` (as `description`).
   */
  | { type: "denied"; error: string; reason: string | null; description: string | null }
  /** A `code` or `error` whose `state` is not ours: ignored (possible CSRF). */
  | { type: "state_mismatch" };

/**
 * Reads `?code=&state=` (or `?error=&state=`) from a return address; `null` when the address is not
 * a return from the Login dialog.
 *
 * @example
 * const result = readLoginRedirect(location.href, sessionStorage.getItem("wa-migrate:migration:state"));
 * if (result?.type === "code") submit(result.code);
 */
export function readLoginRedirect(
  href: string,
  expectedState: string | null,
): LoginRedirectResult | null {
  const params = new URL(href).searchParams;
  const code = params.get("code");
  // Failures of the app itself (not set up, in development mode) come back as
  // `error_code`/`error_message` alone, without `state`: there is no code in them to forge.
  const appError = code || params.has("error") ? null : params.get("error_code");
  const error = params.get("error") ?? appError;
  if (!code && !error) return null;
  if (appError === null && (!expectedState || params.get("state") !== expectedState))
    return { type: "state_mismatch" };
  if (code) return { type: "code", code };
  return {
    type: "denied",
    error: error ?? "",
    reason: params.get("error_reason"),
    description: params.get("error_description") ?? params.get("error_message"),
  };
}

/**
 * The address without the dialog's parameters, so a reload does not submit a used code again.
 *
 * @example
 * history.replaceState(history.state, "", withoutLoginParams(location.href));
 */
export function withoutLoginParams(href: string): string {
  const url = new URL(href);
  for (const key of [
    "code",
    "state",
    "error",
    "error_reason",
    "error_description",
    "error_code",
    "error_message",
  ]) {
    url.searchParams.delete(key);
  }
  // Meta appends "#_=_" to redirects.
  if (url.hash === "#_=_") url.hash = "";
  return url.href;
}
