import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// The webhook faults go through the same control route as the Graph faults and are checked the
// same way: a bad value is a validation_failed problem and leaves the previous settings in place.

async function post(body: unknown) {
  const h = await startSandbox();
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    body: JSON.stringify(body),
  });
  return { h, status: response.status, body: await response.json() };
}

describe("POST /__sandbox/faults with webhooks", () => {
  test("fills the defaults: batches of up to Meta's 1,000 with no window, copies at once", async () => {
    const answer = await post({ webhooks: { batch: {}, redeliver: { rate: 0.25 } } });
    expect(answer.status).toBe(200);
    expect(answer.body.faults).toEqual({
      webhooks: { batch: { maxUpdates: 1000, windowMs: 0 }, redeliver: { rate: 0.25, afterMs: 0 } },
    });
    expect(answer.h.graph.sandbox.faults.config.webhooks?.batch?.maxUpdates).toBe(1000);
  });

  test.each([
    ["webhooks is not an object", { webhooks: [] }],
    ["maxUpdates 0", { webhooks: { batch: { maxUpdates: 0 } } }],
    ["maxUpdates above Meta's 1,000", { webhooks: { batch: { maxUpdates: 1001 } } }],
    ["maxUpdates not a whole number", { webhooks: { batch: { maxUpdates: 2.5 } } }],
    ["a negative window", { webhooks: { batch: { windowMs: -1 } } }],
    ["a rate above 1", { webhooks: { redeliver: { rate: 1.5 } } }],
    ["no rate", { webhooks: { redeliver: {} } }],
    [
      "a copy later than Meta's 36 h",
      { webhooks: { redeliver: { rate: 1, afterMs: 36 * 3_600_000 + 1 } } },
    ],
  ])("%s is refused and changes nothing", async (_name, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("validation_failed");
    expect(answer.body.detail).toContain("webhooks");
    expect(answer.h.graph.sandbox.faults.config).toEqual({});
  });
});
