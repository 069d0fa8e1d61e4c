import { timingSafeEqual } from "node:crypto";
import { signPayload } from "@wa-migrate/sandbox";
import type { CustomerInbox } from "./customer-inbox.js";

/** Options of {@link partnerWebhookReceiver}. */
export interface PartnerWebhookReceiverOptions {
  /** The app's default callback URL and secret in Meta's world (null until the sandbox is up). */
  partner: () => { callbackUrl: string; appSecret: string } | null;
  /** The BFF's own URL: every delivery to the callback is forwarded to its `POST /webhooks`. */
  bffUrl: string;
  /** Where the customer messages of authentic deliveries go. */
  inbox: CustomerInbox;
}

// Meta's signature is one HMAC, the same the sandbox signs with: computed once, in signPayload.
function signedBy(appSecret: string, raw: string, header: string | null): boolean {
  const expected = Buffer.from(signPayload(raw, appSecret));
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The demo partner's messaging system, standing where the BFF's README tells partners to put
 * theirs: at the app's default callback URL. It takes the customers' messages of each signed
 * delivery into `inbox`, and forwards the delivery byte for byte, with its
 * `X-Hub-Signature-256`, to the BFF's `POST /webhooks`, answering Meta with the BFF's answer (so a
 * delivery the BFF could not take comes again; the inbox keeps each message once). Deliveries to
 * any other URL (an override) leave as they are. Used as the sandbox's `webhookFetch`.
 *
 * @example
 * const inbox = createCustomerInbox();
 * serveFakeGraph({ webhookFetch: partnerWebhookReceiver({ partner: () => app, bffUrl, inbox }) });
 */
export function partnerWebhookReceiver(
  options: PartnerWebhookReceiverOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const partner = options.partner();
    if (!partner || request.url.split("?")[0] !== partner.callbackUrl) return fetch(request);
    const url = new URL(request.url);
    const raw = await request.text();
    if (
      request.method === "POST" &&
      signedBy(partner.appSecret, raw, request.headers.get("x-hub-signature-256"))
    ) {
      try {
        options.inbox.receive(JSON.parse(raw));
      } catch {
        // Not JSON: nothing for the inbox; the BFF answers Meta about it.
      }
    }
    // Same bytes, so the same length; fetch sets it again.
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    return fetch(`${options.bffUrl}/webhooks${url.search}`, {
      method: request.method,
      headers,
      body: request.method === "GET" || request.method === "HEAD" ? undefined : raw,
    });
  };
}
