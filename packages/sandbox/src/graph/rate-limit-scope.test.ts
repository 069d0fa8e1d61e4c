import { expect, test } from "vitest";
import { type Harness, startSandbox } from "../test-support/sandbox-harness.js";

// Meta's WABA rate limit (200/h, 5,000/h once active) covers a listed set of endpoints (facts
// §4.4): GET /<WABA>, assigned_users, GET phone_numbers, message_templates, subscribed_apps,
// GET /<PHONE_NUMBER_ID>; and template migration calls count too (facts §2.1, §2.3). In
// `rate-limited` every customer WABA has spent its hour: those endpoints answer 80007, the others
// are answered by the operation itself and carry no business-use-case usage.

interface Ids {
  dest: string;
  source: string;
  phone: string;
  template: string;
  business: string;
}
type Request = [method: string, path: (ids: Ids) => string, body?: Record<string, unknown>];

const CHARGED: [string, ...Request][] = [
  ["GET /{waba}", "GET", (i) => `/${i.dest}`],
  ["GET /{waba}/phone_numbers", "GET", (i) => `/${i.dest}/phone_numbers`],
  ["GET /{waba}/message_templates", "GET", (i) => `/${i.dest}/message_templates`],
  ["POST /{waba}/subscribed_apps", "POST", (i) => `/${i.dest}/subscribed_apps`],
  ["GET /{waba}/assigned_users", "GET", (i) => `/${i.dest}/assigned_users?business=${i.business}`],
  [
    "POST /{waba}/migrate_message_templates",
    "POST",
    (i) => `/${i.dest}/migrate_message_templates`,
    { source_waba_id: "" },
  ],
  ["GET /{phone}", "GET", (i) => `/${i.phone}`],
];

const REGISTER = { messaging_product: "whatsapp", pin: "246810" };

// What each answers instead of 80007 (the operation's own answer: register without a subscribed
// app is 100/2388103, request_code and verify_code on a number not being migrated 136024).
const NOT_CHARGED: [string, ...Request, number, number | undefined][] = [
  ["POST /{phone}/register", "POST", (i) => `/${i.phone}/register`, REGISTER, 400, 100],
  ["POST /{phone}/deregister", "POST", (i) => `/${i.phone}/deregister`, undefined, 200, undefined],
  [
    "POST /{phone}/request_code",
    "POST",
    (i) => `/${i.phone}/request_code`,
    { code_method: "SMS", language: "en_US" },
    400,
    136024,
  ],
  [
    "POST /{phone}/verify_code",
    "POST",
    (i) => `/${i.phone}/verify_code`,
    { code: "123456" },
    400,
    136024,
  ],
  ["POST /{phone} {pin}", "POST", (i) => `/${i.phone}`, { pin: "135791" }, 200, undefined],
  [
    "POST /{waba}/phone_numbers",
    "POST",
    (i) => `/${i.dest}/phone_numbers`,
    { cc: "44", phone_number: "7700900123", verified_name: "Wind & Wool UK" },
    200,
    undefined,
  ],
  ["GET /{template}", "GET", (i) => `/${i.template}`, undefined, 200, undefined],
];

async function exhausted(): Promise<{ h: Harness; token: string; ids: Ids }> {
  const h = await startSandbox("rate-limited");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const { state } = h.graph.sandbox;
  const source = state.customer.sourceWabaId;
  const template = state.templatesOf(source)[0]?.id as string;
  const ids = {
    dest: signup.waba_id,
    source,
    phone: signup.phone_number_id as string,
    template,
    business: state.customer.businessId,
  };
  return { h, token, ids };
}

test.each(CHARGED)("%s is in Meta's WABA rate limit: 80007", async (_name, method, path, body) => {
  const { h, token, ids } = await exhausted();
  const answer = await h.call(method, `/v26.0${path(ids)}`, { token, body });
  expect(answer.body.error).toMatchObject({ code: 80007 });
  expect(answer.headers.get("x-business-use-case-usage")).not.toBeNull();
});

test.each(NOT_CHARGED)(
  "%s is not in Meta's WABA rate limit: answered by the operation",
  async (_name, method, path, body, status, code) => {
    const { h, token, ids } = await exhausted();
    const answer = await h.call(method, `/v26.0${path(ids)}`, { token, body });
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.headers.get("x-business-use-case-usage")).toBeNull();
    expect(answer.headers.get("x-app-usage")).not.toBeNull();
  },
);
