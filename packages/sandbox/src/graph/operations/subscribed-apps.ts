import { requireWaba } from "../auth.js";
import { apiError, GraphError } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { str } from "../params.js";
import { verifyOverrideCallback } from "./verify-override-callback.js";
import { wabaUsage } from "./waba-usage.js";

/**
 * Meta's answer to an override before the subscription ("Webhook overrides" > Requirements: "make
 * sure your app is subscribed to webhooks for the WABA"); the wording is a real answer, captured in
 * chatwoot/chatwoot#12488 and #13154.
 */
const NOT_SUBSCRIBED =
  "(#100) Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account";

/**
 * `POST /{waba-id}/subscribed_apps`: subscribes the caller's app; with `override_callback_uri` +
 * `verify_token` it sets the app's alternate callback on a WABA it is already subscribed to (#100
 * before that: the POST with an override does not subscribe), after Meta's GET challenge; a POST
 * without them removes the alternate.
 */
export const subscribeApp: Operation = {
  name: "subscribeToWabaWebhooks",
  usage: wabaUsage,
  async run(ctx) {
    const token = requireWaba(ctx, ctx.nodeId);
    const { state } = ctx.sandbox;
    const waba = state.wabas.get(ctx.nodeId);
    if (!waba) throw new Error("routed to a missing WABA");
    const app = state.partner.app;
    if (token.appId !== app.id) throw apiError(200);
    const override = str(ctx.params, "override_callback_uri");
    const verifyToken = str(ctx.params, "verify_token");
    const existing = waba.subscriptions.find((s) => s.appId === app.id);
    if (override !== undefined) {
      if (!existing)
        throw new GraphError({ code: 100, type: "OAuthException", message: NOT_SUBSCRIBED });
      await verifyOverrideCallback(ctx.sandbox, override, verifyToken);
    } else if (!app.callbackUrl) {
      throw apiError(100, {
        details:
          "The app has no callback URL configured for the WhatsApp Business Account product; set one in the App Dashboard.",
      });
    }
    // Re-posting without a body removes the WABA override (facts §3.6).
    const entry = {
      appId: app.id,
      overrideCallbackUri: override,
      verifyToken: override ? verifyToken : undefined,
    };
    if (existing) Object.assign(existing, entry);
    else waba.subscriptions.push(entry);
    return { body: { success: true } };
  },
};

/** `GET /{waba-id}/subscribed_apps`: Meta's documented nested form. */
export const getSubscribedApps: Operation = {
  name: "getAllSubscriptionsForAWaba",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const { state } = ctx.sandbox;
    const waba = state.wabas.get(ctx.nodeId);
    const data = (waba?.subscriptions ?? []).map((s) => {
      const name =
        s.appId === state.partner.app.id ? state.partner.app.name : "Previous Partner App";
      const item: Record<string, unknown> = {
        whatsapp_business_api_data: {
          id: s.appId,
          link: `https://www.facebook.com/games/?app_id=${s.appId}`,
          name,
        },
      };
      if (s.overrideCallbackUri) item.override_callback_uri = s.overrideCallbackUri;
      return item;
    });
    return { body: { data } };
  },
};

/** `DELETE /{waba-id}/subscribed_apps`: unsubscribes the caller's app. */
export const unsubscribeApp: Operation = {
  name: "unsubscribeFromWabaWebhooks",
  usage: wabaUsage,
  run(ctx) {
    const token = requireWaba(ctx, ctx.nodeId);
    const waba = ctx.sandbox.state.wabas.get(ctx.nodeId);
    if (waba) waba.subscriptions = waba.subscriptions.filter((s) => s.appId !== token.appId);
    return { body: { success: true } };
  },
};
