import { describe, expect, test } from "vitest";
import { isAllowedEmbeddedSignupOrigin, parseEmbeddedSignupMessage } from "./embedded-signup.js";

// Every payload Meta documents (facts §1.5), as a JSON string the way the popup posts it.
type Payload = { event: string; type: string; version?: number; data: Record<string, unknown> };
const documented: [string, Payload][] = [
  [
    "FINISH (v4, with optional product ids)",
    {
      data: {
        phone_number_id: "106540352242922",
        waba_id: "524126980791429",
        business_id: "2729063490586005",
        ad_account_ids: ["111"],
        page_ids: ["222"],
        dataset_ids: ["333"],
      },
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH",
    },
  ],
  [
    "FINISH without business_id",
    { data: { phone_number_id: "1", waba_id: "2" }, type: "WA_EMBEDDED_SIGNUP", event: "FINISH" },
  ],
  [
    "FINISH_ONLY_WABA",
    {
      data: { waba_id: "524126980791429" },
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH_ONLY_WABA",
      version: 3,
    },
  ],
  [
    "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
    {
      data: { waba_id: "524126980791429" },
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
      version: 3,
    },
  ],
  [
    "FINISH_GRANT_ONLY_API_ACCESS",
    {
      data: { phone_number_id: "1", waba_id: "2", business_id: "3" },
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH_GRANT_ONLY_API_ACCESS",
    },
  ],
  ...(
    [
      "BUSINESS_ACCOUNT_SELECTION",
      "WABA_PHONE_PROFILE_PICKER",
      "WHATSAPP_BUSINESS_PROFILE_SETUP",
      "PHONE_NUMBER_SETUP",
      "PHONE_NUMBER_VERIFICATION",
      "PERMISSIONS",
    ] as const
  ).map((step): [string, Payload] => [
    `CANCEL at ${step}`,
    { data: { current_step: step }, type: "WA_EMBEDDED_SIGNUP", event: "CANCEL" },
  ]),
  [
    "CANCEL with a reported error",
    {
      data: {
        error_message:
          "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
        error_id: "524126",
        session_id: "f34b51dab5e0498",
        timestamp: "1746041036",
      },
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
    },
  ],
];

describe("parseEmbeddedSignupMessage", () => {
  test.each(documented)("accepts %s as a JSON string", (_name, payload) => {
    const result = parseEmbeddedSignupMessage(JSON.stringify(payload));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.message.event).toBe(payload.event);
  });

  test.each(documented)("accepts %s as an object", (_name, payload) => {
    expect(parseEmbeddedSignupMessage(payload).ok).toBe(true);
  });

  test("ignores unknown extra fields and drops them", () => {
    const result = parseEmbeddedSignupMessage({
      type: "WA_EMBEDDED_SIGNUP",
      event: "FINISH",
      extra: 1,
      data: { phone_number_id: "1", waba_id: "2", catalog_ids: ["9"] },
    });
    expect(result).toEqual({
      ok: true,
      message: {
        type: "WA_EMBEDDED_SIGNUP",
        event: "FINISH",
        data: { phone_number_id: "1", waba_id: "2" },
      },
    });
  });

  // Meta advises matching `event.startsWith('FINISH')` and its screens and error fields vary
  // (facts §1.5): what a robust listener takes must not be dropped.
  test("takes an undocumented FINISH_* event as a finish with its ids", () => {
    const result = parseEmbeddedSignupMessage(
      JSON.stringify({
        type: "WA_EMBEDDED_SIGNUP",
        event: "FINISH_OBO_MIGRATION",
        data: { phone_number_id: "1", waba_id: "2", business_id: "3", catalog_ids: ["4"] },
      }),
    );
    expect(result).toEqual({
      ok: true,
      message: {
        type: "WA_EMBEDDED_SIGNUP",
        event: "FINISH_OBO_MIGRATION",
        data: { phone_number_id: "1", waba_id: "2", business_id: "3" },
      },
    });
  });

  test("takes a CANCEL at a screen Meta added later, with its name", () => {
    const result = parseEmbeddedSignupMessage(
      '{"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"current_step":"AD_ACCOUNT_SELECTION"}}',
    );
    expect(result.ok && result.message.data).toEqual({ current_step: "AD_ACCOUNT_SELECTION" });
  });

  test.each([
    ["without error_id, session_id and timestamp", {}, {}],
    [
      "with a numeric error_id and timestamp",
      { error_id: 524126, session_id: "f3", timestamp: 1746041036 },
      { error_id: "524126", session_id: "f3", timestamp: "1746041036" },
    ],
  ])("keeps Meta's error_message of an error-shaped CANCEL %s", (_name, fields, read) => {
    const message = "You have guessed too many times.";
    const result = parseEmbeddedSignupMessage({
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
      data: { error_message: message, ...fields },
    });
    expect(result.ok && result.message.data).toEqual({ error_message: message, ...read });
  });

  test("reads a CANCEL with both a step and Meta's error as the error", () => {
    const result = parseEmbeddedSignupMessage({
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
      data: { current_step: "PHONE_NUMBER_SETUP", error_message: "Blocked.", error_id: "1" },
    });
    expect(result.ok && result.message.data).toEqual({ error_message: "Blocked.", error_id: "1" });
  });

  const hostile: [string, unknown][] = [
    ["non-JSON text", "{not json"],
    ["an empty string", ""],
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
    ["an array", [{ type: "WA_EMBEDDED_SIGNUP" }]],
    ["another message type", JSON.stringify({ type: "SOMETHING_ELSE", event: "FINISH" })],
    ["an undocumented event", { type: "WA_EMBEDDED_SIGNUP", event: "ERROR", data: {} }],
    ["FINISH without data", { type: "WA_EMBEDDED_SIGNUP", event: "FINISH" }],
    [
      "FINISH with numeric ids",
      { type: "WA_EMBEDDED_SIGNUP", event: "FINISH", data: { phone_number_id: 1, waba_id: 2 } },
    ],
    [
      "FINISH with a non-numeric id",
      {
        type: "WA_EMBEDDED_SIGNUP",
        event: "FINISH",
        data: { phone_number_id: "1; DROP", waba_id: "2" },
      },
    ],
    [
      "CANCEL with a step that is no screen name",
      { type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", data: { current_step: "<b>nope</b>" } },
    ],
    [
      "a 1 MB JSON string",
      JSON.stringify({
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
        data: { current_step: "x".repeat(1_000_000) },
      }),
    ],
    [
      "an object with a 1 MB error message",
      {
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
        data: {
          error_message: "x".repeat(1_000_000),
          error_id: "1",
          session_id: "s",
          timestamp: "1",
        },
      },
    ],
    ["__proto__ keys", '{"__proto__":{"type":"WA_EMBEDDED_SIGNUP","event":"FINISH"},"data":{}}'],
    [
      "a throwing getter",
      Object.defineProperty({}, "type", {
        get() {
          throw new Error("boom");
        },
      }),
    ],
  ];

  test.each(hostile)("rejects %s with a reason, without throwing", (_name, input) => {
    const result = parseEmbeddedSignupMessage(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\w/);
  });

  test("__proto__ keys do not pollute Object.prototype", () => {
    parseEmbeddedSignupMessage(
      '{"__proto__":{"polluted":true},"type":"WA_EMBEDDED_SIGNUP","event":"CANCEL","data":{"current_step":"PERMISSIONS"}}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("isAllowedEmbeddedSignupOrigin", () => {
  test.each([
    ["https://www.facebook.com", true],
    ["https://web.facebook.com", true],
    ["https://facebook.com", true],
    ["https://business.facebook.com", true],
    ["http://www.facebook.com", false],
    ["https://evilfacebook.com", false],
    ["https://facebook.com.evil.com", false],
    ["https://www.facebook.com:8443", false],
    ["https://www.facebook.com/path", false],
    ["null", false],
    ["", false],
    ["javascript:alert(1)", false],
  ])("%s → %s by default", (origin, allowed) => {
    expect(isAllowedEmbeddedSignupOrigin(origin)).toBe(allowed);
  });

  test("an explicit allow-list replaces the rule (the sandbox)", () => {
    const list = ["http://127.0.0.1:4010"];
    expect(isAllowedEmbeddedSignupOrigin("http://127.0.0.1:4010", list)).toBe(true);
    expect(isAllowedEmbeddedSignupOrigin("http://127.0.0.1:4011", list)).toBe(false);
    expect(isAllowedEmbeddedSignupOrigin("https://www.facebook.com", list)).toBe(false);
  });

  test("non-strings are refused", () => {
    expect(isAllowedEmbeddedSignupOrigin(undefined)).toBe(false);
    expect(isAllowedEmbeddedSignupOrigin({ toString: () => "https://www.facebook.com" })).toBe(
      false,
    );
  });
});
