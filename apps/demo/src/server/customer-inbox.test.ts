import { describe, expect, test } from "vitest";
import { createCustomerInbox } from "./customer-inbox.js";

// Meta's "Text messages webhook reference" shape: one entry per WABA, `messages` changes without
// `time` (facts §5.2).
function delivery(
  messages: { id: string; from?: string; type?: string; body?: string; timestamp?: string }[],
  field = "messages",
) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field,
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "16315551234", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
              messages: messages.map((m) => ({
                from: m.from ?? "16505551234",
                id: m.id,
                timestamp: m.timestamp ?? "1764924000",
                type: m.type ?? "text",
                ...((m.type ?? "text") === "text" ? { text: { body: m.body ?? "Hi" } } : {}),
              })),
            },
          },
        ],
      },
    ],
  };
}

describe("createCustomerInbox", () => {
  test("keeps a customer's text with the number it was sent to, the sender and the time", () => {
    const inbox = createCustomerInbox();
    expect(inbox.receive(delivery([{ id: "wamid.1", body: "Are you open today?" }]))).toBe(1);
    expect(inbox.list()).toEqual([
      {
        id: "wamid.1",
        phoneNumberId: "106540352242922",
        displayPhoneNumber: "16315551234",
        from: "16505551234",
        name: "Sheena Nelson",
        type: "text",
        text: "Are you open today?",
        sentAt: "2025-12-05T08:40:00.000Z",
      },
    ]);
  });

  test("a delivery Meta sends again adds nothing: each message is kept once", () => {
    const inbox = createCustomerInbox();
    inbox.receive(delivery([{ id: "wamid.1" }]));
    expect(inbox.receive(delivery([{ id: "wamid.1" }, { id: "wamid.2" }]))).toBe(1);
    expect(inbox.list().map((m) => m.id)).toEqual(["wamid.2", "wamid.1"]);
  });

  test("a message that is not text is kept with its type and no text; an unknown sender has no name", () => {
    const inbox = createCustomerInbox();
    inbox.receive(delivery([{ id: "wamid.3", type: "image", from: "4915112345678" }]));
    expect(inbox.list()[0]).toMatchObject({ type: "image", text: null, name: null });
  });

  test.each([
    ["another field", delivery([{ id: "wamid.4" }], "message_template_status_update")],
    ["another object", { ...delivery([{ id: "wamid.4" }]), object: "page" }],
    [
      "no metadata",
      {
        object: "whatsapp_business_account",
        entry: [
          {
            changes: [
              {
                field: "messages",
                value: { messages: [{ id: "wamid.4", from: "1", timestamp: "1" }] },
              },
            ],
          },
        ],
      },
    ],
    ["a message without a timestamp", delivery([{ id: "wamid.4", timestamp: "soon" }])],
    ["not an object", "messages"],
    ["null", null],
  ])("%s: nothing is kept", (_case, payload) => {
    const inbox = createCustomerInbox();
    expect(inbox.receive(payload)).toBe(0);
    expect(inbox.list()).toEqual([]);
  });

  test("keeps the newest `limit` messages, and one dropped may come in again", () => {
    const inbox = createCustomerInbox(2);
    inbox.receive(delivery([{ id: "wamid.a" }, { id: "wamid.b" }, { id: "wamid.c" }]));
    expect(inbox.list().map((m) => m.id)).toEqual(["wamid.c", "wamid.b"]);
    expect(inbox.receive(delivery([{ id: "wamid.a" }]))).toBe(1);
    expect(inbox.list().map((m) => m.id)).toEqual(["wamid.a", "wamid.c"]);
  });
});
