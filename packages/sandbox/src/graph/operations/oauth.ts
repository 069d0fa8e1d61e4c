import { requireToken } from "../auth.js";
import { apiError, GraphError, missingParam } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { requireStr, str } from "../params.js";

/** Codes live 30 seconds (facts §1.4). */
export const CODE_TTL_MS = 30_000;

const oauthHeader = (reason: string) => ({
  "www-authenticate": `OAuth "Facebook Platform" "invalid_code" "${reason}"`,
});

/** `GET /oauth/access_token`: exchanges an Embedded Signup code for the business token (facts §3.1). */
export const exchangeCode: Operation = {
  name: "exchangeCodeForToken",
  run(ctx) {
    const { state, clock } = ctx.sandbox;
    const clientId = str(ctx.params, "client_id");
    if (!clientId) throw missingParam("client_id");
    const app = state.partner.app;
    if (clientId !== app.id) {
      throw new GraphError({
        code: 101,
        type: "OAuthException",
        message: "Error validating application. Invalid application ID.",
      });
    }
    if (str(ctx.params, "client_secret") !== app.secret) {
      throw new GraphError({
        code: 1,
        type: "OAuthException",
        message: "Error validating client secret.",
      });
    }
    const code = requireStr(ctx.params, "code");
    const record = state.codes.get(code);
    if (!record || record.appId !== app.id) {
      throw new GraphError({
        code: 100,
        type: "OAuthException",
        message: "Invalid verification code format.",
        headers: oauthHeader("Invalid verification code format."),
      });
    }
    if (record.usedAt !== undefined) {
      const message = "This authorization code has been used.";
      throw new GraphError({
        code: 100,
        subcode: 36009,
        type: "OAuthException",
        message,
        headers: oauthHeader(message),
      });
    }
    if (clock.now() - record.createdAt > CODE_TTL_MS) {
      const message = "This authorization code has expired.";
      throw new GraphError({
        code: 100,
        type: "OAuthException",
        message,
        headers: oauthHeader(message),
      });
    }
    // A code from the Login dialog opened as a page (manual login flow) is bound to its
    // redirect_uri: the exchange must repeat it exactly (Facebook Login, "Manually Build a Login
    // Flow", Exchanging Code for an Access Token). A refused exchange leaves the code usable.
    if (
      record.redirectUri !== undefined &&
      str(ctx.params, "redirect_uri") !== record.redirectUri
    ) {
      const message =
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request";
      throw new GraphError({
        code: 100,
        subcode: 36008,
        type: "OAuthException",
        message,
        headers: oauthHeader(message),
      });
    }
    record.usedAt = clock.now();
    return { body: { access_token: record.token, token_type: "bearer" } };
  },
};

/** `GET /debug_token?input_token=...` (facts §3.2): granular scopes, newest WABA first. */
export const debugToken: Operation = {
  name: "debugToken",
  run(ctx) {
    requireToken(ctx);
    const input = str(ctx.params, "input_token");
    if (!input) throw apiError(100, { details: "The parameter input_token is required" });
    const { state, clock } = ctx.sandbox;
    const token = state.tokens.get(input);
    const app = state.partner.app;
    if (!token) {
      return {
        body: {
          data: {
            app_id: app.id,
            is_valid: false,
            error: { code: 190, message: "Invalid OAuth access token - Cannot parse access token" },
            scopes: [],
          },
        },
      };
    }
    const expired = token.expiresAt !== 0 && token.expiresAt <= clock.now();
    const data: Record<string, unknown> = {
      app_id: token.appId,
      type: token.type,
      application: app.name,
      data_access_expires_at: token.type === "SYSTEM_USER" ? 0 : clock.nowSeconds() + 90 * 86_400,
      expires_at: Math.floor(token.expiresAt / 1000),
      is_valid: !expired,
      scopes: token.scopes,
      granular_scopes: token.granularScopes.map((g) => ({
        scope: g.scope,
        target_ids: [...g.target_ids],
      })),
      user_id: token.userId,
    };
    if (expired) {
      data.error = {
        code: 190,
        subcode: 463,
        message: "Error validating access token: Session has expired.",
      };
    }
    return { body: { data } };
  },
};
