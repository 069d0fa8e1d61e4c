/**
 * Locales the sandbox serves `sdk.js` under, as Meta does under `connect.facebook.net/<locale>/`.
 *
 * @example
 * SDK_LOCALES.map((locale) => `/${locale}/sdk.js`); // ["/en_US/sdk.js", "/de_DE/sdk.js"]
 */
export const SDK_LOCALES = ["en_US", "de_DE"] as const;
/** One of {@link SDK_LOCALES}. */
export type SdkLocale = (typeof SDK_LOCALES)[number];

/**
 * `type` of the popup's message to the SDK. It is a JSON string like the session message, so a
 * listener written as Meta documents parses it, sees another `type` and ignores it silently.
 *
 * @example
 * JSON.parse(event.data).type === SDK_CHANNEL; // the popup's answer to FB.login
 */
export const SDK_CHANNEL = "WA_SANDBOX_SDK";

/**
 * The JavaScript of the fake `sdk.js`: defines `window.FB` (`init`, `login`, `getLoginStatus`,
 * `logout`) and calls `window.fbAsyncInit` once loaded, like Meta's SDK. `FB.login` opens the
 * sandbox's Login dialog in a real popup; the dialog checks the options (app, configuration,
 * response type, extras) and reports misuse back, which the SDK logs with `console.error`. Like
 * Meta's dialog, a refused one stays open on its error page: the callback (no `authResponse`)
 * comes when the customer closes it.
 *
 * @example
 * app.get("/sdk.js", (c) => c.body(renderSdkSource({ locale: "en_US", origin: "http://127.0.0.1:4010" })));
 */
export function renderSdkSource(options: { locale: SdkLocale; origin: string }): string {
  const constants = JSON.stringify({
    locale: options.locale,
    origin: options.origin,
    channel: SDK_CHANNEL,
  });
  return `/* wa-migrate sandbox: a fake of Meta's JavaScript SDK (window.FB) for Embedded Signup. */
(function () {
  "use strict";
  if (window.FB && window.FB.__waSandbox) return; // loading the SDK twice is a no-op, as with Meta's
  var K = ${constants};
  var script = document.currentScript;
  // The dialog lives where sdk.js came from (Meta: connect.facebook.net -> www.facebook.com).
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : K.origin;
  var UNKNOWN = function () { return { authResponse: null, status: "unknown" }; };
  var settings = null;
  var status = UNKNOWN();
  var pending = null;

  function deliver(callback, response) {
    status = response;
    if (typeof callback === "function") callback(response);
  }
  function fail(callback, message) {
    console.error(message);
    deliver(callback, UNKNOWN());
  }
  function settle(response) {
    var current = pending;
    if (!current || current.done) return;
    current.done = true;
    pending = null;
    clearInterval(current.timer);
    deliver(current.callback, response);
  }

  window.addEventListener("message", function (event) {
    if (!pending || event.origin !== ORIGIN || event.source !== pending.popup) return;
    var data;
    try {
      data = typeof event.data === "string" ? JSON.parse(event.data) : null;
    } catch (e) {
      return;
    }
    if (!data || typeof data !== "object" || data.type !== K.channel) return;
    if (data.kind === "auth" && data.authResponse && typeof data.authResponse.code === "string") {
      settle({ authResponse: data.authResponse, status: "connected" });
    } else if (data.kind === "error") {
      // Meta's dialog shows its error page and stays open; the callback comes once it is closed.
      console.error(String(data.message));
    } else if (data.kind === "cancel") {
      settle(UNKNOWN());
    }
  });

  var FB = {
    __waSandbox: true,
    init: function (options) {
      if (!options || typeof options !== "object") {
        console.error("FB.init() needs an options object with appId and version.");
        return;
      }
      if (typeof options.appId !== "string" && typeof options.appId !== "number") {
        console.error("FB.init() called without an appId.");
        return;
      }
      if (typeof options.version !== "string" || !/^v\\d+\\.\\d+$/.test(options.version)) {
        console.error("FB.init() called with an invalid version: use a Graph API version such as 'v24.0'.");
        return;
      }
      settings = { appId: String(options.appId), version: options.version };
    },
    login: function (callback, options) {
      if (!settings) return fail(callback, "FB.login() called before FB.init().");
      if (pending) return fail(callback, "FB.login() called while a login popup is already open.");
      options = options || {};
      var query = new URLSearchParams();
      query.set("app_id", settings.appId);
      query.set("client_id", settings.appId);
      query.set("display", "popup");
      query.set("locale", K.locale);
      query.set("origin", location.origin);
      query.set("sdk", "joey");
      ["config_id", "response_type", "scope", "auth_type"].forEach(function (key) {
        if (options[key] !== undefined) query.set(key, String(options[key]));
      });
      if (options.override_default_response_type !== undefined) {
        query.set("override_default_response_type", String(options.override_default_response_type));
      }
      if (options.extras !== undefined) {
        try {
          query.set("extras", JSON.stringify(options.extras));
        } catch (e) {
          return fail(callback, "FB.login(): extras must be a plain JSON object.");
        }
      }
      var url = ORIGIN + "/" + settings.version + "/dialog/oauth?" + query.toString();
      var popup = window.open(url, "wa_sandbox_login", "popup=yes,width=600,height=720");
      if (!popup) {
        return fail(callback, "FB.login(): the browser blocked the login popup. Call FB.login() from a click handler.");
      }
      var current = { popup: popup, callback: callback, done: false, timer: 0 };
      pending = current;
      current.timer = setInterval(function () {
        if (!popup.closed) return;
        clearInterval(current.timer);
        // Messages posted just before the popup closed may still be queued: give them a moment.
        setTimeout(function () { if (pending === current) settle(UNKNOWN()); }, 300);
      }, 100);
    },
    getLoginStatus: function (callback) {
      if (!settings) return fail(callback, "FB.getLoginStatus() called before calling FB.init().");
      if (typeof callback === "function") callback(status);
    },
    logout: function (callback) {
      status = UNKNOWN();
      if (typeof callback === "function") callback(status);
    },
  };
  window.FB = FB;

  function runAsyncInit() {
    if (typeof window.fbAsyncInit === "function" && !window.fbAsyncInit.hasRun) {
      window.fbAsyncInit.hasRun = true;
      window.fbAsyncInit();
    }
  }
  runAsyncInit();
  // An async SDK can run before a later inline script defines fbAsyncInit: look again once parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", runAsyncInit);
})();
`;
}
