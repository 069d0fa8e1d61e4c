import * as z from "zod/mini";

/**
 * `{ "success": true }`, the answer of most Graph writes. Only `true` parses: an answer of
 * `{ "success": false }` says the write did not happen, and taking it for one would, say, mark a
 * number registered (and billed by the new partner) that never moved.
 *
 * @example
 * SuccessResponseSchema.parse({ success: true }); // SuccessResponseSchema.safeParse({ success: false }).success === false
 */
export const SuccessResponseSchema = z.object({ success: z.literal(true) });
/**
 * See {@link SuccessResponseSchema}.
 *
 * @example
 * const answer: SuccessResponse = { success: true };
 */
export type SuccessResponse = z.infer<typeof SuccessResponseSchema>;

/**
 * Graph's cursor paging block.
 *
 * @example
 * PagingSchema.parse({ cursors: { before: "QVFI", after: "QVFJ" }, next: "https://graph.facebook.com/v26.0/1/phone_numbers?after=QVFJ" });
 */
export const PagingSchema = z.object({
  cursors: z.optional(z.object({ before: z.optional(z.string()), after: z.optional(z.string()) })),
  next: z.optional(z.string()),
  previous: z.optional(z.string()),
});
/**
 * See {@link PagingSchema}.
 *
 * @example
 * const more = (paging: Paging | undefined) => paging?.next !== undefined;
 */
export type Paging = z.infer<typeof PagingSchema>;

/**
 * `{ "id": "..." }`, the answer of Graph creates.
 *
 * @example
 * IdResponseSchema.parse({ id: "106540352242922" });
 */
export const IdResponseSchema = z.object({ id: z.string() });
/**
 * See {@link IdResponseSchema}.
 *
 * @example
 * const created: IdResponse = { id: "106540352242922" };
 */
export type IdResponse = z.infer<typeof IdResponseSchema>;
