import * as z from "zod/mini";
import {
  AccountReviewStatusSchema,
  BusinessVerificationStatusSchema,
  MessagingLimitTierSchema,
} from "./enums.js";

/**
 * `GET /{waba-id}?fields=...` with the fields a migration reads. Every field but `id` is optional
 * because Graph returns only the ones asked for.
 *
 * @example
 * WabaSchema.parse({ id: "102290129340398", account_review_status: "APPROVED" });
 */
export const WabaSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  currency: z.optional(z.string()),
  timezone_id: z.optional(z.string()),
  account_review_status: z.optional(AccountReviewStatusSchema),
  business_verification_status: z.optional(BusinessVerificationStatusSchema),
  primary_funding_id: z.optional(z.string()),
  message_template_namespace: z.optional(z.string()),
  ownership_type: z.optional(z.string()),
  status: z.optional(z.string()),
  owner_business_info: z.optional(z.object({ id: z.string(), name: z.optional(z.string()) })),
  on_behalf_of_business_info: z.optional(
    z.object({
      id: z.optional(z.string()),
      name: z.optional(z.string()),
      status: z.optional(z.string()),
      type: z.optional(z.string()),
    }),
  ),
  whatsapp_business_manager_messaging_limit: z.optional(MessagingLimitTierSchema),
});
/**
 * See {@link WabaSchema}.
 *
 * @example
 * const fundedElsewhere = (waba: Waba, ours: string) => waba.primary_funding_id !== undefined && waba.primary_funding_id !== ours;
 */
export type Waba = z.infer<typeof WabaSchema>;

/**
 * `GET /{business-id}?fields=verification_status`.
 *
 * @example
 * BusinessSchema.parse({ id: "2729063490586005", verification_status: "verified" });
 */
export const BusinessSchema = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  verification_status: z.optional(BusinessVerificationStatusSchema),
});
/**
 * See {@link BusinessSchema}.
 *
 * @example
 * const verified = (business: Business) => business.verification_status === "verified";
 */
export type Business = z.infer<typeof BusinessSchema>;
