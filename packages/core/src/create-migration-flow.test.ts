import type { Migration } from "@wa-migrate/contracts";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createMigrationFlow } from "./create-migration-flow.js";
import type { FlowEvent, FlowState, MigrationFlowController } from "./flow-types.js";
import type { MigrationFlowOptions } from "./migration-flow-options.js";
import {
  buildMigration,
  createFakeFacebookSdk,
  createMemoryBffClient,
  type FakeFacebookSdk,
  type MemoryBffClient,
} from "./testing/index.js";

let sdk: FakeFacebookSdk;
let client: MemoryBffClient;
let storage: Map<string, string>;
let flow: MigrationFlowController;
let states: FlowState[];
let events: FlowEvent[];

const memoryStorage = () => ({
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

function start(options: Partial<MigrationFlowOptions> = {}) {
  flow = createMigrationFlow({
    appId: "1234",
    configId: "5678",
    sdk,
    client,
    storage: memoryStorage(),
    ...options,
  });
  states = [flow.getSnapshot().state];
  events = [];
  flow.subscribe(() => {
    const { state } = flow.getSnapshot();
    if (states.at(-1) !== state) states.push(state);
  });
  for (const type of [
    "state",
    "signup_message",
    "code_received",
    "submitted",
    "complete",
    "exit",
    "error",
  ] as const) {
    flow.on(type, (event) => events.push(event));
  }
  return flow;
}
const tick = () => vi.advanceTimersByTimeAsync(0);
const stepStates = () => Object.fromEntries(flow.getSnapshot().steps.map((s) => [s.id, s.state]));

beforeEach(() => {
  vi.useFakeTimers();
  sdk = createFakeFacebookSdk();
  client = createMemoryBffClient();
  storage = new Map();
});
afterEach(() => {
  flow?.destroy();
  vi.useRealTimers();
});

test("FB.login runs inside the click handler, before it returns, with Embedded Signup's options", async () => {
  start({ signupExtras: { setup: { business: { name: "Acme" } } } });
  await flow.prepare();
  const button = document.createElement("button");
  let loginsWhenHandlerReturned = -1;
  button.addEventListener("click", () => {
    flow.launch();
    loginsWhenHandlerReturned = sdk.calls.login.length;
  });
  button.click();
  expect(loginsWhenHandlerReturned).toBe(1);
  expect(sdk.calls.login[0]).toEqual({
    config_id: "5678",
    response_type: "code",
    override_default_response_type: true,
    extras: { setup: { business: { name: "Acme" } } },
  });
  expect(sdk.calls.init).toEqual([{ appId: "1234", version: "v26.0", xfbml: false }]);
});

test("the whole way: ready, popup, code + FINISH submitted at once, server steps, completed", async () => {
  start({ sourceWabaId: "102290129340398" });
  expect(stepStates()).toMatchObject({
    two_step_verification: "current",
    embedded_signup: "pending",
  });
  await flow.prepare();
  flow.confirmTwoStep();
  expect(stepStates()).toMatchObject({
    two_step_verification: "complete",
    embedded_signup: "current",
  });
  flow.launch();
  expect(flow.getSnapshot().state).toBe("in_popup");
  await tick();
  expect(client.calls.create).toEqual([
    {
      request: {
        code: "fake-code-1",
        wabaId: "524126980791429",
        phoneNumberId: "106540352242922",
        businessId: "2729063490586005",
        sourceWabaId: "102290129340398",
      },
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    },
  ]);
  expect(flow.getSnapshot()).toMatchObject({ state: "running", currentStep: "capture_assets" });
  expect(stepStates()).toMatchObject({
    embedded_signup: "complete",
    capture_assets: "current",
    share_credit_line: "pending",
  });
  expect(storage.get("wa-migrate:migration")).toBe("mig_1");

  client.advance();
  expect(flow.getSnapshot().currentStep).toBe("share_credit_line");
  client.runToEnd();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({ state: "completed", error: null });
  expect(Object.values(stepStates())).toEqual(Array(7).fill("complete"));
  expect(states).toEqual([
    "idle",
    "preparing",
    "ready",
    "in_popup",
    "submitting",
    "running",
    "completed",
  ]);
  expect(events.filter((e) => e.type !== "state").map((e) => e.type)).toEqual([
    "signup_message",
    "code_received",
    "submitted",
    "complete",
  ]);
});

test("the callback before the message is reconciled the same way", async () => {
  sdk = createFakeFacebookSdk({ order: "callback_first" });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(client.calls.create[0]?.request).toMatchObject({
    code: "fake-code-1",
    wabaId: "524126980791429",
  });
  expect(flow.getSnapshot().state).toBe("running");
});

test("every change is a new frozen snapshot; no change, same snapshot", async () => {
  start();
  const first = flow.getSnapshot();
  expect(Object.isFrozen(first)).toBe(true);
  expect(flow.getSnapshot()).toBe(first);
  await flow.prepare();
  expect(flow.getSnapshot()).not.toBe(first);
  expect(first.state).toBe("idle");
});

test("a code without a message is still submitted, without ids, and logged as TIMEOUT", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "code_only", code: "AQB" } });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(flow.getSnapshot().state).toBe("in_popup");
  await vi.advanceTimersByTimeAsync(3000);
  expect(client.calls.create[0]?.request).toEqual({ code: "AQB" });
  expect(flow.getSnapshot().state).toBe("running");
  expect(client.calls.signupEvents).toEqual([{ event: "TIMEOUT" }]);
});

test("CANCEL with a step: cancelled with esStep, logged, and the customer can start again", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "cancel", step: "PHONE_NUMBER_VERIFICATION" } });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    currentStep: "embedded_signup",
    error: {
      code: "signup_cancelled",
      step: "embedded_signup",
      esStep: "PHONE_NUMBER_VERIFICATION",
      retryable: true,
    },
  });
  expect(stepStates().embedded_signup).toBe("failed");
  expect(events).toContainEqual({
    type: "exit",
    step: "embedded_signup",
    reason: "signup_cancelled",
  });
  expect(client.calls.signupEvents).toEqual([
    { event: "CANCEL", currentStep: "PHONE_NUMBER_VERIFICATION" },
  ]);

  sdk.setOutcome({ type: "finish" });
  flow.launch(); // straight from cancelled
  await tick();
  expect(flow.getSnapshot().state).toBe("running");
});

test("an error-shaped CANCEL is signup_error with Meta's text as detail", async () => {
  sdk = createFakeFacebookSdk({
    outcome: { type: "error", errorMessage: "You have requested your code too many times." },
  });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "signup_error", detail: "You have requested your code too many times." },
  });
  expect(client.calls.signupEvents).toEqual([
    {
      event: "CANCEL",
      errorMessage: "You have requested your code too many times.",
      errorId: "524126",
      sessionId: "f34b51dab5e0498",
      timestamp: "1746041036",
    },
  ]);
});

test.each([
  ["blocked", { type: "blocked" } as const, "popup_blocked", "POPUP_BLOCKED"],
  ["closed", { type: "closed" } as const, "popup_closed", "POPUP_CLOSED"],
  ["message only", { type: "message_only" } as const, "signup_incomplete", "TIMEOUT"],
])("a %s popup is a cancelled flow with %s", async (_name, outcome, code, logged) => {
  sdk = createFakeFacebookSdk({ outcome, delayMs: 30_000 });
  start();
  await flow.prepare();
  flow.launch();
  await vi.advanceTimersByTimeAsync(40_000);
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code, step: "embedded_signup" },
  });
  expect(client.calls.signupEvents).toEqual([{ event: logged }]);
  expect(client.calls.create).toEqual([]);
});

test("a blocked popup is reported before launch() returns; reset goes back to ready", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "blocked" } });
  start();
  await flow.prepare();
  flow.launch();
  expect(flow.getSnapshot().error?.code).toBe("popup_blocked");
  expect(states).not.toContain("in_popup");
  flow.reset();
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", error: null });
});

test("a refused code fails the flow with the BFF's code; launching again is allowed", async () => {
  client = createMemoryBffClient({ createError: "code_expired" });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    migration: null,
    error: { code: "code_expired", step: "embedded_signup", retryable: false },
  });
  flow.launch();
  expect(sdk.calls.login).toHaveLength(2);
});

test("retry after an unanswered create sends the same code with the same Idempotency-Key", async () => {
  client = createMemoryBffClient({ createError: "bff_unreachable" });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    error: { code: "bff_unreachable", retryable: true },
  });
  await flow.retry();
  const [first, second] = client.calls.create;
  expect(second).toEqual(first);
  expect(client.calls.create).toHaveLength(2);
});

test("action required on a server step, then retry heals it and the flow completes", async () => {
  client = createMemoryBffClient({
    stopAt: { step: "register_phone", status: "action_required", code: "pin_mismatch" },
  });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  client.runToEnd();
  await tick();
  // Meta's 133005 (two-step verification still on, with another PIN) belongs to step 1, where the
  // request text for the old partner is; the registration runs again on retry.
  expect(flow.getSnapshot()).toMatchObject({
    state: "action_required",
    currentStep: "two_step_verification",
    error: { code: "pin_mismatch", step: "two_step_verification", retryable: true },
  });
  expect(stepStates()).toMatchObject({
    two_step_verification: "action_required",
    migrate_templates: "complete",
    register_phone: "pending",
  });
  await flow.retry();
  expect(client.calls.retry).toEqual(["mig_1"]);
  expect(flow.getSnapshot()).toMatchObject({ state: "running", error: null });
  client.runToEnd();
  await tick();
  expect(flow.getSnapshot().state).toBe("completed");
});

test("a failed server step shows as failed with its code", async () => {
  client = createMemoryBffClient({
    stopAt: { step: "share_credit_line", code: "credit_share_failed" },
  });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  client.runToEnd();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    error: { code: "credit_share_failed", step: "share_credit_line" },
  });
  expect(stepStates()).toMatchObject({
    capture_assets: "complete",
    share_credit_line: "failed",
    subscribe_webhooks: "pending",
  });
  await flow.migrateTemplates(); // a new record of the same failed migration
  await tick();
  expect(events.filter((e) => e.type === "error")).toEqual([
    {
      type: "error",
      error: {
        code: "credit_share_failed",
        step: "share_credit_line",
        retryable: true,
        detail: undefined,
      },
    },
  ]);
});

test("templates can be migrated by hand", async () => {
  client = createMemoryBffClient({
    templates: { mode: "copied_before_registration", sourceReadable: true, items: [] },
  });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  await flow.migrateTemplates(["35002248699842"]);
  expect(client.calls.templates).toEqual([{ id: "mig_1", templateIds: ["35002248699842"] }]);
  expect(flow.getSnapshot().migration?.templates.mode).toBe("copied_before_registration");
});

test("a reload resumes the migration kept in storage where the server is", async () => {
  const kept: Migration = buildMigration({
    id: "mig_7",
    steps: { capture_assets: "succeeded", share_credit_line: "running" },
  });
  client = createMemoryBffClient({ migrations: [kept] });
  storage.set("wa-migrate:migration", "mig_7");
  start();
  await flow.prepare();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({
    state: "running",
    currentStep: "share_credit_line",
    migration: { id: "mig_7" },
  });
  expect(sdk.calls.login).toEqual([]);
  client.runToEnd();
  await tick();
  expect(flow.getSnapshot().state).toBe("completed");
});

test("an explicit resume id wins; resume: false ignores storage", async () => {
  client = createMemoryBffClient({
    migrations: [buildMigration({ id: "mig_9", status: "completed" })],
  });
  storage.set("wa-migrate:migration", "mig_gone");
  start({ resume: "mig_9" });
  await flow.prepare();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({ state: "completed", migration: { id: "mig_9" } });
  flow.destroy();

  start({ resume: false });
  await flow.prepare();
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", migration: null });
});

test("a stale id in storage is forgotten quietly", async () => {
  storage.set("wa-migrate:migration", "mig_gone");
  start();
  await flow.prepare();
  await tick();
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", error: null, migration: null });
  expect(storage.has("wa-migrate:migration")).toBe(false);
});

test("reset after a finished migration forgets it and allows a new one", async () => {
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  client.runToEnd();
  await tick();
  flow.reset();
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", migration: null });
  expect(storage.size).toBe(0);
});

test("an SDK that cannot load fails with sdk_load_error; retry loads it", async () => {
  const url = "https://sdk.example/flow/sdk.js";
  flow = createMigrationFlow({
    appId: "1234",
    configId: "5678",
    client,
    storage: null,
    sdkUrl: url,
  });
  const preparing = flow.prepare();
  expect(flow.getSnapshot().state).toBe("preparing");
  Array.from(document.scripts)
    .find((s) => s.src === url)
    ?.dispatchEvent(new Event("error"));
  await preparing;
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    error: { code: "sdk_load_error", retryable: true },
  });

  const retrying = flow.retry();
  const undo = sdk.install();
  await retrying;
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", error: null });
  undo();
});

test("launch does nothing before the SDK is ready", () => {
  start();
  flow.launch();
  expect(sdk.calls.login).toEqual([]);
  expect(flow.getSnapshot().state).toBe("idle");
});

test("destroy stops listeners and the popup session", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "manual" } });
  start();
  await flow.prepare();
  flow.launch();
  const seen = states.length;
  flow.destroy();
  sdk.respond({ authResponse: { code: "AQB" }, status: "connected" });
  await vi.advanceTimersByTimeAsync(10_000);
  expect(states).toHaveLength(seen);
  expect(client.calls.create).toEqual([]);
});

test("a destroyed controller opens no popup and sends nothing (a late click, a stray retry)", async () => {
  client = createMemoryBffClient({
    stopAt: { step: "register_phone", status: "action_required", code: "pin_mismatch" },
  });
  start();
  await flow.prepare();
  flow.launch();
  await tick();
  client.runToEnd();
  await tick();
  expect(flow.getSnapshot().state).toBe("action_required");
  const logins = sdk.calls.login.length;
  flow.destroy();

  flow.launch();
  flow.confirmTwoStep();
  flow.reset();
  await flow.retry();
  await flow.migrateTemplates();
  await flow.resume("mig_1");
  await flow.prepare();
  expect(sdk.calls.login).toHaveLength(logins);
  expect(client.calls.retry).toEqual([]);
  expect(client.calls.templates).toEqual([]);
  expect(states.at(-1)).toBe("action_required");
});

function pageWindow(href: string) {
  const page = {
    location: { href, assign: vi.fn() },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        page.location.href = url;
      }),
    },
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    document,
  };
  return page;
}

test("blocked popup fallback: redirect to the Login dialog, then submit the code on return", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "blocked" } });
  const page = pageWindow("https://portal.example/onboard?tab=2");
  start({ window: page as unknown as Window, redirectUri: "https://portal.example/onboard?tab=2" });
  await flow.prepare();
  flow.launch();
  expect(flow.getSnapshot().error?.code).toBe("popup_blocked");
  expect(flow.redirectToLogin()).toBe(true);
  const target = new URL(page.location.assign.mock.calls[0]?.[0] as string);
  const state = target.searchParams.get("state");
  expect(state).toBe(storage.get("wa-migrate:migration:state"));
  expect(target.searchParams.get("config_id")).toBe("5678");
  expect(target.searchParams.get("redirect_uri")).toBe("https://portal.example/onboard?tab=2");
  flow.destroy();

  // Meta sends the customer back to the page, which mounts the flow again.
  page.location.href = `https://portal.example/onboard?tab=2&code=AQB&state=${state}#_=_`;
  start({ window: page as unknown as Window, redirectUri: "https://portal.example/onboard?tab=2" });
  await flow.prepare();
  await tick();
  // Meta binds a full-page code to the dialog's redirect_uri: the BFF must repeat it.
  expect(client.calls.create.map((c) => c.request)).toEqual([
    { code: "AQB", redirectUri: "https://portal.example/onboard?tab=2" },
  ]);
  expect(flow.getSnapshot().state).toBe("running");
  expect(page.location.href).toBe("https://portal.example/onboard?tab=2");
  expect(storage.has("wa-migrate:migration:state")).toBe(false);
  expect(storage.has("wa-migrate:migration:redirect_uri")).toBe(false);
});

test("the code goes to the BFF with the redirect_uri the dialog was opened with, even when the option changed since", async () => {
  sdk = createFakeFacebookSdk({ outcome: { type: "blocked" } });
  const page = pageWindow("https://portal.example/onboard");
  // A page that derives the option from its own address gets another one on return.
  start({ window: page as unknown as Window, redirectUri: page.location.href });
  await flow.prepare();
  flow.launch();
  flow.redirectToLogin();
  const target = new URL(page.location.assign.mock.calls[0]?.[0] as string);
  flow.destroy();

  page.location.href = `https://portal.example/onboard?code=AQB&state=${target.searchParams.get("state")}`;
  start({ window: page as unknown as Window, redirectUri: page.location.href });
  await flow.prepare();
  await tick();
  expect(client.calls.create.map((c) => c.request)).toEqual([
    { code: "AQB", redirectUri: "https://portal.example/onboard" },
  ]);
});

test("a return with someone else's state is ignored; a denial is a cancel", async () => {
  storage.set("wa-migrate:migration:state", "ours");
  const page = pageWindow("https://portal.example/onboard?code=AQB&state=theirs");
  start({ window: page as unknown as Window, redirectUri: "https://portal.example/onboard" });
  await flow.prepare();
  await tick();
  expect(client.calls.create).toEqual([]);
  expect(flow.getSnapshot().state).toBe("ready");
  flow.destroy();

  storage.set("wa-migrate:migration:state", "ours");
  page.location.href =
    "https://portal.example/onboard?error=access_denied&error_reason=user_denied&state=ours";
  start({ window: page as unknown as Window, redirectUri: "https://portal.example/onboard" });
  await flow.prepare();
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "signup_cancelled", detail: "access_denied" },
  });
});

test("a return with the app's own failure (no state) says what Meta said, and forgets the redirect", async () => {
  storage.set("wa-migrate:migration:state", "ours");
  storage.set("wa-migrate:migration:redirect_uri", "https://portal.example/onboard");
  const page = pageWindow(
    "https://portal.example/onboard?error_code=1349126&error_message=App+Not+Setup",
  );
  start({ window: page as unknown as Window, redirectUri: "https://portal.example/onboard" });
  await flow.prepare();
  expect(flow.getSnapshot()).toMatchObject({
    state: "cancelled",
    error: { code: "signup_error", detail: "App Not Setup" },
  });
  expect(client.calls.create).toEqual([]);
  expect(page.location.href).toBe("https://portal.example/onboard");
  expect(storage.has("wa-migrate:migration:state")).toBe(false);
  expect(storage.has("wa-migrate:migration:redirect_uri")).toBe(false);
});

test("without a redirectUri there is no redirect fallback", async () => {
  start();
  await flow.prepare();
  expect(flow.redirectToLogin()).toBe(false);
});
