import * as z from "zod/mini";

/**
 * One field of an app's webhook subscription, with the Graph version its payloads use.
 *
 * @example
 * AppSubscriptionFieldSchema.parse({ name: "account_update", version: "v24.0" });
 */
export const AppSubscriptionFieldSchema = z.object({
  name: z.string(),
  version: z.optional(z.string()),
});
/**
 * See {@link AppSubscriptionFieldSchema}.
 *
 * @example
 * const field: AppSubscriptionField = { name: "account_update", version: "v24.0" };
 */
export type AppSubscriptionField = z.infer<typeof AppSubscriptionFieldSchema>;

/**
 * One object the app receives webhooks for (`GET /{app-id}/subscriptions`, read with an app
 * access token `{app-id}|{app-secret}`): the App Dashboard's callback URL and ticked fields.
 * Every property is optional because `?fields=` narrows the answer.
 *
 * @example
 * AppSubscriptionSchema.parse({ object: "whatsapp_business_account", callback_url: "https://partner.example/webhooks", active: true, fields: [{ name: "account_update", version: "v24.0" }] });
 */
export const AppSubscriptionSchema = z.object({
  object: z.optional(z.string()),
  callback_url: z.optional(z.string()),
  active: z.optional(z.boolean()),
  fields: z.optional(z.array(AppSubscriptionFieldSchema)),
});
/**
 * See {@link AppSubscriptionSchema}.
 *
 * @example
 * const waba = (subscriptions.data as AppSubscription[]).find((s) => s.object === "whatsapp_business_account");
 */
export type AppSubscription = z.infer<typeof AppSubscriptionSchema>;

/**
 * The answer of `GET /{app-id}/subscriptions`: one entry per subscribed object; an empty list
 * when the app has no webhook configured.
 *
 * @example
 * AppSubscriptionsResponseSchema.parse({ data: [{ object: "whatsapp_business_account", callback_url: "https://partner.example/webhooks", active: true, fields: [{ name: "message_template_status_update", version: "v24.0" }] }] });
 */
export const AppSubscriptionsResponseSchema = z.object({ data: z.array(AppSubscriptionSchema) });
/**
 * See {@link AppSubscriptionsResponseSchema}.
 *
 * @example
 * const none: AppSubscriptionsResponse = { data: [] }; // the app has no default callback
 */
export type AppSubscriptionsResponse = z.infer<typeof AppSubscriptionsResponseSchema>;
