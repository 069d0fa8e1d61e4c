import { signPayload } from "./sign-payload.js";

/** What a try got back: the receiver's HTTP status, or `network-error` when none came. */
export type WebhookTryStatus = number | "network-error";

/**
 * One POST of a webhook body as Meta sends it: `application/json`, `X-Hub-Signature-256` over
 * exactly these bytes with the app secret (facts §5.1), Meta's user agent. A retry or a
 * redelivery posts the same body, so it carries the same signature.
 *
 * @example
 * const status = await postWebhook(fetch, "https://partner.example/webhooks", body, appSecret);
 */
export async function postWebhook(
  fetchImpl: (request: Request) => Promise<Response>,
  url: string,
  body: string,
  appSecret: string,
): Promise<WebhookTryStatus> {
  try {
    const response = await fetchImpl(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, appSecret),
          "user-agent": "facebookexternalua",
        },
        body,
      }),
    );
    await response.body?.cancel();
    return response.status;
  } catch {
    return "network-error";
  }
}
