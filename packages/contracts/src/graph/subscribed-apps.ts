import * as z from "zod/mini";

/**
 * `GET /{waba-id}/subscribed_apps`: Meta documents the nested form; a flat `{id, name}` form was also
 * seen in the wild, so both are accepted.
 *
 * @example
 * SubscribedAppsResponseSchema.parse({ data: [{ whatsapp_business_api_data: { id: "670843887433847", name: "Lucky Shrub" } }] });
 */
export const SubscribedAppSchema = z.object({
  whatsapp_business_api_data: z.optional(
    z.object({ id: z.string(), name: z.optional(z.string()), link: z.optional(z.string()) }),
  ),
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  override_callback_uri: z.optional(z.string()),
});
/**
 * See {@link SubscribedAppSchema}.
 *
 * @example
 * const ours = (apps: SubscribedApp[], appId: string) => apps.some((a) => subscribedAppId(a) === appId);
 */
export type SubscribedApp = z.infer<typeof SubscribedAppSchema>;

/**
 * The list around {@link SubscribedAppSchema}.
 *
 * @example
 * SubscribedAppsResponseSchema.parse({ data: [{ id: "670843887433847", name: "Lucky Shrub" }] });
 */
export const SubscribedAppsResponseSchema = z.object({ data: z.array(SubscribedAppSchema) });
/**
 * See {@link SubscribedAppsResponseSchema}.
 *
 * @example
 * const none: SubscribedAppsResponse = { data: [] };
 */
export type SubscribedAppsResponse = z.infer<typeof SubscribedAppsResponseSchema>;

/**
 * The app id of a subscription, whichever form Graph answered in.
 *
 * @example
 * subscribedAppId({ id: "1" }); // "1"
 */
export function subscribedAppId(app: SubscribedApp): string | undefined {
  return app.whatsapp_business_api_data?.id ?? app.id;
}
