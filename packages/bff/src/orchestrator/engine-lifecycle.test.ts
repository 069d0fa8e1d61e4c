import { MigrationSchema } from "@wa-migrate/contracts";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { createMemoryStore } from "../store/memory-store.js";
import type { MigrationStore } from "../store/migration-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("a journal outage while the parallel steps run", () => {
  test("ends the run with a logged crash, not an unhandled rejection that kills the server", async () => {
    const memory = createMemoryStore();
    let down = false;
    // The database goes away once the capture is journaled: every later step claim fails,
    // the credit share's as well as the subscription's and the templates'.
    const store: MigrationStore = Object.assign(Object.create(memory) as MigrationStore, {
      claimStep: (async (...args) => {
        if (down) throw new Error("Connection terminated unexpectedly");
        return memory.claimStep(...args);
      }) satisfies MigrationStore["claimStep"],
      finishStep: (async (...args) => {
        const finished = await memory.finishStep(...args);
        if (args[1] === "capture_assets") down = true;
        return finished;
      }) satisfies MigrationStore["finishStep"],
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const h = await bffWithSandbox("happy", { store });
      const signup = await h.signup();
      const created = await h.bff.request("/migrations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: signup.code }),
      });
      expect(created.status).toBe(201);
      await h.bff.idle();
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 20));

      expect(unhandled).toEqual([]);
      expect(h.logs.some((line) => line.includes('"msg":"migration run crashed"'))).toBe(true);
      expect((await h.calls()).map((c) => c.operation)).not.toContain(
        "registerWhatsAppBusinessPhoneNumber",
      );
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("close()", () => {
  test("stops the resumeEveryMs ticker: no resume lists the store afterwards", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const h = await bffWithSandbox("happy");
    let listed = 0;
    const store: MigrationStore = Object.assign(Object.create(h.store) as MigrationStore, {
      listResumableMigrations: async () => {
        listed += 1;
        return [];
      },
    });
    const bff = createMigrationBff({ ...h.options, store, resumeEveryMs: 1_000 });
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(() => expect(listed).toBe(1));

    await bff.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(await bff.resume()).toBe(0);
    expect(listed).toBe(1);
  });

  test("waits for a resume in flight and starts nothing it found after the close", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const first = createMigrationBff({ ...h.options, instanceId: "A" });
    const created = await first.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    const { id } = MigrationSchema.parse(await created.json());
    await first.idle();
    // Mark it running again, as if its instance had died mid-step, to give a resume work.
    await h.store.updateMigration(id, { status: "running" }, new Date().toISOString());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store: MigrationStore = Object.assign(Object.create(h.store) as MigrationStore, {
      listResumableMigrations: async () => {
        await gate;
        return h.store.listResumableMigrations();
      },
    });
    const second = createMigrationBff({ ...h.options, store, instanceId: "B" });
    const resumed = second.resume();
    let closed = false;
    const closing = second.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);

    release();
    await closing;
    expect(await resumed).toBe(0);
    // Had the resume started it, the run would have found every step done and completed it.
    expect((await h.store.getMigration(id))?.status).toBe("running");
  });
});
