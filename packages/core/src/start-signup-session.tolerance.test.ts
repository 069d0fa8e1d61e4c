import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { FacebookLoginResponse } from "./facebook-sdk.js";
import { type SignupOutcome, startSignupSession } from "./start-signup-session.js";

// What Meta does not promise (facts §1.4–1.5): the order and gap of the two halves, the list of
// finish events and screens, the error fields, and that FB.login calls back at all.

const META = "https://www.facebook.com";
const post = (data: unknown) =>
  window.dispatchEvent(new MessageEvent("message", { data: JSON.stringify(data), origin: META }));
const finish = {
  type: "WA_EMBEDDED_SIGNUP",
  event: "FINISH",
  data: { phone_number_id: "106540352242922", waba_id: "524126980791429" },
};

let outcomes: SignupOutcome[];
let stalls: number;
let callback: (response: FacebookLoginResponse) => void;
let stop: () => void;

function start() {
  stop = startSignupSession({
    window,
    onOutcome: (outcome) => outcomes.push(outcome),
    onStall: () => stalls++,
    login: (cb) => {
      callback = cb;
    },
  }).stop;
}

beforeEach(() => {
  vi.useFakeTimers();
  outcomes = [];
  stalls = 0;
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

test("a code 3.5 s after FINISH is still submitted with the ids", () => {
  start();
  post(finish);
  vi.advanceTimersByTime(3500);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish }]);
});

test("a code 19 s after FINISH is still submitted at once (it lives 30 s)", () => {
  start();
  post(finish);
  vi.advanceTimersByTime(19_000);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish }]);
});

test("an undocumented FINISH_* event is a finish with its ids", () => {
  const other = {
    type: "WA_EMBEDDED_SIGNUP",
    event: "FINISH_OBO_MIGRATION",
    data: { phone_number_id: "1", waba_id: "2", business_id: "3" },
  };
  start();
  post(other);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish: other }]);
});

test("a CANCEL at a screen Meta added later is cancelled at that screen", () => {
  start();
  vi.advanceTimersByTime(5000);
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    data: { current_step: "AD_ACCOUNT_SELECTION" },
  });
  expect(outcomes).toEqual([{ type: "cancelled", esStep: "AD_ACCOUNT_SELECTION" }]);
});

test("an error-shaped CANCEL without ids still carries Meta's message", () => {
  start();
  vi.advanceTimersByTime(5000);
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    data: { error_message: "You have guessed too many times." },
  });
  expect(outcomes).toEqual([{ type: "error", errorMessage: "You have guessed too many times." }]);
});

test("an error-shaped CANCEL with a numeric error_id carries Meta's message and the id", () => {
  start();
  vi.advanceTimersByTime(5000);
  post({
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    data: {
      error_message: "You have guessed too many times.",
      error_id: 524126,
      session_id: "f34b51dab5e0498",
      timestamp: "1746041036",
    },
  });
  expect(outcomes).toEqual([
    {
      type: "error",
      errorMessage: "You have guessed too many times.",
      errorId: "524126",
      sessionId: "f34b51dab5e0498",
      timestamp: "1746041036",
    },
  ]);
});

test("no answer at all for 3 minutes: onStall once, and a later code still counts", () => {
  start();
  vi.advanceTimersByTime(179_999);
  expect(stalls).toBe(0);
  vi.advanceTimersByTime(1);
  expect(stalls).toBe(1);
  vi.advanceTimersByTime(600_000);
  expect(stalls).toBe(1);
  expect(outcomes).toEqual([]);
  post(finish);
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  expect(outcomes).toEqual([{ type: "code", code: "AQB", finish }]);
});

test("a FINISH after a minute stops the watchdog; the code gets its 20 s from there", () => {
  start();
  vi.advanceTimersByTime(60_000);
  post(finish);
  vi.advanceTimersByTime(19_999);
  expect(outcomes).toEqual([]);
  vi.advanceTimersByTime(600_000);
  expect(outcomes).toEqual([{ type: "incomplete" }]);
  expect(stalls).toBe(0);
});
