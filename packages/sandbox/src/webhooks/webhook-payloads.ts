import type { PhoneRecord, TemplateRecord } from "../state/types.js";

/** The envelope of every WhatsApp Business Account webhook (facts §5.2). */
export interface WebhookEnvelope {
  object: "whatsapp_business_account";
  /** `time` is left out (undefined) on an entry of `messages` changes. */
  entry: { id: string; time?: number; changes: { field: string; value: unknown }[] }[];
}

// Facts §5.2: "`time` is present on WABA-level fields; `messages` payloads omit it", as Meta's
// messages webhook reference shows its entries: `{id, changes}`.
function entryTime(field: string, time: number): number | undefined {
  return field === "messages" ? undefined : time;
}

/**
 * Wraps one change in Meta's envelope.
 *
 * @example
 * envelope("102290129340398", 1739321024, "account_update", { event: "PARTNER_ADDED" });
 */
export function envelope(
  entryId: string,
  time: number,
  field: string,
  value: unknown,
): WebhookEnvelope {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: entryId, time: entryTime(field, time), changes: [{ field, value }] }],
  };
}

/**
 * Adds one change to a batch (facts §5.1: up to 1,000 updates per POST): into the entry of the
 * same account and time, else a new entry, since `entry.time` belongs to the entry.
 *
 * @example
 * const batch = envelope(wabaId, now, "message_template_status_update", first);
 * addChange(batch, wabaId, now, "message_template_status_update", second); // one entry, two changes
 */
export function addChange(
  batch: WebhookEnvelope,
  entryId: string,
  time: number,
  field: string,
  value: unknown,
): void {
  const at = entryTime(field, time);
  const entry = batch.entry.find((e) => e.id === entryId && e.time === at);
  if (entry) entry.changes.push({ field, value });
  else batch.entry.push({ id: entryId, time: at, changes: [{ field, value }] });
}

/**
 * The JSON body Meta would send for `envelope`: template ids as numbers, written digit for digit,
 * and every non-ASCII character escaped as `\uXXXX` with lowercase hex (UTF-16 units, so emoji are
 * surrogate pairs). Meta signs that escaped form (Graph API Webhooks, "Validate Payloads": `äöå`
 * is `\u00e4\u00f6\u00e5`), so a receiver must HMAC the raw bytes; one that re-serialises the
 * parsed JSON fails on the first umlaut, as it would with Meta.
 *
 * @example
 * webhookBody(envelope(wabaId, now, "message_template_status_update", value));
 */
export function webhookBody(value: WebhookEnvelope): string {
  return JSON.stringify(value)
    .replace(/"message_template_id":"(\d+)"/g, '"message_template_id":$1')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `account_update` PARTNER_ADDED / PARTNER_APP_INSTALLED (facts §5.3); no solution ids (not a Multi-Partner Solution). */
export function accountUpdateValue(
  event: "PARTNER_ADDED" | "PARTNER_APP_INSTALLED",
  wabaId: string,
  ownerBusinessId: string,
  partnerAppId: string,
): Record<string, unknown> {
  const waba_info: Record<string, unknown> = {
    waba_id: wabaId,
    owner_business_id: ownerBusinessId,
  };
  if (event === "PARTNER_APP_INSTALLED") waba_info.partner_app_id = partnerAppId;
  return { event, waba_info };
}

/**
 * `message_template_status_update` (facts §5.4). The template id is a JSON number in Meta's body;
 * it is kept as its digits here and {@link webhookBody} writes it unquoted, since a JavaScript
 * number would round the 16-digit ids above 2^53.
 */
export function templateStatusValue(
  template: TemplateRecord,
  reason: "NONE" | "INCORRECT_CATEGORY",
): Record<string, unknown> {
  return {
    event: template.status,
    message_template_id: template.id,
    message_template_name: template.name,
    message_template_language: template.language,
    reason,
    message_template_category: template.category,
  };
}

/** `message_template_quality_update` (facts §5.5). */
export function templateQualityValue(
  template: TemplateRecord,
  previous: string,
): Record<string, unknown> {
  return {
    previous_quality_score: previous,
    new_quality_score: template.quality.score,
    message_template_id: template.id,
    message_template_name: template.name,
    message_template_language: template.language,
  };
}

/** `phone_number_name_update` (facts §5.6). */
export function phoneNameValue(
  phone: PhoneRecord,
  decision: "APPROVED" | "REJECTED",
  requestedName: string,
): Record<string, unknown> {
  return {
    display_phone_number: `${phone.cc}${phone.phoneNumber}`,
    decision,
    requested_verified_name: requestedName,
    rejection_reason: decision === "APPROVED" ? null : "UNKNOWN",
  };
}

/** A customer's text message as Meta receives it (what the `messages` webhook reports). */
export interface CustomerTextMessage {
  /** The customer's WhatsApp id, digits only (`wa_id`, `from`). */
  from: string;
  /** Their WhatsApp profile name. */
  name: string;
  /** `wamid.` id Meta gives the message. */
  id: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  body: string;
}

/**
 * `messages` for a text a customer sent to the number (Meta, "Text messages webhook reference"):
 * the business number in `metadata`, the sender in `contacts`, the message in `messages`.
 *
 * @example
 * textMessageValue(phone, { from: "16505551234", name: "Sheena Nelson", id, timestamp, body: "Hi" });
 */
export function textMessageValue(
  phone: PhoneRecord,
  message: CustomerTextMessage,
): Record<string, unknown> {
  return {
    messaging_product: "whatsapp",
    metadata: {
      display_phone_number: `${phone.cc}${phone.phoneNumber}`,
      phone_number_id: phone.id,
    },
    contacts: [{ profile: { name: message.name }, wa_id: message.from }],
    messages: [
      {
        from: message.from,
        id: message.id,
        timestamp: message.timestamp,
        type: "text",
        text: { body: message.body },
      },
    ],
  };
}
