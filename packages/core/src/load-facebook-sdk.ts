import { GRAPH_VERSION } from "@wa-migrate/contracts/browser";
import type { FacebookSdk } from "./facebook-sdk.js";
import { SdkLoadError } from "./sdk-load-error.js";

/**
 * Meta's SDK in English; the sandbox serves the same path (`/sdk.js`, `/en_US/sdk.js`, `/de_DE/sdk.js`).
 *
 * @example
 * loadFacebookSdk({ appId, sdkUrl: DEFAULT_SDK_URL.replace("en_US", "de_DE") });
 */
export const DEFAULT_SDK_URL = "https://connect.facebook.net/en_US/sdk.js";

/**
 * Options of {@link loadFacebookSdk}.
 *
 * @example
 * const options: LoadFacebookSdkOptions = { appId: "1234", sdkUrl: "http://127.0.0.1:4010/sdk.js", nonce };
 */
export interface LoadFacebookSdkOptions {
  appId: string;
  /** Graph API version for `FB.init` (default: the contracts' `GRAPH_VERSION`). */
  version?: string;
  /** Script URL (default {@link DEFAULT_SDK_URL}). */
  sdkUrl?: string;
  /** CSP nonce for the script tag. */
  nonce?: string;
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** The window to load into (default the global one; none on the server). */
  window?: Window;
}

type FbWindow = Window & { FB?: FacebookSdk; fbAsyncInit?: () => void };

// One promise per absolute script URL, dropped again on failure so a retry loads afresh.
const pending = new Map<string, Promise<FacebookSdk>>();
// FB.init once per SDK object and app/version pair.
const initialised = new WeakMap<FacebookSdk, string>();

/**
 * Loads Meta's JavaScript SDK once per URL and calls `FB.init({appId, version})`. Reuses a script tag
 * already on the page, waits for `window.fbAsyncInit` as Meta's SDK does, and never touches `window`
 * before it is called (on the server it resolves to `null`). Rejects with {@link SdkLoadError}.
 *
 * @example
 * const FB = await loadFacebookSdk({ appId: "1234", sdkUrl: "http://127.0.0.1:4010/sdk.js", nonce });
 * FB?.login(callback, buildLoginOptions("5678"));
 */
export function loadFacebookSdk(options: LoadFacebookSdkOptions): Promise<FacebookSdk | null> {
  const win = (options.window ?? (typeof window === "undefined" ? undefined : window)) as
    | FbWindow
    | undefined;
  if (!win) return Promise.resolve(null);
  const url = new URL(options.sdkUrl ?? DEFAULT_SDK_URL, win.document.baseURI).href;
  let promise = pending.get(url);
  if (!promise) {
    promise = inject(win, url, options);
    pending.set(url, promise);
    promise.catch(() => pending.delete(url));
  }
  return promise.then((sdk) => {
    const key = `${options.appId}@${options.version ?? GRAPH_VERSION}`;
    if (initialised.get(sdk) !== key) {
      sdk.init({ appId: options.appId, version: options.version ?? GRAPH_VERSION, xfbml: false });
      initialised.set(sdk, key);
    }
    return sdk;
  });
}

function inject(win: FbWindow, url: string, options: LoadFacebookSdkOptions): Promise<FacebookSdk> {
  if (win.FB) return Promise.resolve(win.FB);
  return new Promise<FacebookSdk>((resolve, reject) => {
    const doc = win.document;
    const existing = Array.from(doc.scripts).find((s) => s.src === url);
    const script = existing ?? doc.createElement("script");
    const previousInit = win.fbAsyncInit;
    const done = (error?: SdkLoadError) => {
      win.clearTimeout(timer);
      script.removeEventListener("load", onLoad);
      script.removeEventListener("error", onError);
      if (win.fbAsyncInit === onInit) win.fbAsyncInit = previousInit;
      if (!error && win.FB) return resolve(win.FB);
      // A tag of ours that failed is removed, so the next attempt inserts a fresh one.
      if (!existing) script.remove();
      reject(error ?? new SdkLoadError(`${url} loaded but defined no window.FB`));
    };
    // Meta's SDK calls window.fbAsyncInit once FB is ready; a page's own handler still runs.
    const onInit = () => {
      previousInit?.call(win);
      done();
    };
    const onLoad = () => {
      if (win.FB) done();
    };
    const onError = (event: Event) =>
      done(new SdkLoadError(`Could not load ${url}`, { cause: event }));
    win.fbAsyncInit = onInit;
    const timer = win.setTimeout(
      () => done(new SdkLoadError(`Timed out loading ${url}`)),
      options.timeoutMs ?? 20_000,
    );
    script.addEventListener("load", onLoad);
    script.addEventListener("error", onError);
    if (!existing) {
      script.src = url;
      script.async = true;
      script.defer = true;
      script.crossOrigin = "anonymous";
      if (options.nonce) script.nonce = options.nonce;
      (doc.head ?? doc.body).appendChild(script);
    }
  });
}
