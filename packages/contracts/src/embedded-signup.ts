import * as z from "zod/mini";
import {
  ES_OTHER_FINISH,
  ES_STEP_NAME,
  MAX_ES_MESSAGE_LENGTH,
} from "./browser/parse-embedded-signup-message.js";

// The browser twin of this module (no zod, same accept/reject, proven by a property test) is
// browser/parse-embedded-signup-message.ts; the origin check lives beside it.
export { isAllowedEmbeddedSignupOrigin } from "./browser/is-allowed-embedded-signup-origin.js";
export { ES_OTHER_FINISH, ES_STEP_NAME, MAX_ES_MESSAGE_LENGTH };

// Shapes of Meta's Embedded Signup session-logging messages (facts §1.5). Extra fields Meta adds are
// ignored (objects strip unknown keys); everything else is rejected with a reason, never thrown.
// Where Meta's own advice is looser than its samples (a `FINISH_*` prefix, screens and error fields
// that may change), the schemas take what a robust listener would, so no result is dropped.

const GraphId = z.string().check(z.regex(/^\d{1,32}$/));
const IdList = z.optional(z.array(GraphId).check(z.maxLength(100)));
const Text = z.string().check(z.maxLength(2000));
const Version = z.optional(z.union([z.number(), z.string().check(z.maxLength(20))]));
const Type = z.literal("WA_EMBEDDED_SIGNUP");
const WabaFirst = z.object({
  waba_id: GraphId,
  phone_number_id: z.optional(GraphId),
  business_id: z.optional(GraphId),
});
// A number is read as its decimal string (a numeric `error_id` has been seen).
const TextOrNumber = (max: number) =>
  z.union([z.string().check(z.maxLength(max)), z.pipe(z.number(), z.transform(String))]);

/**
 * `FINISH`: the Cloud API flow finished with a WABA and a phone number.
 *
 * @example
 * EsFinishSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH", data: { phone_number_id: "106540352242922", waba_id: "524126980791429" } });
 */
export const EsFinishSchema = z.object({
  type: Type,
  event: z.literal("FINISH"),
  version: Version,
  data: z.object({
    phone_number_id: GraphId,
    waba_id: GraphId,
    business_id: z.optional(GraphId),
    ad_account_ids: IdList,
    page_ids: IdList,
    dataset_ids: IdList,
  }),
});

/**
 * `FINISH_ONLY_WABA`: a WABA was shared without a phone number.
 *
 * @example
 * EsFinishOnlyWabaSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH_ONLY_WABA", data: { waba_id: "524126980791429" } });
 */
export const EsFinishOnlyWabaSchema = z.object({
  type: Type,
  event: z.literal("FINISH_ONLY_WABA"),
  version: Version,
  data: WabaFirst,
});

/**
 * `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING`: coexistence onboarding of a WhatsApp Business app number.
 *
 * @example
 * EsFinishAppOnboardingSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", version: 3, data: { waba_id: "524126980791429" } });
 */
export const EsFinishAppOnboardingSchema = z.object({
  type: Type,
  event: z.literal("FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"),
  version: Version,
  data: WabaFirst,
});

/**
 * `FINISH_GRANT_ONLY_API_ACCESS`: the app_only_install feature.
 *
 * @example
 * EsFinishGrantOnlySchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH_GRANT_ONLY_API_ACCESS", data: { phone_number_id: "1", waba_id: "2", business_id: "3" } });
 */
export const EsFinishGrantOnlySchema = z.object({
  type: Type,
  event: z.literal("FINISH_GRANT_ONLY_API_ACCESS"),
  version: Version,
  data: z.object({ phone_number_id: GraphId, waba_id: GraphId, business_id: GraphId }),
});

/**
 * Any other `FINISH_*` event (`FINISH_OBO_MIGRATION` is seen in public code): a finish with the
 * WABA and whatever other ids it carries, as Meta advises matching the prefix (facts §1.5).
 *
 * @example
 * EsFinishOtherSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "FINISH_OBO_MIGRATION", data: { waba_id: "524126980791429" } });
 */
export const EsFinishOtherSchema = z.object({
  type: Type,
  event: z.custom<`FINISH_${string}`>((v) => typeof v === "string" && ES_OTHER_FINISH.test(v)),
  version: Version,
  data: WabaFirst,
});

/**
 * `CANCEL` because the customer left: the screen where it happened, one of `ES_STEPS` or a later
 * screen Meta added (shown by its own name).
 *
 * @example
 * EsCancelStepDataSchema.parse({ current_step: "PHONE_NUMBER_VERIFICATION" });
 */
export const EsCancelStepDataSchema = z.object({
  current_step: z.string().check(z.regex(ES_STEP_NAME)),
});
/**
 * `CANCEL` because of an error the customer reported (Meta sends CANCEL, not ERROR). Only Meta's
 * words are required: an id, session or time missing (or a number) must not lose them.
 *
 * @example
 * EsCancelErrorDataSchema.parse({ error_message: "You have guessed too many times.", error_id: 524126 }).error_id; // "524126"
 */
export const EsCancelErrorDataSchema = z.object({
  error_message: Text,
  error_id: z.optional(TextOrNumber(100)),
  session_id: z.optional(z.string().check(z.maxLength(200))),
  timestamp: z.optional(TextOrNumber(30)),
});

/**
 * `CANCEL`, either shape; a message with both is read as the error (Meta's words win).
 *
 * @example
 * EsCancelSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", version: 3, data: { current_step: "PERMISSIONS" } });
 */
export const EsCancelSchema = z.object({
  type: Type,
  event: z.literal("CANCEL"),
  version: Version,
  data: z.union([EsCancelErrorDataSchema, EsCancelStepDataSchema]),
});

/**
 * Every `WA_EMBEDDED_SIGNUP` message the kit reads: the documented ones by `event`, then any other
 * `FINISH_*` (the first option that fits wins).
 *
 * @example
 * EmbeddedSignupMessageSchema.parse({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", data: { current_step: "PERMISSIONS" } });
 */
export const EmbeddedSignupMessageSchema = z.union([
  EsFinishSchema,
  EsFinishOnlyWabaSchema,
  EsFinishAppOnboardingSchema,
  EsFinishGrantOnlySchema,
  EsFinishOtherSchema,
  EsCancelSchema,
]);
/**
 * See {@link EmbeddedSignupMessageSchema}.
 *
 * @example
 * const result = parseEmbeddedSignupMessage(event.data);
 * if (result.ok) { const message: EmbeddedSignupMessage = result.message; console.log(message.event); }
 */
export type EmbeddedSignupMessage = z.infer<typeof EmbeddedSignupMessageSchema>;
/**
 * A finish message of any kind.
 *
 * @example
 * const isFinish = (m: EmbeddedSignupMessage): m is EmbeddedSignupFinish => m.event !== "CANCEL";
 */
export type EmbeddedSignupFinish = Exclude<EmbeddedSignupMessage, { event: "CANCEL" }>;
/**
 * A cancel message of either kind.
 *
 * @example
 * const left = (m: EmbeddedSignupCancel) => ("current_step" in m.data ? m.data.current_step : m.data.error_message);
 */
export type EmbeddedSignupCancel = Extract<EmbeddedSignupMessage, { event: "CANCEL" }>;

/**
 * Result of {@link parseEmbeddedSignupMessage}: the message, or why it is not one.
 *
 * @example
 * const result: EmbeddedSignupParseResult = parseEmbeddedSignupMessage(event.data);
 * if (!result.ok) console.debug("not an Embedded Signup message:", result.reason);
 */
export type EmbeddedSignupParseResult =
  | { ok: true; message: EmbeddedSignupMessage }
  | { ok: false; reason: string };

/**
 * Parses a `message` event's `data`: a JSON string (what Meta sends) or an already parsed object.
 * Never throws; anything that is not a `WA_EMBEDDED_SIGNUP` message of a known shape gives a reason.
 *
 * @example
 * window.addEventListener("message", (event) => {
 *   if (!isAllowedEmbeddedSignupOrigin(event.origin)) return;
 *   const result = parseEmbeddedSignupMessage(event.data);
 *   if (result.ok && result.message.event === "FINISH") console.log(result.message.data.waba_id);
 * });
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
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "not an object" };
  }
  try {
    if ((value as { type?: unknown }).type !== "WA_EMBEDDED_SIGNUP") {
      return { ok: false, reason: "not a WA_EMBEDDED_SIGNUP message" };
    }
    const parsed = EmbeddedSignupMessageSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "message";
      return { ok: false, reason: `invalid ${where}: ${issue?.message ?? "unknown"}` };
    }
    return { ok: true, message: parsed.data };
  } catch {
    // A hostile object (throwing getter, proxy) must not break the listener.
    return { ok: false, reason: "unreadable object" };
  }
}
