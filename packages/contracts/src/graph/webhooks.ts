import * as z from "zod/mini";
import { QualityRatingSchema } from "./enums.js";

/**
 * `account_update` value (facts §5.3). PARTNER_ADDED / PARTNER_APP_INSTALLED fire when a customer
 * finishes Embedded Signup.
 *
 * @example
 * AccountUpdateValueSchema.parse({ event: "PARTNER_ADDED", waba_info: { waba_id: "1", owner_business_id: "2" } });
 */
export const AccountUpdateValueSchema = z.looseObject({
  event: z.string(),
  waba_info: z.optional(
    z.looseObject({
      waba_id: z.string(),
      owner_business_id: z.optional(z.string()),
      partner_app_id: z.optional(z.string()),
    }),
  ),
});

/**
 * `message_template_status_update` value (facts §5.4); the template id is a number here.
 *
 * @example
 * TemplateStatusUpdateValueSchema.parse({ event: "APPROVED", message_template_id: 1, message_template_name: "x", message_template_language: "en_US", reason: "NONE" });
 */
export const TemplateStatusUpdateValueSchema = z.looseObject({
  event: z.string(),
  message_template_id: z.union([z.number(), z.string()]),
  message_template_name: z.string(),
  message_template_language: z.string(),
  reason: z.optional(z.nullable(z.string())),
  message_template_category: z.optional(z.string()),
});

/**
 * `message_template_quality_update` value (facts §5.5).
 *
 * @example
 * TemplateQualityUpdateValueSchema.parse({ previous_quality_score: "GREEN", new_quality_score: "YELLOW", message_template_id: 1, message_template_name: "x", message_template_language: "en_US" });
 */
export const TemplateQualityUpdateValueSchema = z.looseObject({
  previous_quality_score: z.optional(QualityRatingSchema),
  new_quality_score: QualityRatingSchema,
  message_template_id: z.union([z.number(), z.string()]),
  message_template_name: z.string(),
  message_template_language: z.string(),
});

/**
 * `template_category_update` value (facts §5.8): `new_category` is the template's category now
 * (an impending change also names `correct_category` and when it applies).
 *
 * @example
 * TemplateCategoryUpdateValueSchema.parse({ message_template_id: 1, message_template_name: "x", message_template_language: "en_US", new_category: "MARKETING" });
 */
export const TemplateCategoryUpdateValueSchema = z.looseObject({
  message_template_id: z.union([z.number(), z.string()]),
  message_template_name: z.string(),
  message_template_language: z.string(),
  new_category: z.string(),
  previous_category: z.optional(z.string()),
  correct_category: z.optional(z.string()),
});

/**
 * `phone_number_name_update` value (facts §5.6).
 *
 * @example
 * PhoneNameUpdateValueSchema.parse({ display_phone_number: "16505551111", decision: "APPROVED", requested_verified_name: "Acme" });
 */
export const PhoneNameUpdateValueSchema = z.looseObject({
  display_phone_number: z.string(),
  decision: z.string(),
  requested_verified_name: z.optional(z.string()),
  rejection_reason: z.optional(z.nullable(z.string())),
});

/**
 * One change inside a webhook entry; `value` is parsed per `field` by the receiver.
 *
 * @example
 * WebhookChangeSchema.parse({ field: "account_update", value: { event: "PARTNER_ADDED" } });
 */
export const WebhookChangeSchema = z.object({
  field: z.string(),
  value: z.unknown(),
});

/**
 * The envelope of every WhatsApp Business Account webhook POST (facts §5.2).
 *
 * @example
 * WebhookEnvelopeSchema.parse({ object: "whatsapp_business_account", entry: [{ id: "1", time: 1, changes: [] }] });
 */
export const WebhookEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.optional(z.number()),
      changes: z.array(WebhookChangeSchema),
    }),
  ),
});
/**
 * See {@link WebhookEnvelopeSchema}.
 *
 * @example
 * const fields = (body: WebhookEnvelope) => body.entry.flatMap((e) => e.changes.map((c) => c.field));
 */
export type WebhookEnvelope = z.infer<typeof WebhookEnvelopeSchema>;

/**
 * Webhook fields the kit applies, so the app must be subscribed to each (`GET /doctor` checks it):
 * Meta sends only the fields ticked in the App Dashboard.
 *
 * @example
 * WEBHOOK_FIELDS.includes("template_category_update"); // true
 */
export const WEBHOOK_FIELDS = [
  "account_update",
  "message_template_status_update",
  "message_template_quality_update",
  "phone_number_name_update",
  "template_category_update",
] as const;
