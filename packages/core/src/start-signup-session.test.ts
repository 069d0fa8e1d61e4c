import { ES_STEPS } from "@wa-migrate/contracts";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { FacebookLoginResponse } from "./facebook-sdk.js";
import { type SignupOutcome, startSignupSession } from "./start-signup-session.js";

const META = "https://www.facebook.com";
const finish = JSON.stringify({
  type: "WA_EMBEDDED_SIGNUP",
  event: "FINISH",
  data: {
    phone_number_id: "106540352242922",
    waba_id: "524126980791429",
    business_id: "2729063490586005",
  },
});
const post = (data: unknown, origin = META) =>
  window.dispatchEvent(new MessageEvent("message", { data, origin }));

let outcomes: SignupOutcome[];
let callback: (response: FacebookLoginResponse) => void;
let stop: () => void;

function start(options: { allowedOrigins?: string[] } = {}) {
  const session = startSignupSession({
    window,
    ...options,
    onOutcome: (outcome) => outcomes.push(outcome),
    login: (cb) => {
      callback = cb;
    },
  });
  stop = session.stop;
  return session;
}

beforeEach(() => {
  vi.useFakeTimers();
  outcomes = [];
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

test("FINISH message, then the code: one code outcome with the ids, at once", () => {
  start();
  post(finish);
  expect(outcomes).toEqual([]);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({
    type: "code",
    code: "AQB",
    finish: { data: { waba_id: "524126980791429" } },
  });
});

test("the code, then the FINISH message: the same outcome", () => {
  start();
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toEqual([]);
  post(finish);
  expect(outcomes[0]).toMatchObject({ type: "code", code: "AQB", finish: { event: "FINISH" } });
});

test("a code whose message never comes is still submitted after the wait", () => {
  start();
  vi.advanceTimersByTime(2000);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  vi.advanceTimersByTime(2999);
  expect(outcomes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish: null }]);
});

test("a FINISH message whose code never comes is incomplete after 20 s", () => {
  start();
  post(finish);
  vi.advanceTimersByTime(19_999);
  expect(outcomes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(outcomes).toEqual([{ type: "incomplete" }]);
});

test("a FINISH message with a code-less callback is incomplete at once", () => {
  start();
  vi.advanceTimersByTime(5000);
  post(finish);
  callback({ authResponse: null, status: "unknown" });
  expect(outcomes).toEqual([{ type: "incomplete" }]);
});

test("messages from other origins are ignored, by default and with allowedOrigins", () => {
  start();
  post(finish, "https://evilfacebook.com");
  post(finish, "http://www.facebook.com");
  post(finish, "http://127.0.0.1:4010");
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  vi.advanceTimersByTime(3000);
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish: null }]);
  stop();

  outcomes = [];
  start({ allowedOrigins: ["http://127.0.0.1:4010"] });
  post(finish, META); // the list replaces the default rule
  post(finish, "http://127.0.0.1:4010");
  callback({ authResponse: { code: "AQC" }, status: "connected" });
  expect(outcomes[0]).toMatchObject({ type: "code", code: "AQC", finish: { event: "FINISH" } });
});

test.each<[string, unknown]>([
  ["not JSON", "{oops"],
  ["another message type", JSON.stringify({ type: "OTHER", event: "FINISH", data: {} })],
  [
    "an invalid id",
    JSON.stringify({
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH",
      data: { waba_id: "1;DROP", phone_number_id: "2" },
    }),
  ],
  [
    "a cancel step that is no screen name",
    JSON.stringify({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", data: { current_step: "<b>" } }),
  ],
  ["an oversized string", "x".repeat(20_000)],
  ["null", null],
  [
    "a throwing getter",
    Object.defineProperty({}, "type", {
      get: () => {
        throw new Error("hostile");
      },
    }),
  ],
])("hostile or foreign data is ignored: %s", (_name, data) => {
  start();
  post(data);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  vi.advanceTimersByTime(3000);
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish: null }]);
});

test.each(ES_STEPS)("CANCEL at %s is a cancelled outcome with that step, either order", (step) => {
  const cancel = JSON.stringify({
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    version: 3,
    data: { current_step: step },
  });
  start();
  vi.advanceTimersByTime(5000);
  post(cancel);
  callback({ authResponse: null, status: "unknown" });
  expect(outcomes).toEqual([{ type: "cancelled", esStep: step }]);
  stop();

  outcomes = [];
  start();
  vi.advanceTimersByTime(5000);
  callback({ authResponse: null, status: "unknown" });
  post(cancel);
  expect(outcomes).toEqual([{ type: "cancelled", esStep: step }]);
});

test("an error-shaped CANCEL carries Meta's message", () => {
  start();
  vi.advanceTimersByTime(5000);
  post(
    JSON.stringify({
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
      data: {
        error_message: "Your verified name violates WhatsApp guidelines.",
        error_id: "524126",
        session_id: "f34b51dab5e0498",
        timestamp: "1746041036",
      },
    }),
  );
  expect(outcomes).toEqual([
    {
      type: "error",
      errorMessage: "Your verified name violates WhatsApp guidelines.",
      errorId: "524126",
      sessionId: "f34b51dab5e0498",
      timestamp: "1746041036",
    },
  ]);
});

test("a code-less callback inside FB.login itself is a blocked popup, at once", () => {
  startSignupSession({
    window,
    onOutcome: (outcome) => outcomes.push(outcome),
    login: (cb) => cb({ authResponse: null, status: "unknown" }),
  });
  expect(outcomes).toEqual([{ type: "blocked" }]);
});

test("a code-less callback right after the launch, with no message, is a blocked popup", () => {
  start();
  vi.advanceTimersByTime(100);
  callback({ authResponse: null, status: "unknown" });
  vi.advanceTimersByTime(3000);
  expect(outcomes).toEqual([{ type: "blocked" }]);
});

test("a code-less callback later, with no message, is a closed popup", () => {
  start();
  vi.advanceTimersByTime(20_000);
  callback({ authResponse: null, status: "unknown" });
  vi.advanceTimersByTime(2999);
  expect(outcomes).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(outcomes).toEqual([{ type: "closed" }]);
});

test("after the outcome, the listener is gone and late halves change nothing", () => {
  start();
  post(finish);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  post(
    JSON.stringify({
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
      data: { current_step: "PERMISSIONS" },
    }),
  );
  callback({ authResponse: null, status: "unknown" });
  vi.advanceTimersByTime(10_000);
  expect(outcomes).toHaveLength(1);
});

test("an FB.login that throws leaves no listener behind", () => {
  const boom = new Error("FB not ready");
  expect(() =>
    startSignupSession({
      window,
      onOutcome: (outcome) => outcomes.push(outcome),
      login: () => {
        throw boom;
      },
    }),
  ).toThrow(boom);
  post(finish);
  vi.advanceTimersByTime(10_000);
  expect(outcomes).toEqual([]);
});
