import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import type { CallRecord } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// The critical path (issue 5, bench/orchestration): with the source WABA named by the caller, its
// reads go out with debug_token instead of after it (one round trip less: exchange → reads →
// writes → register → confirm). Without it the source is found among debug_token's granted
// targets, so its reads must wait for debug_token.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

/** debug_token's first answer is held by the sandbox for 300 ms (then dropped and retried). */
async function holdDebugToken(h: Harness) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      failNext: [{ operation: "debugToken", count: 1, code: "timeout" }],
      timeoutMs: 300,
    }),
  });
  expect(response.status).toBe(200);
}

const sourceReads = (calls: CallRecord[], source: string) =>
  calls.filter((c) => c.path === `/${source}` || c.path.startsWith(`/${source}/`));
const firstDebugToken = (calls: CallRecord[]) =>
  calls.find((c) => c.operation === "debugToken")?.seq ?? Number.NaN;

describe("capture_assets: source reads and debug_token", () => {
  test("with sourceWabaId, the source is read while debug_token is still unanswered", async () => {
    const h = await bffWithSandbox("happy");
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    const signup = await h.signup();
    await holdDebugToken(h);
    const created = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
      sourceWabaId: source,
    });
    expect(created.status).toBe(201);
    const { id } = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    const m = await h.store.getMigration(id);
    expect(m?.status).toBe("completed");
    expect(m?.templates.mode).toBe("copied_before_registration");

    const calls = await h.calls();
    const reads = sourceReads(calls, source);
    // One expanded read: the WABA's fields and its templates' first page, nothing to discover.
    expect(reads.map((c) => c.operation)).toEqual(["getWhatsAppBusinessAccountDetails"]);
    expect(reads[0]?.params.fields).toContain("message_templates.limit(100){");
    expect(reads[0]?.params.fields).not.toContain("phone_numbers");
    // Answered (the log is in order of answers) before debug_token's first, held, answer.
    for (const read of reads) expect(read.seq).toBeLessThan(firstDebugToken(calls));
  });

  test("without sourceWabaId, the source is discovered after debug_token answered", async () => {
    const h = await bffWithSandbox("happy");
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    const signup = await h.signup();
    await holdDebugToken(h);
    const created = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    });
    expect(created.status).toBe(201);
    await h.bff.idle();
    const calls = await h.calls();
    const reads = sourceReads(calls, source);
    // One expanded read: fields, the numbers' ids (does it list ours?) and the templates.
    expect(reads.map((c) => c.operation)).toEqual(["getWhatsAppBusinessAccountDetails"]);
    expect(reads[0]?.params.fields).toContain("phone_numbers.limit(100){id}");
    expect(reads[0]?.params.fields).toContain("message_templates.limit(100){");
    for (const read of reads) expect(read.seq).toBeGreaterThan(firstDebugToken(calls));
  });

  test("a failed grant check discards the early source reads and writes nothing", async () => {
    const h = await bffWithSandbox("happy");
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    const signup = await h.signup();
    const created = await h.post("/migrations", {
      code: signup.code,
      wabaId: "999999999",
      phoneNumberId: signup.phone_number_id,
      sourceWabaId: source,
    });
    expect(created.status).toBe(403);
    expect(ProblemDetailsSchema.parse(await created.json()).code).toBe("asset_not_granted");
    await h.bff.idle();
    const calls = await h.calls();
    expect(sourceReads(calls, source).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method !== "GET")).toEqual([]);
    const [m] = (await h.store.listMigrations({ limit: 10 })).items;
    expect(m?.status).toBe("action_required");
    expect(m?.templates).toEqual({ mode: "not_started", sourceReadable: false, items: [] });
    expect(m?.steps.filter((s) => s.status === "pending").map((s) => s.id)).toEqual([
      "share_credit_line",
      "subscribe_webhooks",
      "migrate_templates",
      "register_phone",
    ]);
  });
});
