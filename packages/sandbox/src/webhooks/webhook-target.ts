import type { SandboxState } from "../state/sandbox-state.js";

/**
 * The only fields an alternate callback receives (Meta, "Webhook overrides" > "Supported webhook
 * fields": "The override applies only to the following webhook field types. For field types not
 * listed here, Meta always sends webhooks to your app's default callback URL."). Template fields
 * and `account_update` are not among them: Meta's note says they "do not support callback
 * overrides" and "are always delivered to your app's default callback URL".
 *
 * @example
 * OVERRIDABLE_FIELDS.has("messages"); // true
 * OVERRIDABLE_FIELDS.has("message_template_status_update"); // false
 */
export const OVERRIDABLE_FIELDS: ReadonlySet<string> = new Set([
  "messages",
  "message_echoes",
  "calls",
  "consumer_profile",
  "messaging_handovers",
  "standby",
  "group_lifecycle_update",
  "group_participants_update",
  "group_settings_update",
  "group_status_update",
  "smb_message_echoes",
  "smb_app_state_sync",
  "history",
  "account_settings_update",
]);

/**
 * Where Meta sends one change of `field` for the partner app: for an overridable field the
 * number's alternate callback, else its WABA's, else the app's; for every other field the app's
 * default callback, whatever overrides are set. `undefined` when that is none (the app has no
 * default callback).
 *
 * @example
 * webhookTarget(state, "messages", { wabaId, phoneId }); // the number's override, if set
 * webhookTarget(state, "account_update", { wabaId }); // always state.partner.app.callbackUrl
 */
export function webhookTarget(
  state: SandboxState,
  field: string,
  route: { wabaId?: string | undefined; phoneId?: string | undefined },
): string | undefined {
  const app = state.partner.app;
  if (!OVERRIDABLE_FIELDS.has(field)) return app.callbackUrl;
  const phone = route.phoneId ? state.phones.get(route.phoneId) : undefined;
  if (phone?.webhookOverride?.appId === app.id) return phone.webhookOverride.callbackUri;
  const wabaId = route.wabaId ?? phone?.wabaId;
  const waba = wabaId ? state.wabas.get(wabaId) : undefined;
  const sub = waba?.subscriptions.find((s) => s.appId === app.id);
  return sub?.overrideCallbackUri ?? app.callbackUrl;
}
