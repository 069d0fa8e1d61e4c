import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { loadFacebookSdk } from "./load-facebook-sdk.js";
import { SdkLoadError } from "./sdk-load-error.js";
import { createFakeFacebookSdk } from "./testing/index.js";

type FbWindow = Window & { FB?: unknown; fbAsyncInit?: () => void };
const win = window as FbWindow;
let n = 0;
let url: string;

beforeEach(() => {
  // A fresh URL per test: the loader memoises per URL for the life of the page.
  url = `https://sdk.example/${++n}/sdk.js`;
  delete win.FB;
  delete win.fbAsyncInit;
  for (const s of Array.from(document.scripts)) s.remove();
});
afterEach(() => {
  vi.useRealTimers();
});

const tags = () => Array.from(document.scripts).filter((s) => s.src === url);

test("inserts one async script tag, waits for fbAsyncInit and calls FB.init", async () => {
  const sdk = createFakeFacebookSdk();
  const loading = loadFacebookSdk({ appId: "1234", version: "v26.0", sdkUrl: url, nonce: "n0nce" });
  const [tag] = tags();
  expect(tags()).toHaveLength(1);
  expect(tag?.async).toBe(true);
  expect(tag?.crossOrigin).toBe("anonymous");
  expect(tag?.nonce).toBe("n0nce");
  sdk.install(); // what Meta's script does when it has loaded
  await expect(loading).resolves.toBe(sdk);
  expect(sdk.calls.init).toEqual([{ appId: "1234", version: "v26.0", xfbml: false }]);
});

test("is memoised per URL: a second call reuses the same load and initialises once", async () => {
  const sdk = createFakeFacebookSdk();
  const first = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  const second = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  expect(tags()).toHaveLength(1);
  sdk.install();
  expect(await first).toBe(await second);
  expect(sdk.calls.init).toHaveLength(1);
});

test("a failed load is forgotten, so a retry inserts a fresh tag and can succeed", async () => {
  const failing = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  tags()[0]?.dispatchEvent(new Event("error"));
  await expect(failing).rejects.toBeInstanceOf(SdkLoadError);
  await expect(failing).rejects.toMatchObject({ code: "sdk_load_error" });
  expect(tags()).toHaveLength(0);

  const retry = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  expect(tags()).toHaveLength(1);
  const sdk = createFakeFacebookSdk();
  sdk.install();
  await expect(retry).resolves.toBe(sdk);
});

test("reuses a script tag the page already has and keeps the page's own fbAsyncInit", async () => {
  const existing = document.createElement("script");
  existing.src = url;
  document.head.appendChild(existing);
  const pageInit = vi.fn();
  win.fbAsyncInit = pageInit;

  const loading = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  expect(tags()).toEqual([existing]);
  const sdk = createFakeFacebookSdk();
  sdk.install();
  await expect(loading).resolves.toBe(sdk);
  expect(pageInit).toHaveBeenCalledTimes(1);
});

test("uses window.FB when the page has loaded the SDK already", async () => {
  const sdk = createFakeFacebookSdk();
  win.FB = sdk;
  await expect(loadFacebookSdk({ appId: "1234", sdkUrl: url })).resolves.toBe(sdk);
  expect(tags()).toHaveLength(0);
});

test("gives up after the timeout with sdk_load_error", async () => {
  vi.useFakeTimers();
  const loading = loadFacebookSdk({ appId: "1234", sdkUrl: url, timeoutMs: 5000 });
  const outcome = expect(loading).rejects.toMatchObject({
    name: "SdkLoadError",
    code: "sdk_load_error",
  });
  await vi.advanceTimersByTimeAsync(5000);
  await outcome;
  expect(tags()).toHaveLength(0);
});

test("a script that loads without defining FB is an sdk_load_error", async () => {
  const loading = loadFacebookSdk({ appId: "1234", sdkUrl: url });
  win.fbAsyncInit?.();
  await expect(loading).rejects.toMatchObject({ code: "sdk_load_error" });
});
