import * as z from "zod/mini";

/**
 * `GET /{business-id}/extendedcredits`: the partner's credit lines.
 *
 * @example
 * ExtendedCreditsResponseSchema.parse({ data: [{ id: "1972385232742146" }] });
 */
export const ExtendedCreditsResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      legal_entity_name: z.optional(z.string()),
      is_access_revoked: z.optional(z.boolean()),
    }),
  ),
});
/**
 * See {@link ExtendedCreditsResponseSchema}.
 *
 * @example
 * const lineId = (credits as ExtendedCreditsResponse).data[0]?.id;
 */
export type ExtendedCreditsResponse = z.infer<typeof ExtendedCreditsResponseSchema>;

/**
 * `POST /{credit-line-id}/whatsapp_credit_sharing_and_attach` answer.
 *
 * @example
 * CreditSharingResponseSchema.parse({ allocation_config_id: "58501441721238", waba_id: "102290129340398" });
 */
export const CreditSharingResponseSchema = z.object({
  allocation_config_id: z.string(),
  waba_id: z.string(),
});
/**
 * See {@link CreditSharingResponseSchema}.
 *
 * @example
 * const { allocation_config_id } = shared as CreditSharingResponse;
 */
export type CreditSharingResponse = z.infer<typeof CreditSharingResponseSchema>;

/**
 * `GET /{allocation-config-id}?fields=receiving_credential,request_status`.
 * Shared correctly when `receiving_credential.id` equals the WABA's `primary_funding_id`.
 *
 * @example
 * AllocationConfigSchema.parse({ id: "58501441721238", receiving_credential: { id: "1972385232742147" } });
 */
export const AllocationConfigSchema = z.object({
  id: z.string(),
  receiving_credential: z.optional(z.object({ id: z.string() })),
  request_status: z.optional(z.string()),
  receiving_business: z.optional(z.object({ id: z.string(), name: z.optional(z.string()) })),
});
/**
 * See {@link AllocationConfigSchema}.
 *
 * @example
 * const attached = (a: AllocationConfig, waba: Waba) => a.receiving_credential?.id === waba.primary_funding_id;
 */
export type AllocationConfig = z.infer<typeof AllocationConfigSchema>;

/**
 * `GET /{extended-credit-line-id}/owning_credit_allocation_configs?receiving_business_id=`: the
 * credit line's allocations to one customer portfolio (facts §3.5).
 *
 * @example
 * AllocationConfigListSchema.parse({ data: [{ id: "58501441721238", receiving_credential: { id: "1" } }] });
 */
export const AllocationConfigListSchema = z.object({ data: z.array(AllocationConfigSchema) });
/**
 * See {@link AllocationConfigListSchema}.
 *
 * @example
 * const live = (list: AllocationConfigList) => list.data.filter((a) => a.request_status !== "DELETED");
 */
export type AllocationConfigList = z.infer<typeof AllocationConfigListSchema>;
