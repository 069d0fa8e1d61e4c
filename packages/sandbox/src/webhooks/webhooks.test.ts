import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { startSandbox, T0 } from "../test-support/sandbox-harness.js";

/** What a partner's receiver does: HMAC-SHA256 of the raw bytes with the app secret, constant-time compare. */
function verify(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function receiver() {
  const received: { raw: Buffer; signature: string | undefined; path: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        raw: Buffer.concat(chunks),
        signature: req.headers["x-hub-signature-256"] as string | undefined,
        path: req.url ?? "",
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("outgoing webhooks", () => {
  test("signup's account_update reaches a real receiver, signed over the raw body with the app secret", async () => {
    const r = await receiver();
    const h = await startSandbox("happy", { webhookFetch: (request) => fetch(request) });
    h.graph.sandbox.state.partner.app.callbackUrl = `${r.url}/meta`;
    const signup = await h.signup();
    await h.graph.sandbox.settle();
    expect(r.received).toHaveLength(2);
    for (const delivery of r.received) {
      expect(delivery.path).toBe("/meta");
      expect(verify(delivery.raw, delivery.signature, h.partner.app_secret)).toBe(true);
      expect(verify(delivery.raw, delivery.signature, "another-secret")).toBe(false);
    }
    const bodies = r.received.map((d) => JSON.parse(d.raw.toString("utf8")));
    expect(bodies[0]).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: h.partner.business_id,
          time: Math.floor(T0 / 1000),
          changes: [
            {
              field: "account_update",
              value: {
                event: "PARTNER_ADDED",
                waba_info: { waba_id: signup.waba_id, owner_business_id: signup.business_id },
              },
            },
          ],
        },
      ],
    });
    expect(bodies[1].entry[0].changes[0].value).toEqual({
      event: "PARTNER_APP_INSTALLED",
      waba_info: {
        waba_id: signup.waba_id,
        owner_business_id: signup.business_id,
        partner_app_id: h.partner.app_id,
      },
    });
  });

  test("webhooks leave right after the request that caused them, without a clock advance", async () => {
    const h = await startSandbox();
    await h.signup();
    await new Promise((resolve) => setImmediate(resolve));
    await h.graph.sandbox.webhooks.idle();
    expect(h.outbound.map((o) => JSON.parse(o.body).entry[0].changes[0].value.event)).toEqual([
      "PARTNER_ADDED",
      "PARTNER_APP_INSTALLED",
    ]);
  });

  test("a WABA's template webhooks reach our app only once it subscribed to that WABA", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const value = { event: "APPROVED", message_template_name: "x" };
    const before = h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_status_update",
      value,
    );
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const after = h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_status_update",
      value,
    );
    await h.graph.sandbox.settle();
    expect([before.state, after.state]).toEqual(["not-subscribed", "delivered"]);
    expect(
      h.outbound.filter((o) => o.body.includes("message_template_status_update")),
    ).toHaveLength(1);
  });

  test("a field the app did not subscribe to in the App Dashboard is not sent", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const app = h.graph.sandbox.state.partner.app;
    app.subscribedFields = app.subscribedFields.filter(
      (f) => f !== "message_template_quality_update",
    );
    const attempt = h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_quality_update",
      { new_quality_score: "GREEN" },
    );
    await h.graph.sandbox.settle();
    expect(attempt.state).toBe("not-subscribed");
    expect(h.outbound.some((o) => o.body.includes("message_template_quality_update"))).toBe(false);
  });

  test("a body with non-ASCII text verifies over its raw bytes", async () => {
    const h = await startSandbox();
    const waba = h.graph.sandbox.state.wabas.get(h.graph.sandbox.state.customer.sourceWabaId);
    const attempt = h.graph.sandbox.webhooks.send(waba?.id ?? "", waba?.id, "account_update", {
      event: "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE",
      country: "Wind & Wöol ✓",
    });
    await h.graph.sandbox.settle();
    const delivered = h.outbound.find((o) => o.body === attempt.body);
    expect(
      verify(
        Buffer.from(delivered?.body ?? "", "utf8"),
        delivered?.headers["x-hub-signature-256"],
        h.partner.app_secret,
      ),
    ).toBe(true);
    expect(delivered?.headers["content-type"]).toBe("application/json");
  });

  // Meta signs "an escaped unicode version of the payload, with lowercase hex digits" (Graph API
  // Webhooks, "Validate Payloads": äöå is sent as \u00e4\u00f6\u00e5), so only the raw bytes
  // verify: a receiver that re-serialises the parsed JSON gets another signature.
  test("non-ASCII text is sent escaped as \\uXXXX (lowercase hex), so only the raw body verifies", async () => {
    const h = await startSandbox("pending-rename");
    const phone = h.graph.sandbox.state.phones.get(h.graph.sandbox.state.customer.phoneId);
    if (phone) phone.requestedName = "Bäckerei Müller ✓ 🥨";
    // The partner app follows the number's current WABA, so the name decision reaches it.
    h.graph.sandbox.state.wabas.get(phone?.wabaId ?? "")?.subscriptions.push({
      appId: h.partner.app_id,
      overrideCallbackUri: undefined,
      verifyToken: undefined,
    });
    const r = await h.graph.request("/__sandbox/clock", {
      method: "POST",
      body: JSON.stringify({ advanceMs: 86_400_000 }),
    });
    expect(r.status).toBe(200);
    await h.graph.sandbox.settle();
    const delivered = h.outbound.find((o) => o.body.includes("phone_number_name_update"));
    const raw = delivered?.body ?? "";
    expect(raw).toMatch(/^[\x20-\x7e]*$/);
    expect(raw).toContain("B\\u00e4ckerei M\\u00fcller \\u2713 \\ud83e\\udd68");
    expect(JSON.parse(raw).entry[0].changes[0].value.requested_verified_name).toBe(
      "Bäckerei Müller ✓ 🥨",
    );
    const signature = delivered?.headers["x-hub-signature-256"];
    expect(verify(Buffer.from(raw, "utf8"), signature, h.partner.app_secret)).toBe(true);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw)), "utf8");
    expect(verify(reserialised, signature, h.partner.app_secret)).toBe(false);
  });

  // Meta, "Webhook overrides": template webhooks "do not support callback overrides. These
  // webhooks are always delivered to your app's default callback URL" (more in webhook-target.test.ts).
  test("template webhooks go to the app's callback even when the destination WABA has an override", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, {
      token,
      body: { override_callback_uri: "https://override.example/wa", verify_token: "v" },
    });
    await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.settle();
    const templateHooks = h.outbound.filter(
      (o) => o.method === "POST" && o.body.includes("message_template_status_update"),
    );
    expect(templateHooks).toHaveLength(6);
    expect(new Set(templateHooks.map((o) => o.url))).toEqual(new Set([h.partner.callback_url]));
  });
});
