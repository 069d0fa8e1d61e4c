import { describe, expect, test } from "vitest";
import { startSandbox, T0 } from "../test-support/sandbox-harness.js";
import { signPayload } from "../webhooks/sign-payload.js";

// A customer writes to the business number: Meta sends a `messages` webhook (Meta, "Text messages
// webhook reference"; facts §5.2: no entry `time` on messages) to the number's alternate callback,
// else its WABA's, else the app's ("Webhook overrides"), and only to an app subscribed to the
// number's current WABA (Meta, "Managing Webhooks": "You must individually subscribe to every WABA
// for which you wish to receive webhooks").

const PHONE_ALT = "https://phone-alt.example/webhook";
const REGISTER = { messaging_product: "whatsapp", pin: "246810" };

async function world() {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const phoneId = signup.phone_number_id as string;
  const sourceWabaId = h.graph.sandbox.state.customer.sourceWabaId;
  /** The customer sends `body`: the route's answer, and the POSTs Meta made for it. */
  const message = async (body: unknown, id = phoneId) => {
    const before = h.outbound.length;
    const answer = await h.graph.request(`/__sandbox/phone-numbers/${id}/messages`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    await h.graph.sandbox.settle();
    const posts = h.outbound.slice(before).filter((o) => o.method === "POST");
    return { status: answer.status, body: await answer.json(), posts };
  };
  /** Subscription to the new WABA and registration: the number moves to it. */
  const move = async () => {
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${phoneId}/register`, { token, body: REGISTER });
  };
  return { h, signup, token, phoneId, sourceWabaId, message, move };
}

describe("POST /__sandbox/phone-numbers/{id}/messages", () => {
  test("before the move none of ours gets it; after it, the new partner's callback does, signed, in Meta's shape", async () => {
    const { h, signup, phoneId, sourceWabaId, message, move } = await world();
    const before = await message({ text: "Still open?" });
    expect(before.status).toBe(200);
    expect(before.body.waba_id).toBe(sourceWabaId);
    expect(before.body.webhook).toMatchObject({ state: "not-subscribed", url: null });
    expect(before.posts).toEqual([]);

    await move();
    const after = await message({ text: "Grüße! Still open?", from: "4915112345678", name: "Jo" });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      phone_number_id: phoneId,
      waba_id: signup.waba_id,
      webhook: { state: "pending", url: h.partner.callback_url },
    });
    expect(after.posts.map((p) => p.url)).toEqual([h.partner.callback_url]);
    const [post] = after.posts;
    expect(post?.headers["x-hub-signature-256"]).toBe(
      signPayload(post?.body ?? "", h.graph.sandbox.state.partner.app.secret),
    );
    const { id, from, timestamp } = after.body.message;
    expect(id).toMatch(/^wamid\./);
    expect([from, timestamp]).toEqual(["4915112345678", String(T0 / 1000)]);
    expect(JSON.parse(post?.body ?? "")).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "16315551234", phone_number_id: phoneId },
                contacts: [{ profile: { name: "Jo" }, wa_id: "4915112345678" }],
                messages: [
                  { from, id, timestamp, type: "text", text: { body: "Grüße! Still open?" } },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  test("with the number's alternate callback set, the message goes there", async () => {
    const { h, token, phoneId, message, move } = await world();
    await move();
    await h.call("POST", `/v26.0/${phoneId}`, {
      token,
      body: { webhook_configuration: { override_callback_uri: PHONE_ALT, verify_token: "p" } },
    });
    const sent = await message({ text: "Hello" });
    expect(sent.body.webhook).toMatchObject({ state: "pending", url: PHONE_ALT });
    expect(sent.posts.map((p) => p.url)).toEqual([PHONE_ALT]);
  });

  test("once the app unsubscribed from the number's WABA, nothing is delivered and the answer says so", async () => {
    const { h, signup, token, message, move } = await world();
    await move();
    await h.call("DELETE", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const sent = await message({ text: "Hello?" });
    expect(sent.status).toBe(200);
    expect(sent.body.webhook).toMatchObject({ state: "not-subscribed", url: null });
    expect(sent.body.detail).toContain(signup.waba_id);
    expect(sent.posts).toEqual([]);
  });

  test.each([
    [{}, "text"],
    [{ text: "" }, "text"],
    [{ text: "hi", from: "+49 151" }, "from"],
    [{ text: "hi", name: 7 }, "name"],
  ])("a bad body %j: 400 validation_failed naming %s", async (body, field) => {
    const { message } = await world();
    const answer = await message(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "validation_failed" });
    expect(answer.body.detail).toContain(field);
  });

  test("an unknown number: 404 not_found", async () => {
    const { message } = await world();
    const answer = await message({ text: "hi" }, "999");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: "not_found" });
    expect(answer.body.detail).toContain("999");
  });
});
