import { PHONE_SNAPSHOT_FIELDS } from "@wa-migrate/contracts";

// What the BFF asks Graph for, in one place: the fields of each read and the edges it expands
// (Graph's field expansion, decision 020).

/**
 * The WABA fields a migration reads.
 *
 * @example
 * await graph.getWaba(wabaId, token, WABA_FIELDS);
 */
export const WABA_FIELDS = [
  "id",
  "name",
  "currency",
  "account_review_status",
  "business_verification_status",
  "primary_funding_id",
  "ownership_type",
  "owner_business_info",
] as const;

/** The template fields a migration reads (classification and the templates report). */
export const TEMPLATE_FIELDS = "id,name,language,status,category,quality_score";

/** The credit allocation fields the credit step checks (facts §3.5), for one read or a listing. */
export const ALLOCATION_FIELDS = "id,receiving_credential,request_status";

/** Page size of every listing: Graph pages by 25 by default; 100 is its maximum, so large accounts need fewer pages. */
export const PAGE_SIZE = "100";

/**
 * The fields of the destination's numbers: the snapshot's, and when the number was last onboarded
 * (the baseline by which register tells its own registration after a lost answer, decision 044).
 */
export const DESTINATION_PHONE_FIELDS = [...PHONE_SNAPSHOT_FIELDS, "last_onboarded_time"] as const;

/**
 * The `fields` of a destination read: the WABA's fields and, through Graph's field expansion, the
 * first page of its numbers with {@link DESTINATION_PHONE_FIELDS} (one call instead of two).
 */
export const DESTINATION_FIELDS = [
  ...WABA_FIELDS,
  `phone_numbers.limit(${PAGE_SIZE}){${DESTINATION_PHONE_FIELDS.join(",")}}`,
].join(",");

/**
 * The `fields` of a source read: the WABA's fields, the first page of its templates and, when
 * the source is being discovered, of its numbers' ids (one call instead of three).
 *
 * @example
 * sourceFields(true); // "id,...,phone_numbers.limit(100){id},message_templates.limit(100){id,...}"
 */
export function sourceFields(withPhones: boolean): string {
  return [
    ...WABA_FIELDS,
    ...(withPhones ? [`phone_numbers.limit(${PAGE_SIZE}){id}`] : []),
    `message_templates.limit(${PAGE_SIZE}){${TEMPLATE_FIELDS}}`,
  ].join(",");
}
