import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ES_STEPS } from "../closed-lists.js";
import { parseEmbeddedSignupMessage as viaZod } from "../embedded-signup.js";
import { hostileVariants, variantOf } from "../test-support/hostile-variants.js";
import { parseEmbeddedSignupMessage } from "./parse-embedded-signup-message.js";

// The browser's lean parser must accept exactly the messages the zod-based one accepts, with the
// same result, on objects and on the JSON strings Meta posts.
function agree(input: unknown) {
  const lean = parseEmbeddedSignupMessage(input);
  const zod = viaZod(input);
  expect(lean.ok).toBe(zod.ok);
  if (lean.ok && zod.ok) expect(lean.message).toStrictEqual(zod.message);
  else if (!lean.ok) expect(lean.reason).toMatch(/\w/);
  return zod.ok;
}

const id = fc.oneof(fc.stringMatching(/^\d{1,32}$/), fc.constantFrom("1", "0".repeat(33), "12a"));
const ids = fc.array(id, { maxLength: 3 });
const version = fc.oneof(fc.integer(), fc.string({ maxLength: 22 }), fc.constant(Number.NaN));
const envelope = (event: string | fc.Arbitrary<string>, data: fc.Arbitrary<unknown>) =>
  fc.record(
    {
      type: fc.constant("WA_EMBEDDED_SIGNUP"),
      event: typeof event === "string" ? fc.constant(event) : event,
      version,
      data,
    },
    { requiredKeys: ["type", "event", "data"] },
  );
const wabaFirst = fc.record(
  { waba_id: id, phone_number_id: id, business_id: id },
  { requiredKeys: ["waba_id"] },
);
const validish = fc.oneof(
  envelope(
    "FINISH",
    fc.record(
      {
        phone_number_id: id,
        waba_id: id,
        business_id: id,
        ad_account_ids: ids,
        page_ids: ids,
        dataset_ids: fc.oneof(ids, fc.constant(Array.from({ length: 101 }, () => "1"))),
      },
      { requiredKeys: ["phone_number_id", "waba_id"] },
    ),
  ),
  envelope("FINISH_ONLY_WABA", wabaFirst),
  envelope("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", wabaFirst),
  envelope(
    "FINISH_GRANT_ONLY_API_ACCESS",
    fc.record({ phone_number_id: id, waba_id: id, business_id: id }, { requiredKeys: [] }),
  ),
  // Undocumented finishes: taken by their prefix, and look-alikes that are not.
  envelope(
    fc.constantFrom("FINISH_OBO_MIGRATION", "FINISH_", "FINISHED", "FINISH_x", "X_FINISH_A"),
    wabaFirst,
  ),
  envelope(
    "CANCEL",
    fc.oneof(
      fc.record({
        current_step: fc.oneof(
          fc.constantFrom(...ES_STEPS, "AD_ACCOUNT_SELECTION", "lower_case", "", "A".repeat(65)),
          fc.string({ maxLength: 10 }),
        ),
      }),
      fc.record(
        {
          error_message: fc.string({ maxLength: 2001 }),
          error_id: fc.oneof(fc.string({ maxLength: 101 }), fc.integer(), fc.double()),
          session_id: fc.string({ maxLength: 201 }),
          timestamp: fc.oneof(fc.string({ maxLength: 31 }), fc.integer()),
        },
        { requiredKeys: [] },
      ),
      // Both shapes at once: the first union option wins in zod, and must here too.
      fc.record({
        current_step: fc.constantFrom(...ES_STEPS, "NOT_LISTED"),
        error_message: fc.string(),
        error_id: fc.string(),
        session_id: fc.string(),
        timestamp: fc.string(),
      }),
    ),
  ),
  envelope("ERROR", fc.object()),
);

describe("the lean parseEmbeddedSignupMessage agrees with the zod one", () => {
  test("on generated messages, as objects and as JSON", () => {
    let accepted = 0;
    fc.assert(
      fc.property(validish, (m) => {
        if (agree(m)) accepted++;
        agree(JSON.stringify(m));
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  test("on messages with one change anywhere", () => {
    fc.assert(
      fc.property(variantOf(validish), (m) => {
        agree(m);
        if (m !== undefined) agree(JSON.stringify(m));
      }),
      { numRuns: 3000 },
    );
  });

  test("on arbitrary values and strings", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => void agree(v)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (v) => void agree(v)),
      { numRuns: 200 },
    );
  });

  const finish = {
    type: "WA_EMBEDDED_SIGNUP",
    event: "FINISH",
    version: 3,
    data: { phone_number_id: "1", waba_id: "2", page_ids: ["3"] },
  };
  const cancel = {
    type: "WA_EMBEDDED_SIGNUP",
    event: "CANCEL",
    data: { error_message: "e", error_id: "1", session_id: "s", timestamp: "1" },
  };
  test.each([...hostileVariants(finish), ...hostileVariants(cancel)])(
    "on hostile input: %s",
    (_name, input) => void agree(input),
  );
});
