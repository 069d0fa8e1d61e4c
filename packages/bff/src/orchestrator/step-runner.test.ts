import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Finding F2 (issue 5): a step whose Graph errors stay transient is not given up after three
// tries: the engine keeps retrying within a budget (`graph.maxTransientRetryMs`), then ends the
// step `graph_unavailable`, retryable, so POST /retry can finish it. Backoff sleeps are recorded,
// not waited (bffWithSandbox), and they count against the budget.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

async function create(h: Harness) {
  const signup = await h.signup();
  const response = await h.post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  });
  expect(response.status).toBe(201);
  return MigrationSchema.parse(await response.json()).id;
}

const SUBSCRIBE = "subscribeToWabaWebhooks";
const REGISTER = "registerWhatsAppBusinessPhoneNumber";

describe("steps under transient Graph failures", () => {
  test("keep retrying past the Graph client's retries until Graph answers again", async () => {
    const h = await bffWithSandbox("happy");
    // Five step attempts' worth of 503s (the Graph client tries each call 4 times).
    await setFaults(h, { failNext: [{ operation: SUBSCRIBE, count: 20, code: "5xx" }] });
    const id = await create(h);
    await h.bff.idle();
    const m = await h.store.getMigration(id);
    expect(m?.status).toBe("completed");
    expect(m?.steps.find((s) => s.id === "subscribe_webhooks")?.attempts).toBe(6);
    const subscribes = (await h.calls()).filter((c) => c.operation === SUBSCRIBE);
    expect(subscribes.filter((c) => c.status === 503)).toHaveLength(20);
    expect(subscribes.filter((c) => c.status === 200)).toHaveLength(1);
    // The retry state is cleared once the step succeeded.
    expect(m?.context["transientRetry:subscribe_webhooks"]).toBeNull();
  });

  test("give up after the budget as graph_unavailable, retryable; POST /retry then completes", async () => {
    const h = await bffWithSandbox("happy", {
      graph: { maxTransientRetryMs: 60_000, sleep: async () => {} },
    });
    await setFaults(h, { failNext: [{ operation: SUBSCRIBE, count: 100_000, code: "5xx" }] });
    const id = await create(h);
    await h.bff.idle();
    const failed = await h.store.getMigration(id);
    expect(failed?.status).toBe("failed");
    const step = failed?.steps.find((s) => s.id === "subscribe_webhooks");
    expect(step?.status).toBe("failed");
    expect(step?.lastError).toMatchObject({ code: "graph_unavailable", retryable: true });
    expect(step?.attempts).toBeGreaterThan(3);
    expect((await h.calls()).some((c) => c.operation === REGISTER)).toBe(false);

    await setFaults(h, {});
    expect((await h.bff.request(`/migrations/${id}/retry`, { method: "POST" })).status).toBe(202);
    await h.bff.idle();
    expect((await h.store.getMigration(id))?.status).toBe("completed");
  });

  test("a restart continues the budget of the instance that died, instead of starting a new one", async () => {
    const h = await bffWithSandbox("happy");
    // One Graph attempt per call, so the step runner's wait is the first; A dies during it.
    const graph = { maxAttempts: 1, maxTransientRetryMs: 90_000 };
    const dying = createMigrationBff({
      ...h.options,
      instanceId: "A",
      graph: { ...graph, sleep: () => new Promise<void>(() => {}) },
    });
    await setFaults(h, { failNext: [{ operation: SUBSCRIBE, count: 2, code: "5xx" }] });
    const signup = await h.signup();
    const created = await dying.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    const { id } = MigrationSchema.parse(await created.json());
    const waiting = async () =>
      (await h.store.getMigration(id))?.context["transientRetry:subscribe_webhooks"];
    for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await waiting()).toMatchObject({ failures: 1 });

    // Two minutes later (A's lease is long over) B fails once more: 90 s of budget are spent.
    await h.graph.sandbox.advance(120_000);
    const successor = createMigrationBff({
      ...h.options,
      instanceId: "B",
      graph: { ...graph, sleep: async () => {} },
    });
    expect(await successor.resume()).toBe(1);
    await successor.idle();
    const m = await h.store.getMigration(id);
    expect(m?.status).toBe("failed");
    expect(m?.steps.find((s) => s.id === "subscribe_webhooks")?.lastError?.code).toBe(
      "graph_unavailable",
    );
  });

  test("register is not sent again when its answer was lost after Meta registered (check before act)", async () => {
    let dropped = false;
    const h: Harness = await bffWithSandbox("happy", {
      fetch: async (input, init) => {
        const response = await h.graph.fetch(new Request(input, init));
        if (!dropped && new URL(input).pathname.endsWith("/register")) {
          dropped = true;
          throw new TypeError("fetch failed: the connection was reset");
        }
        return response;
      },
    });
    const id = await create(h);
    await h.bff.idle();
    const m = await h.store.getMigration(id);
    expect(m?.status).toBe("completed");
    expect(m?.steps.find((s) => s.id === "register_phone")?.attempts).toBe(2);
    const calls = await h.calls();
    const registers = calls.filter((c) => c.operation === REGISTER);
    expect(registers).toHaveLength(1);
    // The second attempt looked at Meta's state instead.
    const check = calls.find(
      (c) =>
        c.seq > (registers[0]?.seq ?? 0) && String(c.params.fields).includes("last_onboarded_time"),
    );
    expect(check).toBeDefined();
  });
});
