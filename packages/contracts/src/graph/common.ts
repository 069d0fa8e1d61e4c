import * as z from "zod/mini";

/**
 * `{ "success": true }`, the answer of most Graph writes.
 *
 * @example
 * SuccessResponseSchema.parse({ success: true });
 */
export const SuccessResponseSchema = z.object({ success: z.boolean() });
/** See {@link SuccessResponseSchema}. */
export type SuccessResponse = z.infer<typeof SuccessResponseSchema>;

/** Graph's cursor paging block. */
export const PagingSchema = z.object({
  cursors: z.optional(z.object({ before: z.optional(z.string()), after: z.optional(z.string()) })),
  next: z.optional(z.string()),
  previous: z.optional(z.string()),
});
/** See {@link PagingSchema}. */
export type Paging = z.infer<typeof PagingSchema>;

/** `{ "id": "..." }`, the answer of Graph creates. */
export const IdResponseSchema = z.object({ id: z.string() });
/** See {@link IdResponseSchema}. */
export type IdResponse = z.infer<typeof IdResponseSchema>;
