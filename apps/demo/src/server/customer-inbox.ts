/** One customer message as the partner's messaging system received it from Meta. */
export interface InboxMessage {
  /** Meta's `wamid.` id (a redelivered webhook carries the same one). */
  id: string;
  /** The business number it was sent to, as Meta identifies it. */
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** The customer's WhatsApp id (digits). */
  from: string;
  /** Their profile name, when Meta sent one. */
  name: string | null;
  /** Meta's message type (`text`, `image`, …). */
  type: string;
  /** The text of a `text` message, else null. */
  text: string | null;
  /** When the customer sent it (ISO), from Meta's `timestamp`. */
  sentAt: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

// The customer messages of one `messages` change value (Meta's messages webhook reference:
// `metadata` names the business number, `contacts` the senders, `messages` what they sent).
function messagesOf(value: Json): InboxMessage[] {
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const phoneNumberId = text(metadata.phone_number_id);
  if (!phoneNumberId) return [];
  const names = new Map<string, string>();
  for (const contact of list(value.contacts)) {
    if (!isObject(contact)) continue;
    const waId = text(contact.wa_id);
    const name = isObject(contact.profile) ? text(contact.profile.name) : null;
    if (waId && name) names.set(waId, name);
  }
  const found: InboxMessage[] = [];
  for (const message of list(value.messages)) {
    if (!isObject(message)) continue;
    const id = text(message.id);
    const from = text(message.from);
    const seconds = Number(text(message.timestamp));
    if (!id || !from || !Number.isFinite(seconds)) continue;
    found.push({
      id,
      phoneNumberId,
      displayPhoneNumber: text(metadata.display_phone_number) ?? "",
      from,
      name: names.get(from) ?? null,
      type: text(message.type) ?? "unknown",
      text: isObject(message.text) ? text(message.text.body) : null,
      sentAt: new Date(seconds * 1000).toISOString(),
    });
  }
  return found;
}

/** What {@link createCustomerInbox} returns. */
export interface CustomerInbox {
  /** Takes a webhook body Meta delivered; keeps its customer messages; answers how many were new. */
  receive(payload: unknown): number;
  /** The kept messages, newest first. */
  list(): InboxMessage[];
}

/**
 * The demo partner's inbox: the customer messages Meta delivered to the app's callback, each once
 * (Meta may deliver a webhook again, so messages are kept by `wamid`), the newest `limit`.
 * Everything else in a delivery (templates, account updates) is the BFF's business, not the inbox's.
 *
 * @example
 * const inbox = createCustomerInbox();
 * inbox.receive(JSON.parse(rawBody)); // 1
 * inbox.list()[0]?.text; // "Are you open today?"
 */
export function createCustomerInbox(limit = 100): CustomerInbox {
  const kept: InboxMessage[] = [];
  const seen = new Set<string>();
  return {
    receive(payload) {
      if (!isObject(payload) || payload.object !== "whatsapp_business_account") return 0;
      let added = 0;
      for (const entry of list(payload.entry)) {
        if (!isObject(entry)) continue;
        for (const change of list(entry.changes)) {
          if (!isObject(change) || change.field !== "messages" || !isObject(change.value)) continue;
          for (const message of messagesOf(change.value)) {
            if (seen.has(message.id)) continue;
            seen.add(message.id);
            kept.unshift(message);
            added++;
          }
        }
      }
      for (const dropped of kept.splice(limit)) seen.delete(dropped.id);
      return added;
    },
    list: () => [...kept],
  };
}
