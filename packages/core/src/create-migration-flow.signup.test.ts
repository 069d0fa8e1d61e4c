import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createMigrationFlow } from "./create-migration-flow.js";
import type { MigrationFlowController } from "./flow-types.js";
import {
  createFakeFacebookSdk,
  createMemoryBffClient,
  type FakeFacebookSdk,
  type MemoryBffClient,
} from "./testing/index.js";

// The flow around a popup that answers late, never, or with what Meta does not document
// (decision 025; facts §1.4–1.5).

let sdk: FakeFacebookSdk;
let client: MemoryBffClient;
let flow: MigrationFlowController;

async function launched() {
  flow = createMigrationFlow({ appId: "1234", configId: "5678", sdk, client, storage: null });
  await flow.prepare();
  flow.confirmTwoStep();
  flow.launch();
  expect(flow.getSnapshot().state).toBe("in_popup");
}
const post = (data: unknown) => sdk.postMessage(JSON.stringify(data));
const code = (value: string) => sdk.respond({ authResponse: { code: value }, status: "connected" });

beforeEach(() => {
  vi.useFakeTimers();
  sdk = createFakeFacebookSdk({ outcome: { type: "manual" } });
  client = createMemoryBffClient();
});
afterEach(() => {
  flow?.destroy();
  vi.useRealTimers();
});

test("FB.login never calls back: after 3 minutes the customer can start again in a new click", async () => {
  await launched();
  await vi.advanceTimersByTimeAsync(179_999);
  expect(flow.getSnapshot()).toMatchObject({ state: "in_popup", error: null });
  await vi.advanceTimersByTimeAsync(1);
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "popup_no_response", step: "embedded_signup", retryable: true },
  });
  flow.launch();
  expect(sdk.calls.login).toHaveLength(2);
  expect(flow.getSnapshot()).toMatchObject({ state: "in_popup", error: null });
});

test("a customer still in Meta's window after the 3 minutes can finish there", async () => {
  await launched();
  await vi.advanceTimersByTimeAsync(240_000);
  expect(flow.getSnapshot().error?.code).toBe("popup_no_response");
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "FINISH",
    data: { waba_id: "2", phone_number_id: "3" },
  });
  code("AQB");
  await vi.advanceTimersByTimeAsync(0);
  expect(client.calls.create.map((c) => c.request)).toEqual([
    { code: "AQB", wabaId: "2", phoneNumberId: "3" },
  ]);
  expect(flow.getSnapshot()).toMatchObject({ state: "running", error: null });
});

test("a code 10 s after FINISH is submitted with the ids", async () => {
  await launched();
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "FINISH",
    data: { waba_id: "2", phone_number_id: "3" },
  });
  await vi.advanceTimersByTimeAsync(10_000);
  expect(flow.getSnapshot().state).toBe("in_popup");
  code("AQB");
  await vi.advanceTimersByTimeAsync(0);
  expect(client.calls.create.map((c) => c.request)).toEqual([
    { code: "AQB", wabaId: "2", phoneNumberId: "3" },
  ]);
});

test("an undocumented FINISH_* without a phone number id: the code goes with the WABA id", async () => {
  // The BFF then takes the WABA's newest number (capture_assets' grant check).
  await launched();
  post({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH_OBO_MIGRATION", data: { waba_id: "2" } });
  code("AQB");
  await vi.advanceTimersByTimeAsync(0);
  expect(client.calls.create.map((c) => c.request)).toEqual([{ code: "AQB", wabaId: "2" }]);
});

test("a CANCEL at a screen Meta added later: cancelled there, logged with its name", async () => {
  await launched();
  await vi.advanceTimersByTimeAsync(5000);
  post({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", data: { current_step: "AD_ACCOUNTS" } });
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "signup_cancelled", esStep: "AD_ACCOUNTS" },
  });
  expect(client.calls.signupEvents).toEqual([{ event: "CANCEL", currentStep: "AD_ACCOUNTS" }]);
});

test("an error-shaped CANCEL without ids shows Meta's words", async () => {
  await launched();
  await vi.advanceTimersByTimeAsync(5000);
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    data: { error_message: "You have guessed too many times.", error_id: 2388091 },
  });
  sdk.respond({ authResponse: null, status: "unknown" });
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "signup_error", detail: "You have guessed too many times." },
  });
  expect(client.calls.signupEvents).toEqual([
    { event: "CANCEL", errorMessage: "You have guessed too many times.", errorId: "2388091" },
  ]);
});
