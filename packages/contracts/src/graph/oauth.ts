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
/**
 * See {@link TokenExchangeResponseSchema}.
 *
 * @example
 * const { access_token } = (await (await fetch(graphUrl(`oauth/access_token?${params}`))).json()) as TokenExchangeResponse;
 */
export type TokenExchangeResponse = z.infer<typeof TokenExchangeResponseSchema>;

/**
 * One granular scope of a token, with the WABA ids it targets (newest first).
 *
 * @example
 * GranularScopeSchema.parse({ scope: "whatsapp_business_management", target_ids: ["524126980791429"] });
 */
export const GranularScopeSchema = z.object({
  scope: z.string(),
  target_ids: z.optional(z.array(z.string())),
});
/**
 * See {@link GranularScopeSchema}.
 *
 * @example
 * const wabaIds = (scopes: GranularScope[]) => scopes.find((s) => s.scope === "whatsapp_business_management")?.target_ids ?? [];
 */
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
/**
 * See {@link DebugTokenResponseSchema}.
 *
 * @example
 * const valid = (answer: DebugTokenResponse) => answer.data.is_valid && answer.data.type === "SYSTEM_USER";
 */
export type DebugTokenResponse = z.infer<typeof DebugTokenResponseSchema>;
