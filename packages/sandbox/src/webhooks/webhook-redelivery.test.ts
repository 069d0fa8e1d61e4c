import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Meta, Webhooks overview > "Webhook delivery failure": "retries will be sent to all apps that
// have subscribed to webhooks ... for the WhatsApp Business Account. This can result in duplicate
// webhook notifications", so a notification our endpoint already answered 2xx can come again.
// The `webhooks.redeliver` fault sends a delivered notification once more, byte for byte.

const HOUR = 3_600_000;

async function withFaults(faults: unknown, options: Parameters<typeof startSandbox>[1] = {}) {
  const h = await startSandbox("happy", options);
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
  return h;
}

describe("redelivery after a 2xx (fault webhooks.redeliver)", () => {
  test("rate 1: every delivered notification comes twice, the same bytes and signature", async () => {
    const h = await withFaults({ webhooks: { redeliver: { rate: 1 } } });
    await h.signup();
    await h.graph.sandbox.settle();
    const posts = h.outbound.filter((o) => o.method === "POST");
    expect(posts).toHaveLength(4);
    const [first, second] = h.graph.sandbox.state.webhooks;
    for (const webhook of [first, second]) {
      const copies = posts.filter((o) => o.body === webhook?.body);
      expect(copies).toHaveLength(2);
      expect(copies[0]?.headers["x-hub-signature-256"]).toBe(
        copies[1]?.headers["x-hub-signature-256"],
      );
    }
    expect(
      h.graph.sandbox.state.webhooks.map((w) => [w.state, w.attempts.map((a) => a.redelivery)]),
    ).toEqual([
      ["delivered", [undefined, true]],
      ["delivered", [undefined, true]],
    ]);
    // One extra copy each: the copy is not sent again, now or within Meta's 36 h.
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();
    expect(h.outbound.filter((o) => o.method === "POST")).toHaveLength(4);
  });

  test("afterMs: the copy comes that long after the 2xx, on the sandbox clock", async () => {
    const h = await withFaults({ webhooks: { redeliver: { rate: 1, afterMs: HOUR } } });
    await h.signup();
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(2);
    await h.graph.sandbox.advance(HOUR - 1);
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(2);
    await h.graph.sandbox.advance(1);
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(4);
    const [delivered, copy, ...more] = h.graph.sandbox.state.webhooks[0]?.attempts ?? [];
    expect(more).toEqual([]);
    expect((copy?.at ?? 0) - (delivered?.at ?? 0)).toBe(HOUR);
  });

  test("a delivery that failed first is sent again only after its 2xx", async () => {
    const h = await withFaults({ webhooks: { redeliver: { rate: 1 } } });
    h.receiver.status = 503;
    await h.signup();
    await h.graph.sandbox.settle();
    h.receiver.status = 200;
    await h.graph.sandbox.advance(5_000);
    await h.graph.sandbox.settle();
    expect(
      h.graph.sandbox.state.webhooks.map((w) =>
        w.attempts.map((a) => `${a.status}${a.redelivery ? " again" : ""}`),
      ),
    ).toEqual([
      ["503", "503", "200", "200 again"],
      ["503", "503", "200", "200 again"],
    ]);
  });

  test("a copy the receiver refuses is not retried (the notification was already delivered)", async () => {
    let answered = 0;
    const h = await withFaults(
      { webhooks: { redeliver: { rate: 1 } } },
      {
        webhookFetch: async () => {
          answered += 1;
          return new Response("", { status: answered <= 2 ? 200 : 500 });
        },
      },
    );
    await h.signup();
    await h.graph.sandbox.settle();
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();
    expect(answered).toBe(4);
    expect(
      h.graph.sandbox.state.webhooks.map((w) => [w.state, w.attempts.map((a) => a.status)]),
    ).toEqual([
      ["delivered", [200, 500]],
      ["delivered", [200, 500]],
    ]);
  });

  test("with batching, the whole batch is sent again as it was", async () => {
    const h = await withFaults({
      webhooks: { batch: { maxUpdates: 1000 }, redeliver: { rate: 1 } },
    });
    await h.signup();
    await h.graph.sandbox.settle();
    const posts = h.outbound.filter((o) => o.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[0]?.body).toBe(posts[1]?.body);
    expect(JSON.parse(posts[1]?.body ?? "").entry[0].changes).toHaveLength(2);
  });

  test.each([
    [0, 0],
    [1, 2],
  ])("rate %d redelivers %i of the signup's two notifications", async (rate, copies) => {
    const h = await withFaults({ webhooks: { redeliver: { rate } } });
    await h.signup();
    await h.graph.sandbox.settle();
    expect(h.outbound.filter((o) => o.method === "POST")).toHaveLength(2 + copies);
  });

  test("a rate between 0 and 1 picks the same notifications for the same seed", async () => {
    const picks = async () => {
      const h = await withFaults({ webhooks: { redeliver: { rate: 0.5 } } });
      const signup = await h.signup();
      const token = await h.exchange(signup.code);
      await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
      await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
        token,
        body: { source_waba_id: h.graph.sandbox.state.customer.sourceWabaId },
      });
      await h.graph.sandbox.settle();
      return h.graph.sandbox.state.webhooks.map((w) => w.attempts.length);
    };
    const first = await picks();
    expect(first).toEqual(await picks());
    expect(first).toContain(1);
    expect(first).toContain(2);
  });
});
