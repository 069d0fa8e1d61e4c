import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Which Graph failures wait and which stop (facts §4.2). Graph's throttles 32 and 613 are
// "try later" like 4, 17 and 80007: one 613 on debug_token answered POST /migrations 429 for good
// (the Idempotency-Key replayed the refusal) and failed a step mid-migration. Conversely, Meta
// sends some refusals with HTTP 500 and `is_transient: false` (133000 "Incomplete
// deregistration", 131045 "Incorrect certificate"); they were retried for 15 minutes as an
// outage and ended `graph_unavailable`.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

test.each([
  [32, "debugToken"],
  [613, "debugToken"],
  [32, "subscribeToWabaWebhooks"],
  [613, "subscribeToWabaWebhooks"],
])(
  "Graph throttle %i on %s is waited out: POST /migrations answers 201 and the migration completes",
  async (code, operation) => {
    const h = await bffWithSandbox("happy");
    // More than the Graph client's own 4 attempts: the step runner has to wait too.
    await setFaults(h, { failNext: [{ operation, count: 6, code }] });
    const signup = await h.signup();
    const created = await h.post("/migrations", { code: signup.code }, { "idempotency-key": "k1" });
    expect(created.status).toBe(201);
    const { id } = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    expect((await h.store.getMigration(id))?.status).toBe("completed");
    const calls = (await h.calls()).filter((c) => c.operation === operation);
    expect(calls.slice(0, 7).map((c) => c.errorCode)).toEqual([...Array(6).fill(code), null]);
    const replay = await h.post("/migrations", { code: signup.code }, { "idempotency-key": "k1" });
    expect(replay.status).toBe(201);
  },
);

test.each([
  // Meta's refusal is for the partner to take to Meta support, not the customer's (decision 045).
  [133000, "failed", "migration_refused"],
  [131045, "failed", "graph_error"],
])(
  "register answered %i (HTTP 500, is_transient false) is sent once and stops %s as %s with Meta's reference",
  async (code, status, errorCode) => {
    const h = await bffWithSandbox("happy");
    await setFaults(h, {
      failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 1, code }],
    });
    const signup = await h.signup();
    const { id } = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const m = await h.store.getMigration(id);
    expect(m?.status).toBe(status);
    expect(m?.steps.find((s) => s.id === "register_phone")).toMatchObject({
      status,
      attempts: 1,
      lastError: { code: errorCode, retryable: false, graph: { code } },
    });
    const registers = (await h.calls()).filter(
      (c) => c.operation === "registerWhatsAppBusinessPhoneNumber",
    );
    expect(registers.map((c) => [c.status, c.errorCode])).toEqual([[500, code]]);
    expect(h.sleeps).toEqual([]);
  },
);
