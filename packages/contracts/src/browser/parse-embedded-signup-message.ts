import { ES_STEPS } from "../closed-lists.js";
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

const graphId = pattern(/^\d{1,32}$/);
const ids = optional(maxLength(array(graphId), 100));
const text = (max: number) => maxLength(string, max);
const wabaFirst = object({
  waba_id: graphId,
  phone_number_id: optional(graphId),
  business_id: optional(graphId),
});
const envelope = <D>(event: string, data: Check<D>) =>
  object({
    type: oneOf(["WA_EMBEDDED_SIGNUP"]),
    event: oneOf([event]),
    version: optional(union(number, text(20))),
    data,
  });

// Field for field `EmbeddedSignupMessageSchema` (embedded-signup.ts). A union of options that each
// require their own `event` accepts what the discriminated union does; the property test proves it.
const message = union(
  envelope(
    "FINISH",
    object({
      phone_number_id: graphId,
      waba_id: graphId,
      business_id: optional(graphId),
      ad_account_ids: ids,
      page_ids: ids,
      dataset_ids: ids,
    }),
  ),
  envelope("FINISH_ONLY_WABA", wabaFirst),
  envelope("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", wabaFirst),
  envelope(
    "FINISH_GRANT_ONLY_API_ACCESS",
    object({ phone_number_id: graphId, waba_id: graphId, business_id: graphId }),
  ),
  envelope(
    "CANCEL",
    union(
      object({ current_step: oneOf(ES_STEPS) }),
      object({
        error_message: text(2000),
        error_id: text(100),
        session_id: text(200),
        timestamp: text(30),
      }),
    ),
  ),
) as unknown as Check<EmbeddedSignupMessage>;

/**
 * Parses a `message` event's `data`: a JSON string (what Meta sends) or an already parsed object.
 * Never throws; anything that is not a documented `WA_EMBEDDED_SIGNUP` message gives a reason. The
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
