import { requireToken } from "../auth.js";
import { selectFields } from "../fields.js";
import { GraphError } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { str } from "../params.js";

const DEFAULT_FIELDS = ["object", "callback_url", "active", "fields"] as const;

/**
 * `GET /{app-id}/subscriptions`: the app's webhook subscriptions per object (Meta's Graph API
 * reference, "App Subscriptions"). Only an app access token may read them; any other valid token
 * is Graph's #15. The sandbox models the one object the kit uses, `whatsapp_business_account`,
 * which exists only while the app has a default callback URL (the `no-default-webhook` scenario
 * removes it, so the list is empty there).
 *
 * @example
 * // GET /{app-id}/subscriptions?access_token={app-id}|{app-secret}
 * // → { data: [{ object: "whatsapp_business_account", callback_url, active: true, fields: [{ name, version }] }] }
 */
export const getAppSubscriptions: Operation = {
  name: "getAppSubscriptions",
  run(ctx) {
    const token = requireToken(ctx);
    const { state, options } = ctx.sandbox;
    const app = state.partner.app;
    if (token.type !== "APP" || token.appId !== ctx.nodeId) {
      throw new GraphError({
        code: 15,
        type: "OAuthException",
        message: "(#15) This method must be called with an app access_token.",
      });
    }
    const callbackUrl = app.callbackUrl;
    if (callbackUrl === undefined) return { body: { data: [] } };
    const subscription = selectFields(
      str(ctx.params, "fields"),
      DEFAULT_FIELDS,
      {
        object: () => "whatsapp_business_account",
        callback_url: () => callbackUrl,
        active: () => true,
        fields: () =>
          app.subscribedFields.map((name) => ({ name, version: options.defaultVersion })),
      },
      "ApplicationSubscription",
    );
    return { body: { data: [subscription] } };
  },
};
