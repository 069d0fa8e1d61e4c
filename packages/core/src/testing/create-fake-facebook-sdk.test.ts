import { afterEach, expect, test, vi } from "vitest";
import { buildLoginOptions } from "../build-login-options.js";
import type { FacebookLoginResponse } from "../facebook-sdk.js";
import { createFakeFacebookSdk } from "./create-fake-facebook-sdk.js";

afterEach(() => {
  vi.restoreAllMocks();
});

test.each([
  ["login before init", false, buildLoginOptions("5678")],
  ["no config_id", true, { ...buildLoginOptions("5678"), config_id: "" }],
  ["a token response", true, { ...buildLoginOptions("5678"), response_type: "token" as "code" }],
  ["a version key on a v4 config", true, buildLoginOptions("5678", { esVersion: "v3" })],
])("misuse fails like Meta's SDK: %s", (_name, init, options) => {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const sdk = createFakeFacebookSdk();
  if (init) sdk.init({ appId: "1234", version: "v26.0" });
  const responses: FacebookLoginResponse[] = [];
  sdk.login((r) => responses.push(r), options);
  expect(responses).toEqual([{ authResponse: null, status: "unknown" }]);
  expect(error).toHaveBeenCalledTimes(1);
});

test("a v2 configuration posts session messages only with sessionInfoVersion 3", async () => {
  vi.useFakeTimers();
  const messages: unknown[] = [];
  const listen = (e: MessageEvent) => messages.push(e.data);
  window.addEventListener("message", listen);
  const sdk = createFakeFacebookSdk({ esVersion: "v2" });
  sdk.init({ appId: "1234", version: "v26.0" });
  const responses: FacebookLoginResponse[] = [];
  sdk.login((r) => responses.push(r), buildLoginOptions("5678", { esVersion: "v3" }));
  sdk.login((r) => responses.push(r), { ...buildLoginOptions("5678"), extras: { setup: {} } });
  await vi.advanceTimersByTimeAsync(0);
  expect(messages).toEqual([]);
  sdk.login((r) => responses.push(r), buildLoginOptions("5678", { esVersion: "v2" }));
  await vi.advanceTimersByTimeAsync(0);
  expect(messages).toHaveLength(1);
  expect(responses.map((r) => r.status)).toEqual(["connected", "connected", "connected"]);
  window.removeEventListener("message", listen);
  vi.useRealTimers();
});
