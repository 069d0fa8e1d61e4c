import * as z from "zod/mini";
import { PagingSchema } from "./common.js";
import {
  CodeVerificationStatusSchema,
  MessagingLimitTierSchema,
  NameStatusSchema,
  PlatformTypeSchema,
  QualityRatingSchema,
} from "./enums.js";

/**
 * `GET /{phone-number-id}?fields=...` with the fields a migration reads. `status` stays a string
 * because Meta publishes no closed list of values.
 *
 * @example
 * PhoneNumberSchema.parse({ id: "106540352242922", display_phone_number: "+1 631-555-5555", quality_rating: "GREEN" });
 */
export const PhoneNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.optional(z.string()),
  verified_name: z.optional(z.string()),
  quality_rating: z.optional(QualityRatingSchema),
  code_verification_status: z.optional(CodeVerificationStatusSchema),
  name_status: z.optional(NameStatusSchema),
  new_name_status: z.optional(NameStatusSchema),
  status: z.optional(z.string()),
  platform_type: z.optional(PlatformTypeSchema),
  is_official_business_account: z.optional(z.boolean()),
  is_pin_enabled: z.optional(z.boolean()),
  account_mode: z.optional(z.enum(["LIVE", "SANDBOX"])),
  messaging_limit_tier: z.optional(MessagingLimitTierSchema),
  whatsapp_business_manager_messaging_limit: z.optional(MessagingLimitTierSchema),
  throughput: z.optional(z.object({ level: z.string() })),
  last_onboarded_time: z.optional(z.string()),
});
/**
 * See {@link PhoneNumberSchema}.
 *
 * @example
 * const moved = (phone: PhoneNumber) => phone.status === "CONNECTED" && phone.platform_type === "CLOUD_API";
 */
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>;

/**
 * `GET /{waba-id}/phone_numbers`.
 *
 * @example
 * PhoneNumberListSchema.parse({ data: [{ id: "1906385232743451" }] });
 */
export const PhoneNumberListSchema = z.object({
  data: z.array(PhoneNumberSchema),
  paging: z.optional(PagingSchema),
});
/**
 * See {@link PhoneNumberListSchema}.
 *
 * @example
 * const ids = (list: PhoneNumberList) => list.data.map((p) => p.id);
 */
export type PhoneNumberList = z.infer<typeof PhoneNumberListSchema>;

/**
 * The fields the BFF asks for when it snapshots a phone number.
 *
 * @example
 * graphUrl(`${phoneId}?fields=${PHONE_SNAPSHOT_FIELDS.join(",")}`);
 */
export const PHONE_SNAPSHOT_FIELDS = [
  "id",
  "display_phone_number",
  "verified_name",
  "quality_rating",
  "code_verification_status",
  "name_status",
  "new_name_status",
  "status",
  "platform_type",
  "is_official_business_account",
  "is_pin_enabled",
  "account_mode",
  "whatsapp_business_manager_messaging_limit",
] as const;
