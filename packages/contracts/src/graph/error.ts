import * as z from "zod/mini";

/**
 * Graph's error envelope (`{ error: {...} }`), as Meta documents it for WhatsApp: `message` is
 * "(#code) title", `error_subcode` is still sent in v22+ despite the docs, `is_transient` may appear.
 *
 * @example
 * GraphErrorEnvelopeSchema.parse({ error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, fbtrace_id: "Az8o" } });
 */
export const GraphErrorBodySchema = z.object({
  message: z.string(),
  type: z.optional(z.string()),
  code: z.number(),
  error_subcode: z.optional(z.number()),
  error_user_title: z.optional(z.string()),
  error_user_msg: z.optional(z.string()),
  error_data: z.optional(
    z.object({
      messaging_product: z.optional(z.string()),
      details: z.optional(z.string()),
    }),
  ),
  is_transient: z.optional(z.boolean()),
  fbtrace_id: z.optional(z.string()),
});
/**
 * See {@link GraphErrorBodySchema}.
 *
 * @example
 * const transient = (body: GraphErrorBody) => body.is_transient === true || TRANSIENT_GRAPH_CODES.includes(body.code);
 */
export type GraphErrorBody = z.infer<typeof GraphErrorBodySchema>;

/**
 * The envelope around {@link GraphErrorBodySchema}.
 *
 * @example
 * const parsed = GraphErrorEnvelopeSchema.safeParse(await response.json());
 * if (parsed.success) console.log(parsed.data.error.code, parsed.data.error.fbtrace_id);
 */
export const GraphErrorEnvelopeSchema = z.object({ error: GraphErrorBodySchema });
/**
 * See {@link GraphErrorEnvelopeSchema}.
 *
 * @example
 * const envelope: GraphErrorEnvelope = { error: { message: "(#100) Invalid parameter", code: 100 } };
 */
export type GraphErrorEnvelope = z.infer<typeof GraphErrorEnvelopeSchema>;

/**
 * Graph error codes that are worth retrying with backoff, whatever `is_transient` says (plus
 * `is_transient: true`, network errors, and an HTTP 5xx that does not say `is_transient: false`):
 * 1 unknown, 2 service, 4 app rate, 17 user rate, 32 page rate, 341 limit, 613 custom rate,
 * 80007 WABA rate, 130429 throughput, 131000 generic, 131016 service unavailable, 133004 server
 * unavailable. 17, 32 and 613 are Graph's platform throttles (facts §4.2).
 *
 * @example
 * TRANSIENT_GRAPH_CODES.includes(613); // true
 */
export const TRANSIENT_GRAPH_CODES: readonly number[] = [
  1, 2, 4, 17, 32, 341, 613, 80007, 130429, 131000, 131016, 133004,
];
