import * as z from "zod/mini";

/**
 * `GET /oauth/access_token` answer for an Embedded Signup code: the business token.
 * `expires_in` depends on the login configuration (UNCONFIRMED), so it is optional.
 *
 * @example
 * TokenExchangeResponseSchema.parse({ access_token: "EAAG...", token_type: "bearer" });
 */
export const TokenExchangeResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
});
/** See {@link TokenExchangeResponseSchema}. */
export type TokenExchangeResponse = z.infer<typeof TokenExchangeResponseSchema>;

/** One granular scope of a token, with the WABA ids it targets (newest first). */
export const GranularScopeSchema = z.object({
  scope: z.string(),
  target_ids: z.optional(z.array(z.string())),
});
/** See {@link GranularScopeSchema}. */
export type GranularScope = z.infer<typeof GranularScopeSchema>;

/**
 * `GET /debug_token?input_token=...` answer.
 *
 * @example
 * DebugTokenResponseSchema.parse({ data: { app_id: "1", is_valid: true, granular_scopes: [] } });
 */
export const DebugTokenResponseSchema = z.object({
  data: z.object({
    app_id: z.string(),
    application: z.optional(z.string()),
    type: z.optional(z.string()),
    expires_at: z.optional(z.number()),
    data_access_expires_at: z.optional(z.number()),
    is_valid: z.boolean(),
    scopes: z.optional(z.array(z.string())),
    granular_scopes: z.optional(z.array(GranularScopeSchema)),
    user_id: z.optional(z.string()),
  }),
});
/** See {@link DebugTokenResponseSchema}. */
export type DebugTokenResponse = z.infer<typeof DebugTokenResponseSchema>;
