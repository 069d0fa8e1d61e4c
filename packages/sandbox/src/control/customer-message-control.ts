import type { Sandbox } from "../engine/sandbox.js";
import type { WebhookAttempt } from "../state/sandbox-state.js";
import { type CustomerTextMessage, textMessageValue } from "../webhooks/webhook-payloads.js";
import { controlProblem } from "./control-problem.js";

// Meta's own example customer ("Text messages webhook reference").
const DEFAULT_FROM = "16505551234";
const DEFAULT_NAME = "Sheena Nelson";

/** What `POST /__sandbox/phone-numbers/{id}/messages` answers. */
export interface CustomerMessageView {
  message: { id: string; from: string; timestamp: string };
  phone_number_id: string;
  /** The number's WABA when the message arrived: the only account whose apps get it. */
  waba_id: string;
  /** The `messages` webhook, as kept in `GET /__sandbox/state` `webhooks[]`; `url` only when it leaves. */
  webhook: { id: string; state: WebhookAttempt["state"]; url: string | null };
  /** Why nothing is delivered, when nothing is. */
  detail?: string;
}

function undelivered(attempt: WebhookAttempt, wabaId: string): string | undefined {
  if (attempt.state === "not-subscribed")
    return `The partner app is not subscribed to WhatsApp Business Account ${wabaId}, the number's account now (or not to the messages field): Meta sends the message to none of its callbacks.`;
  if (attempt.state === "no-callback")
    return "Neither the number nor its account has an alternate callback, and the app has no default callback URL: the message reaches no one.";
  return undefined;
}

/**
 * `POST /__sandbox/phone-numbers/{id}/messages` with `{text, from?, name?}`: a customer sends a
 * text to the business number, and Meta sends the `messages` webhook (Meta's "Text messages
 * webhook reference" shape, signed like every delivery) to the number's alternate callback, else
 * its WABA's, else the app's default callback ("Webhook overrides"), but only when the partner app
 * is subscribed to the number's current WABA; otherwise nothing leaves and the answer says so
 * (`webhook.state` `not-subscribed`, with `detail`). `from` is the customer's number in digits
 * (default Meta's example `16505551234`), `name` their profile name.
 *
 * @example
 * await fetch(`${sandboxUrl}/__sandbox/phone-numbers/${phoneId}/messages`, {
 *   method: "POST",
 *   body: JSON.stringify({ text: "Are you open today?" }),
 * }); // 200 {message, phone_number_id, waba_id, webhook: {id, state: "pending", url}}
 */
export function receiveCustomerMessage(
  sandbox: Sandbox,
  id: string,
  body: Record<string, unknown>,
): Response {
  const phone = sandbox.state.phones.get(id);
  if (!phone) return controlProblem("not_found", `No phone number ${id} in the sandbox's world.`);
  const { text, from = DEFAULT_FROM, name = DEFAULT_NAME } = body;
  if (typeof text !== "string" || text === "")
    return controlProblem("validation_failed", "text must be a non-empty string");
  if (typeof from !== "string" || !/^\d{7,15}$/.test(from))
    return controlProblem(
      "validation_failed",
      "from must be the customer's number, 7 to 15 digits",
    );
  if (typeof name !== "string") return controlProblem("validation_failed", "name must be a string");
  const message: CustomerTextMessage = {
    from,
    name,
    // From the trace stream, so simulated messages do not shift the world's ids.
    id: `wamid.${Buffer.from(`${from}.${sandbox.traceRng.alnum(24)}`).toString("base64")}`,
    timestamp: String(sandbox.clock.nowSeconds()),
    body: text,
  };
  const wabaId = phone.wabaId;
  const value = textMessageValue(phone, message);
  const attempt = sandbox.webhooks.send(wabaId, wabaId, "messages", value, phone.id);
  sandbox.kick();
  const detail = undelivered(attempt, wabaId);
  const view: CustomerMessageView = {
    message: { id: message.id, from, timestamp: message.timestamp },
    phone_number_id: phone.id,
    waba_id: wabaId,
    webhook: {
      id: attempt.id,
      state: attempt.state,
      url: attempt.state === "pending" ? (attempt.url ?? null) : null,
    },
    ...(detail ? { detail } : {}),
  };
  return Response.json(view);
}
