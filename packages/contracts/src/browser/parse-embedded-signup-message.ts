import type { EmbeddedSignupMessage, EmbeddedSignupParseResult } from "../embedded-signup.js";
import {
  array,
  type Check,
  check,
  maxLength,
  number,
  object,
  oneOf,
  optional,
  pattern,
  string,
  union,
} from "./lean-check.js";

/**
 * Larger payloads are refused before `JSON.parse` (Meta's messages are a few hundred bytes).
 *
 * @example
 * typeof event.data === "string" && event.data.length > MAX_ES_MESSAGE_LENGTH; // ignored
 */
export const MAX_ES_MESSAGE_LENGTH = 16_384;

/**
 * A `current_step` the kit accepts: Meta's documented screens (`ES_STEPS`) and any later one in
 * the same form, as Meta has never promised a closed list (decision 005).
 *
 * @example
 * ES_STEP_NAME.test("AD_ACCOUNT_SELECTION"); // true
 */
export const ES_STEP_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * A `FINISH_*` event Meta has not documented (yet): taken as a finish with its ids, as Meta's
 * facts advise (`event.startsWith('FINISH')`, facts §1.5).
 *
 * @example
 * ES_OTHER_FINISH.test("FINISH_OBO_MIGRATION"); // true
 */
export const ES_OTHER_FINISH = /^FINISH_[A-Z0-9_]{1,64}$/;

const graphId = pattern(/^\d{1,32}$/);
const ids = optional(maxLength(array(graphId), 100));
const text = (max: number) => maxLength(string, max);
const wabaFirst = object({
  waba_id: graphId,
  phone_number_id: optional(graphId),
  business_id: optional(graphId),
});
// Numbers are taken too and read as their decimal string (`error_id: 524126` has been seen).
const textOrNumber = (max: number) => union(text(max), (v) => String(number(v)));
const envelope = <D>(event: Check<unknown>, data: Check<D>) =>
  object({
    type: oneOf(["WA_EMBEDDED_SIGNUP"]),
    event,
    version: optional(union(number, text(20))),
    data,
  });

// Field for field `EmbeddedSignupMessageSchema` (embedded-signup.ts), in the same order (the first
// option that fits wins in both); the property test proves they agree.
const message = union(
  envelope(
    oneOf(["FINISH"]),
    object({
      phone_number_id: graphId,
      waba_id: graphId,
      business_id: optional(graphId),
      ad_account_ids: ids,
      page_ids: ids,
      dataset_ids: ids,
    }),
  ),
  envelope(
    oneOf(["FINISH_GRANT_ONLY_API_ACCESS"]),
    object({ phone_number_id: graphId, waba_id: graphId, business_id: graphId }),
  ),
  // `FINISH_ONLY_WABA`, `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING` and any later `FINISH_*`: the
  // zod schemas list the two documented ones apart, with the same shape and so the same result.
  envelope(pattern(ES_OTHER_FINISH), wabaFirst),
  envelope(
    oneOf(["CANCEL"]),
    union(
      // Meta's words first: they are what the customer needs, whatever else the message lacks.
      object({
        error_message: text(2000),
        error_id: optional(textOrNumber(100)),
        session_id: optional(text(200)),
        timestamp: optional(textOrNumber(30)),
      }),
      object({ current_step: pattern(ES_STEP_NAME) }),
    ),
  ),
) as unknown as Check<EmbeddedSignupMessage>;

/**
 * Parses a `message` event's `data`: a JSON string (what Meta sends) or an already parsed object.
 * Never throws; anything that is not a `WA_EMBEDDED_SIGNUP` message of a known shape gives a reason. The
 * browser twin of the zod-based function of the same name: same answers, without zod.
 *
 * @example
 * const result = parseEmbeddedSignupMessage(event.data);
 * if (result.ok && result.message.event === "FINISH") console.log(result.message.data.waba_id);
 */
export function parseEmbeddedSignupMessage(input: unknown): EmbeddedSignupParseResult {
  let value: unknown = input;
  if (typeof input === "string") {
    if (input.length > MAX_ES_MESSAGE_LENGTH) return { ok: false, reason: "message too long" };
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, reason: "not JSON" };
    }
  }
  const parsed = check(message, value);
  return parsed ? { ok: true, message: parsed } : { ok: false, reason: "not a documented message" };
}
