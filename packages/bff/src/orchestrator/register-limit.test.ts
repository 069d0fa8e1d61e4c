import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";
import { REGISTER_POST_LIMIT } from "./register-step.js";

// Meta allows 10 register requests per number in 72 hours, then blocks registration for 72 hours
// (facts §3.9, error 133016), and counts requests, not successes. A register that keeps failing
// transiently was sent 30-40 times in one 15-minute retry budget, and POST /retry started another.
// The kit now counts its requests in the journal and stops at its share (decision 028).

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;
const REGISTER = "registerWhatsAppBusinessPhoneNumber";

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

const registers = async (h: Harness) => (await h.calls()).filter((c) => c.operation === REGISTER);

const retry = async (h: Harness, id: string) => {
  expect((await h.bff.request(`/migrations/${id}/retry`, { method: "POST" })).status).toBe(202);
  await h.bff.idle();
};

test.each([[131000], ["5xx"], ["drop"]])(
  "register failing with %s: at most the kit's share of requests in 72 h, across retries, then register_rate_limited",
  async (code) => {
    const h = await bffWithSandbox("happy");
    await setFaults(h, { failNext: [{ operation: REGISTER, count: 1_000, code }] });
    const signup = await h.signup();
    const created = await h.post("/migrations", { code: signup.code });
    const { id } = MigrationSchema.parse(await created.json());
    await h.bff.idle();

    // One budget: a retryable stop while the kit's share is not used up.
    const first = await h.store.getMigration(id);
    expect(first?.steps.find((s) => s.id === "register_phone")?.lastError?.code).toBe(
      "graph_unavailable",
    );
    expect((await registers(h)).length).toBeLessThan(REGISTER_POST_LIMIT);

    // Retries start new budgets but not a new count: the kit stops before Meta's limit.
    await retry(h, id);
    await retry(h, id);
    const stopped = await h.store.getMigration(id);
    expect(stopped?.status).toBe("action_required");
    expect(stopped?.steps.find((s) => s.id === "register_phone")).toMatchObject({
      status: "action_required",
      lastError: { code: "register_rate_limited", retryable: true },
    });
    // The customer is told when: once the oldest request leaves the 72-hour window.
    const oldest = stopped?.context.registerPosts?.[0] ?? "";
    expect(stopped?.steps.find((s) => s.id === "register_phone")?.lastError?.retryAt).toBe(
      new Date(Date.parse(oldest) + 72 * 3_600_000).toISOString(),
    );
    expect(await registers(h)).toHaveLength(REGISTER_POST_LIMIT);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
    // Meta counted them all, and room is left for the old partner's and Meta's own requests.
    expect(phone?.registrationRequests).toHaveLength(REGISTER_POST_LIMIT);

    // Once Meta's window has passed and Meta answers again, a retry registers, once.
    await setFaults(h, {});
    await h.graph.sandbox.advance(72 * 3_600_000);
    await retry(h, id);
    expect((await h.store.getMigration(id))?.status).toBe("completed");
    const after = await registers(h);
    expect(after.filter((c) => c.status === 200)).toHaveLength(1);
    expect(after).toHaveLength(REGISTER_POST_LIMIT + 1);
  },
);

test("a retry after a transient register failure checks Meta's state before sending again", async () => {
  const h = await bffWithSandbox("happy");
  await setFaults(h, { failNext: [{ operation: REGISTER, count: 1, code: 131000 }] });
  const signup = await h.signup();
  const { id } = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();
  expect((await h.store.getMigration(id))?.status).toBe("completed");
  const calls = await h.calls();
  const [failed, succeeded] = calls.filter((c) => c.operation === REGISTER);
  expect([failed?.status, succeeded?.status]).toEqual([500, 200]);
  const check = calls.find(
    (c) =>
      c.seq > (failed?.seq ?? 0) &&
      c.seq < (succeeded?.seq ?? 0) &&
      String(c.params.fields).includes("last_onboarded_time"),
  );
  expect(check).toBeDefined();
  // The wait before sending it again was long enough not to spend Meta's count in seconds.
  expect(Math.max(...h.sleeps)).toBeGreaterThanOrEqual(60_000);
});

test("Meta's 133016 tells the customer until when, and a retry before then sends nothing", async () => {
  const h = await bffWithSandbox("register-rate-limited");
  const signup = await h.signup();
  const { id } = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code })).json(),
  );
  await h.bff.idle();
  const refusedAt = h.graph.sandbox.clock.now();
  const stopped = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  const step = stopped.steps.find((s) => s.id === "register_phone");
  expect(step).toMatchObject({
    status: "action_required",
    lastError: { code: "register_rate_limited", retryable: true, graph: { code: 133016 } },
  });
  // 72 hours from Meta's refusal (the sandbox clock runs on while the test reads it).
  const blockedFor = Date.parse(step?.lastError?.retryAt ?? "") - refusedAt;
  expect(Math.abs(blockedFor - 72 * 3_600_000)).toBeLessThan(60_000);
  expect(await registers(h)).toHaveLength(1);

  // A day later: still inside the block, so the retry stops again without asking Meta.
  await h.graph.sandbox.advance(24 * 3_600_000);
  await retry(h, id);
  expect((await h.store.getMigration(id))?.status).toBe("action_required");
  expect(await registers(h)).toHaveLength(1);

  // After the block: one register, and the number moves.
  await h.graph.sandbox.advance(48 * 3_600_000);
  await retry(h, id);
  expect((await h.store.getMigration(id))?.status).toBe("completed");
  expect(await registers(h)).toHaveLength(2);
});
