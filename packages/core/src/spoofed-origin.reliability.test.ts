import type { EmbeddedSignupMessage } from "@wa-migrate/contracts";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { FacebookLoginResponse } from "./facebook-sdk.js";
import { type SignupOutcome, startSignupSession } from "./start-signup-session.js";

// Reliability and security suite (issue 9): a `message` event that claims to be Embedded Signup
// but comes from any origin other than Meta's is ignored by the browser flow's listener: no
// message is seen, no outcome is reported, and the session still takes Meta's real answer after.

const cancel = JSON.stringify({
  type: "WA_EMBEDDED_SIGNUP",
  event: "CANCEL",
  data: { current_step: "PHONE_NUMBER_SETUP" },
});
const finish = (wabaId: string) =>
  JSON.stringify({
    type: "WA_EMBEDDED_SIGNUP",
    event: "FINISH",
    data: { phone_number_id: "106540352242922", waba_id: wabaId, business_id: "2729063490586005" },
  });

let messages: EmbeddedSignupMessage[];
let outcomes: SignupOutcome[];
let callback: (response: FacebookLoginResponse) => void;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  messages = [];
  outcomes = [];
  stop = startSignupSession({
    window,
    onMessage: (m) => messages.push(m),
    onOutcome: (o) => outcomes.push(o),
    login: (cb) => {
      callback = cb;
    },
  }).stop;
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

test.each([
  "https://evilfacebook.com",
  "https://facebook.com.evil.example",
  "https://www.facebook.com.attacker.io",
  "http://www.facebook.com",
  "https://www.facebook.com:8443",
  "https://www.facebook.co",
  "https://xn--facebook-9ya.com",
  "null",
  "",
  "file://",
  "https://www.facebook.com/",
  "https://user@www.facebook.com",
])("a message from %j is ignored; Meta's own answer still counts", (origin) => {
  window.dispatchEvent(new MessageEvent("message", { data: cancel, origin }));
  window.dispatchEvent(new MessageEvent("message", { data: finish("666"), origin }));
  callback({ authResponse: { code: "AQB" }, status: "connected" });
  vi.advanceTimersByTime(100);
  expect(messages).toEqual([]);
  expect(outcomes).toEqual([]);

  window.dispatchEvent(
    new MessageEvent("message", {
      data: finish("524126980791429"),
      origin: "https://www.facebook.com",
    }),
  );
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({
    type: "code",
    code: "AQB",
    finish: { data: { waba_id: "524126980791429" } },
  });
});
