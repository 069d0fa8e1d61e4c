import { describe, expect, test } from "vitest";
import { startSandbox, T0 } from "../test-support/sandbox-harness.js";

const HOUR = 3_600_000;

// Meta retries a failed delivery "immediately, then with decreasing frequency for up to 36 h, then
// dropped" (facts §5.1). The intervals are the sandbox's own choice (Meta publishes none): an
// immediate retry, then 5 s doubling to a cap of 1 h, so tries are due at 0, 0, 5 s, 15 s, 35 s,
// ..., 5,115 s (the 12th), then hourly, and a last one at exactly 36 h.
describe("webhook retries follow Meta's 36 h window, on the sandbox clock", () => {
  test("non-2xx answers are retried immediately, then after 5 s and 10 s of sandbox time until delivered", async () => {
    const h = await startSandbox();
    h.receiver.status = 500;
    await h.signup();
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(4);
    await h.graph.sandbox.advance(5_000);
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(6);
    h.receiver.status = 200;
    await h.graph.sandbox.advance(30_000);
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(8);
    expect(
      h.graph.sandbox.state.webhooks.map((w) => [w.state, w.attempts.map((a) => a.status)]),
    ).toEqual([
      ["delivered", [500, 500, 500, 200]],
      ["delivered", [500, 500, 500, 200]],
    ]);
    await h.graph.sandbox.advance(86_400_000);
    expect(h.outbound).toHaveLength(8);
  });

  test("a receiver down for 2 h still gets the delivery on the first try after it answers 2xx", async () => {
    const h = await startSandbox();
    h.receiver.status = 503;
    await h.signup();
    await h.graph.sandbox.settle();
    // Time passes as in the bin (its ticker runs due jobs every second), not in one jump.
    for (let minutes = 10; minutes <= 120; minutes += 10) {
      await h.graph.sandbox.advance(10 * 60_000);
      await h.graph.sandbox.settle();
    }
    expect(h.graph.sandbox.state.webhooks.map((w) => w.state)).toEqual(["pending", "pending"]);
    h.receiver.status = 200;
    await h.graph.sandbox.advance(HOUR);
    await h.graph.sandbox.settle();
    const [first, second] = h.graph.sandbox.state.webhooks;
    expect(first?.state).toBe("delivered");
    expect(second?.state).toBe("delivered");
    expect(first?.attempts.map((a) => a.status)).toEqual([...Array(12).fill(503), 200]);
    expect(first?.attempts.at(-1)?.at).toBe(T0 + 8_715_000);
    expect(h.graph.sandbox.jobs.pending()).toEqual([]);
  });

  test("a receiver down for 37 h: still retried just before 36 h, then the delivery is dropped as failed", async () => {
    const h = await startSandbox("happy", {
      webhookFetch: async () => Promise.reject(new TypeError("fetch failed")),
    });
    await h.signup();
    await h.graph.sandbox.settle();
    for (let hours = 1; hours <= 35; hours += 1) {
      await h.graph.sandbox.advance(HOUR);
      await h.graph.sandbox.settle();
    }
    await h.graph.sandbox.advance(HOUR - 1);
    await h.graph.sandbox.settle();
    const [first] = h.graph.sandbox.state.webhooks;
    expect(first?.state).toBe("pending");
    await h.graph.sandbox.advance(HOUR + 1);
    await h.graph.sandbox.settle();
    expect(h.graph.sandbox.state.webhooks.map((w) => w.state)).toEqual(["failed", "failed"]);
    expect(first?.attempts.map((a) => a.status)).toEqual(Array(47).fill("network-error"));
    expect(first?.attempts[0]?.at).toBe(T0);
    expect(first?.attempts.at(-1)?.at).toBe(T0 + 36 * HOUR);
    expect(h.graph.sandbox.jobs.pending()).toEqual([]);
  });

  test("a delivery answered 2xx is never retried", async () => {
    const h = await startSandbox();
    await h.signup();
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(2);
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();
    expect(h.outbound).toHaveLength(2);
    expect(
      h.graph.sandbox.state.webhooks.map((w) => [w.state, w.attempts.map((a) => a.status)]),
    ).toEqual([
      ["delivered", [200]],
      ["delivered", [200]],
    ]);
    expect(h.graph.sandbox.jobs.pending()).toEqual([]);
  });

  test("one clock jump past 36 h replays every try due in it, then drops the delivery", async () => {
    const h = await startSandbox();
    h.receiver.status = 500;
    await h.signup();
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();
    const [first] = h.graph.sandbox.state.webhooks;
    expect(first?.state).toBe("failed");
    expect(first?.attempts.map((a) => a.at - T0).slice(0, 6)).toEqual([
      0, 0, 5_000, 15_000, 35_000, 75_000,
    ]);
    expect(first?.attempts.map((a) => a.at - T0).slice(-3)).toEqual([
      123_915_000, 127_515_000, 129_600_000,
    ]);
    expect(h.outbound.filter((o) => o.body === first?.body)).toHaveLength(47);
  });

  test("a reset ends the old world's deliveries: a try in flight at the reset is not retried", async () => {
    const answers: ((response: Response) => void)[] = [];
    const sent: string[] = [];
    const h = await startSandbox("happy", {
      webhookFetch: async (request) => {
        sent.push(await request.text());
        // The signup's two deliveries hang until the test answers them, after the reset.
        if (answers.length < 2) return new Promise<Response>((resolve) => answers.push(resolve));
        return new Response("down", { status: 503 });
      },
    });
    await h.signup();
    await h.graph.sandbox.tick();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(2);
    const reset = await h.graph.request("/__sandbox/reset", { method: "POST", body: "{}" });
    expect(reset.status).toBe(200);
    for (const answer of answers) answer(new Response("down", { status: 503 }));
    await new Promise((resolve) => setImmediate(resolve));
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(2);
    expect(h.graph.sandbox.jobs.pending()).toEqual([]);
    expect(h.graph.sandbox.state.webhooks).toEqual([]);
  });
});
