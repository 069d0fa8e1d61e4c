import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { createLogger } from "../log/logger.js";
import { createMemoryStore } from "../store/memory-store.js";
import { createSharedQueue } from "./create-shared-queue.js";

// Two "instances" are two queues over one store, each with its own instance id, as two BFF
// processes over one journal. The SQL stores' leases are tested by the store contract and the
// routes' PostgreSQL test; here the queue's own waiting, renewal and release are.

const T0 = Date.parse("2026-11-25T10:00:00.000Z");
const busy = () => new Error("busy");

describe("createSharedQueue", () => {
  test("tasks of one key run one at a time across instances; other keys freely", async () => {
    const store = createMemoryStore();
    const now = () => new Date(T0).toISOString();
    const log = createLogger({ write: () => {} });
    const a = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "a", log }, "s", busy);
    const b = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "b", log }, "s", busy);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const task = (label: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      order.push(label);
      await sleep(30);
      running -= 1;
      return label;
    };
    const other = b("k2", task("other"));
    const done = await Promise.all([a("k1", task("a1")), b("k1", task("b1")), a("k1", task("a2"))]);
    expect(done).toEqual(["a1", "b1", "a2"]);
    // "other" ran beside a1; no two tasks of k1 ever did.
    expect(order.slice(0, 2).sort()).toEqual(["a1", "other"]);
    expect(most).toBe(2);
    await other;
    // Every lease was released: a third instance runs k1 at once under the frozen clock.
    const c = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "c", log }, "s", busy);
    expect(await c("k1", async () => "c1")).toBe("c1");
  });

  test("a failed task releases the lease at once: the other instance goes on without waiting", async () => {
    const store = createMemoryStore();
    const now = () => new Date(T0).toISOString(); // a frozen clock: no lease ever expires
    const log = createLogger({ write: () => {} });
    const a = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "a", log }, "s", busy);
    const b = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "b", log }, "s", busy);
    const failing = a("k1", async () => {
      await sleep(30);
      throw new Error("Meta said no");
    });
    const next = b("k1", async () => "ran");
    await expect(failing).rejects.toThrow("Meta said no");
    expect(await next).toBe("ran");
  });

  test("a lease left by an instance that stopped is taken over once it expired, and not before", async () => {
    const store = createMemoryStore();
    let clock = T0;
    const now = () => new Date(clock).toISOString();
    const log = createLogger({ write: () => {} });
    const a = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "a", log }, "s", busy);
    const b = createSharedQueue({ store, now, leaseMs: 60_000, instanceId: "b", log }, "s", busy);
    // A takes the lease and never comes back (its renewals, every 20 s, never run in this test).
    let aStarted = false;
    void a("k1", () => {
      aStarted = true;
      return new Promise(() => {});
    });
    for (let i = 0; i < 100 && !aStarted; i++) await sleep(5);
    let bRan = false;
    const taken = b("k1", async () => {
      bRan = true;
      return "taken over";
    });
    await sleep(200);
    expect(bRan).toBe(false);
    clock += 60_000;
    expect(await taken).toBe("taken over");
  });

  test("a live holder renews its lease past leaseMs: the waiter is refused, not let in", async () => {
    const store = createMemoryStore();
    const now = () => new Date().toISOString(); // real time: renewals and expiry both move
    const lines: string[] = [];
    const log = createLogger({ write: (line) => lines.push(line) });
    const a = createSharedQueue({ store, now, leaseMs: 600, instanceId: "a", log }, "s", busy);
    const b = createSharedQueue({ store, now, leaseMs: 600, instanceId: "b", log }, "s", busy);
    const long = a("k1", async () => {
      await sleep(1_500);
      return "a done";
    });
    await sleep(20);
    const started = Date.now();
    let bRan = false;
    const refused = b("k1", async () => {
      bRan = true;
    });
    await expect(refused).rejects.toThrow("busy");
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect(bRan).toBe(false);
    expect(await long).toBe("a done");
    expect(lines.filter((l) => l.includes("request lease"))).toEqual([]);
  });
});
