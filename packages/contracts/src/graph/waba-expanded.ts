import * as z from "zod/mini";
import { PhoneNumberListSchema } from "./phone.js";
import { MessageTemplateListSchema } from "./templates.js";
import { WabaSchema } from "./waba.js";

/**
 * `GET /{waba-id}?fields=...,phone_numbers.limit(n){...},message_templates.limit(n){...}`: the
 * WABA's fields with its edges expanded (Graph's field expansion), each edge a page
 * `{data, paging}` as `GET /{waba-id}/{edge}` answers it. An edge is absent when it was not asked
 * for, and also when it has nothing to list (Graph leaves empty edges out).
 *
 * @example
 * WabaWithEdgesSchema.parse({ id: "102290129340398", phone_numbers: { data: [{ id: "1906385232743451" }] } });
 */
export const WabaWithEdgesSchema = z.extend(WabaSchema, {
  phone_numbers: z.optional(PhoneNumberListSchema),
  message_templates: z.optional(MessageTemplateListSchema),
});
/**
 * See {@link WabaWithEdgesSchema}.
 *
 * @example
 * const phoneIds = (waba: WabaWithEdges) => waba.phone_numbers?.data.map((p) => p.id) ?? [];
 */
export type WabaWithEdges = z.infer<typeof WabaWithEdgesSchema>;

/**
 * `GET /?ids=a,b&fields=...` (Graph's multiple-id read) of WABAs: an object keyed by id, each
 * value what `GET /{id}?fields=...` would answer.
 *
 * @example
 * WabasByIdSchema.parse({ "102290129340398": { id: "102290129340398", account_review_status: "APPROVED" } });
 */
export const WabasByIdSchema = z.record(z.string(), WabaWithEdgesSchema);
/**
 * See {@link WabasByIdSchema}.
 *
 * @example
 * const found = (wabas: WabasById, id: string) => wabas[id]?.account_review_status;
 */
export type WabasById = z.infer<typeof WabasByIdSchema>;

/**
 * Graph's maximum number of ids in one multiple-id read.
 *
 * @example
 * graphUrl(`?ids=${ids.slice(0, MAX_IDS_PER_READ).join(",")}&fields=id,name`);
 */
export const MAX_IDS_PER_READ = 50;
