import type { TokenRecord } from "../state/types.js";
import { apiError, GraphError, unsupportedRequest } from "./graph-error.js";
import type { OperationContext } from "./operation.js";

/** An app access token (`{app-id}|{app-secret}`), as Chatwoot uses for `debug_token`. */
export interface AppToken {
  type: "APP";
  appId: string;
}

/**
 * The caller's token, or Graph's error: 104 when none was sent, 190 when unknown, 190/463 when expired.
 *
 * @example
 * const token = requireToken(ctx);
 */
export function requireToken(ctx: OperationContext): TokenRecord | AppToken {
  const value = ctx.tokenValue;
  const { state, clock } = ctx.sandbox;
  if (!value) {
    throw new GraphError({
      code: 104,
      type: "OAuthException",
      message: "An access token is required to request this resource.",
    });
  }
  const app = state.partner.app;
  if (value === `${app.id}|${app.secret}`) return { type: "APP", appId: app.id };
  const token = state.tokens.get(value);
  if (!token) {
    throw new GraphError({
      code: 190,
      type: "OAuthException",
      message: "Invalid OAuth access token - Cannot parse access token",
    });
  }
  if (token.expiresAt !== 0 && token.expiresAt <= clock.now()) {
    const when = new Date(token.expiresAt).toUTCString();
    throw new GraphError({
      code: 190,
      subcode: 463,
      type: "OAuthException",
      message: `Error validating access token: Session has expired on ${when}. The current time is ${new Date(clock.now()).toUTCString()}.`,
    });
  }
  return token;
}

/** Whether a token was granted `whatsapp_business_management` on a WABA. */
export function canManageWaba(token: TokenRecord | AppToken, wabaId: string): boolean {
  if (token.type === "APP") return false;
  return token.granularScopes.some(
    (g) => g.scope === "whatsapp_business_management" && g.target_ids.includes(wabaId),
  );
}

/**
 * Requires access to a WABA. Graph answers a WABA the token cannot see exactly like a missing one (100/33).
 *
 * @example
 * requireWaba(ctx, wabaId);
 */
export function requireWaba(ctx: OperationContext, wabaId: string): TokenRecord {
  const token = requireToken(ctx);
  if (token.type === "APP" || !canManageWaba(token, wabaId))
    throw unsupportedRequest(ctx.method, ctx.nodeId);
  return token;
}

/** Requires the partner's system user token (credit-line APIs, facts §3.3). */
export function requireSystemToken(ctx: OperationContext): TokenRecord {
  const token = requireToken(ctx);
  if (token.type !== "SYSTEM_USER" || token.businessId !== ctx.sandbox.state.partner.businessId) {
    throw apiError(200, {
      details: "Requires a system user of the credit line's business with business_management.",
    });
  }
  return token;
}
