import type { PhoneRecord, TokenRecord } from "../../state/types.js";
import { apiError, GraphError, invalidParam, missingParam } from "../graph-error.js";
import type { OperationContext } from "../operation.js";
import { verifyOverrideCallback } from "./verify-override-callback.js";

/** `webhook_configuration` as sent: a JSON object, or its JSON text in a form or query parameter. */
function configurationOf(raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new GraphError(
        { code: 100, message: "(#100) Param webhook_configuration must be a JSON object" },
        { cause },
      );
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw invalidParam("webhook_configuration", "must be an object");
  return value as Record<string, unknown>;
}

/**
 * `POST /{phone-number-id}` with `webhook_configuration` ("Webhook overrides" > "Set phone number
 * alternate callback"; OpenAPI `updatePhoneNumberStatus`): sets the caller app's alternate
 * callback for the number after Meta's GET challenge to it, or deletes it when
 * `override_callback_uri` is an empty string. Meta's OpenAPI: "Webhook subscription must exist
 * before configuring callback URI overrides", so the app must be subscribed to the number's WABA.
 *
 * @example
 * await setPhoneWebhookOverride(ctx, phone, token, { override_callback_uri: url, verify_token: "s3cret" });
 */
export async function setPhoneWebhookOverride(
  ctx: OperationContext,
  phone: PhoneRecord,
  token: TokenRecord,
  raw: unknown,
): Promise<void> {
  const config = configurationOf(raw);
  const uri = config.override_callback_uri;
  if (uri === undefined || uri === null) throw missingParam("override_callback_uri");
  if (typeof uri !== "string") throw invalidParam("override_callback_uri", "must be a string");
  const waba = ctx.sandbox.state.wabas.get(phone.wabaId);
  if (!waba?.subscriptions.some((s) => s.appId === token.appId)) {
    throw apiError(100, {
      details:
        "Before overriding the callback URI, subscribe your app to the phone number's WhatsApp Business Account (POST /{waba-id}/subscribed_apps).",
    });
  }
  if (uri === "") {
    phone.webhookOverride = undefined;
    return;
  }
  const verifyToken = config.verify_token;
  if (verifyToken !== undefined && typeof verifyToken !== "string")
    throw invalidParam("verify_token", "must be a string");
  await verifyOverrideCallback(ctx.sandbox, uri, verifyToken);
  phone.webhookOverride = { appId: token.appId, callbackUri: uri, verifyToken: verifyToken ?? "" };
}
