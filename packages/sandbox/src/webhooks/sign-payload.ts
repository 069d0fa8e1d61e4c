import { createHmac } from "node:crypto";

/**
 * Meta's `X-Hub-Signature-256` value: `sha256=` + hex HMAC-SHA256 of the raw body with the app secret.
 *
 * @example
 * signPayload('{"object":"whatsapp_business_account"}', "app-secret"); // "sha256=5c3f..."
 */
export function signPayload(rawBody: string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody, "utf8").digest("hex")}`;
}
