import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signPayload } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createCustomerInbox } from "./customer-inbox.js";
import { partnerWebhookReceiver } from "./partner-webhook-receiver.js";

// The demo partner's messaging system between Meta (the sandbox's webhook sender) and the BFF,
// over real sockets: a stand-in BFF records what reached it, and answers with a chosen status.

interface Received {
  method: string;
  url: string;
  signature: string | null;
  body: string;
}

const SECRET = "app-secret";
const CALLBACK = "https://partner.example/meta/webhooks";
let received: Received[] = [];
let status = 200;
let server: Server;
let bffUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const signature = req.headers["x-hub-signature-256"];
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        signature: typeof signature === "string" ? signature : null,
        body,
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ received: 1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  bffUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
  status = 200;
});

const sign = (raw: string, secret = SECRET) => signPayload(raw, secret);

// "Grüße" makes the body's bytes differ from its characters: it must arrive byte for byte.
const raw = JSON.stringify({
  object: "whatsapp_business_account",
  entry: [
    {
      id: "102290129340398",
      changes: [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "16315551234", phone_number_id: "106540352242922" },
            contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
            messages: [
              {
                from: "16505551234",
                id: "wamid.1",
                timestamp: "1764924000",
                type: "text",
                text: { body: "Grüße, are you open today?" },
              },
            ],
          },
        },
      ],
    },
  ],
});

function post(url: string, body: string, signature: string): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
}

describe("partnerWebhookReceiver", () => {
  test("a signed delivery: the customer's message is in the inbox, and the BFF gets the same bytes and signature", async () => {
    const inbox = createCustomerInbox();
    const receive = partnerWebhookReceiver({
      partner: () => ({ callbackUrl: CALLBACK, appSecret: SECRET }),
      bffUrl,
      inbox,
    });
    const answer = await receive(post(CALLBACK, raw, sign(raw)));
    expect(answer.status).toBe(200);
    expect(received).toEqual([
      { method: "POST", url: "/webhooks", signature: sign(raw), body: raw },
    ]);
    expect(inbox.list().map((m) => m.text)).toEqual(["Grüße, are you open today?"]);
  });

  test("the BFF's answer is Meta's answer, so a delivery the BFF could not take comes again; the message is kept once", async () => {
    const inbox = createCustomerInbox();
    const receive = partnerWebhookReceiver({
      partner: () => ({ callbackUrl: CALLBACK, appSecret: SECRET }),
      bffUrl,
      inbox,
    });
    status = 503;
    expect((await receive(post(CALLBACK, raw, sign(raw)))).status).toBe(503);
    status = 200;
    expect((await receive(post(CALLBACK, raw, sign(raw)))).status).toBe(200);
    expect(received).toHaveLength(2);
    expect(inbox.list()).toHaveLength(1);
  });

  test.each([
    ["another secret", sign(raw, "not-the-app-secret")],
    ["no signature", ""],
  ])(
    "signed with %s: nothing for the inbox, forwarded for the BFF to refuse",
    async (_case, signature) => {
      const inbox = createCustomerInbox();
      const receive = partnerWebhookReceiver({
        partner: () => ({ callbackUrl: CALLBACK, appSecret: SECRET }),
        bffUrl,
        inbox,
      });
      await receive(post(CALLBACK, raw, signature));
      expect(inbox.list()).toEqual([]);
      expect(received).toHaveLength(1);
    },
  );

  test("Meta's verification GET is forwarded with its query", async () => {
    const receive = partnerWebhookReceiver({
      partner: () => ({ callbackUrl: CALLBACK, appSecret: SECRET }),
      bffUrl,
      inbox: createCustomerInbox(),
    });
    const query = "?hub.mode=subscribe&hub.challenge=42&hub.verify_token=t";
    await receive(new Request(`${CALLBACK}${query}`));
    expect(received).toEqual([
      { method: "GET", url: `/webhooks${query}`, signature: null, body: "" },
    ]);
  });

  test("a delivery to another URL (an override) leaves as it is and is not the inbox's", async () => {
    const inbox = createCustomerInbox();
    const receive = partnerWebhookReceiver({
      partner: () => ({ callbackUrl: CALLBACK, appSecret: SECRET }),
      bffUrl,
      inbox,
    });
    await receive(post(`${bffUrl}/override`, raw, sign(raw)));
    expect(received.map((r) => r.url)).toEqual(["/override"]);
    expect(inbox.list()).toEqual([]);
  });
});
