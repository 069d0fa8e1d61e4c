/**
 * The part of Meta's JavaScript SDK (`window.FB`) that Embedded Signup uses. Only the login
 * callback's `authResponse.code` is documented for the code flow; `status` follows the generic SDK.
 *
 * @example
 * const sdk: FacebookSdk = window.FB;
 * sdk.init({ appId: "1234", version: "v26.0" });
 * sdk.login((response) => console.log(response.authResponse?.code), buildLoginOptions("5678"));
 */
export interface FacebookSdk {
  init(params: FacebookInitParams): void;
  login(callback: (response: FacebookLoginResponse) => void, options: FacebookLoginOptions): void;
}

/**
 * `FB.init` parameters, as Meta's Embedded Signup guide passes them.
 *
 * @example
 * FB.init({ appId: "1234", version: "v26.0", xfbml: false });
 */
export interface FacebookInitParams {
  appId: string;
  version: string;
  autoLogAppEvents?: boolean;
  xfbml?: boolean;
  cookie?: boolean;
}

/**
 * What `FB.login` hands its callback: a code when the popup finished, `authResponse: null` otherwise.
 *
 * @example
 * const blocked: FacebookLoginResponse = { authResponse: null, status: "unknown" };
 */
export interface FacebookLoginResponse {
  authResponse: { code?: string; [key: string]: unknown } | null;
  status?: string;
}

/**
 * `FB.login` options for Embedded Signup (a Login for Business configuration, code response).
 *
 * @example
 * const options: FacebookLoginOptions = buildLoginOptions("5678");
 */
export interface FacebookLoginOptions {
  config_id: string;
  response_type: "code";
  override_default_response_type: true;
  extras?: Record<string, unknown>;
}
