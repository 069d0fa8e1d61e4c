import { describe, expect, test } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import { newMigrationFixture } from "../store/migration-fixture.js";
import type { MigrationStore } from "../store/migration-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

const at = (second: number) => `2026-11-25T10:00:${String(second).padStart(2, "0")}.000Z`;

const change = (id: string, wabaId: string, migrationId: string | null, second: number) => ({
  id,
  field: "account_update",
  wabaId,
  migrationId,
  value: { event: "PARTNER_ADDED" },
  receivedAt: at(second),
  dedupeKey: `d-${id}`,
});

/** A memory store that counts the calls made to it while `counter.on` is true. */
function countingStore() {
  const counter = { on: false, calls: 0 };
  const inner = createMemoryStore();
  const store = new Proxy(inner, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (counter.on) counter.calls += 1;
        return value.apply(target, args);
      };
    },
  }) as MigrationStore;
  return { store, counter };
}

describe("GET /webhook-events", () => {
  test("reads the journal as often for a page of 40 changes as for one", async () => {
    const readsFor = async (changes: number) => {
      const { store, counter } = countingStore();
      const h = await bffWithSandbox("happy", {
        store,
        authorize: (c) => c.req.header("x-tenant") ?? null,
      });
      await store.createMigration(newMigrationFixture({ id: "m1", tenant: "acme", wabaId: "111" }));
      for (let i = 0; i < changes; i++)
        await store.addWebhookEvent(change(`w${i}`, "111", i % 2 ? "m1" : null, i));
      await h.bff.idle();
      counter.on = true;
      const response = await h.bff.request("/webhook-events?limit=200", {
        headers: { "x-tenant": "acme" },
      });
      counter.on = false;
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as { data: { migrationId: string }[] };
      expect(data).toHaveLength(changes);
      expect(data.every((e) => e.migrationId === "m1")).toBe(true);
      return counter.calls;
    };
    expect(await readsFor(40)).toBe(await readsFor(1));
  });

  test("shows a tenant its changes with their migration, claimed or matched by WABA", async () => {
    const store = createMemoryStore();
    const h = await bffWithSandbox("happy", {
      store,
      authorize: (c) => c.req.header("x-tenant") ?? null,
    });
    await store.createMigration(newMigrationFixture({ id: "m1", tenant: "acme", wabaId: "111" }));
    await store.createMigration(newMigrationFixture({ id: "m2", tenant: "globex", wabaId: "222" }));
    await store.addWebhookEvent(change("claimed", "111", "m1", 1));
    await store.addWebhookEvent(change("before-create", "111", null, 2));
    await store.addWebhookEvent(change("foreign", "222", null, 3));
    await store.addWebhookEvent(change("nobodys", "999", null, 4));
    await store.addWebhookEvent(change("foreign-claimed", "222", "m2", 5));
    const read = async (tenant: string) =>
      (await (await h.bff.request("/webhook-events", { headers: { "x-tenant": tenant } })).json())
        .data;
    const { dedupeKey: _a, ...beforeCreate } = change("before-create", "111", "m1", 2);
    const { dedupeKey: _b, ...claimed } = change("claimed", "111", "m1", 1);
    expect(await read("acme")).toEqual([beforeCreate, claimed]);
    expect(await read("initech")).toEqual([]);
  });

  test("without authorize, also shows the changes of no migration", async () => {
    const store = createMemoryStore();
    const h = await bffWithSandbox("happy", { store });
    // Without authorize every request is tenant `default`.
    await store.createMigration(
      newMigrationFixture({ id: "m1", tenant: "default", wabaId: "111" }),
    );
    await store.addWebhookEvent(change("claimed", "111", "m1", 1));
    await store.addWebhookEvent(change("nobodys", "999", null, 2));
    await store.addWebhookEvent(change("gone", "111", "m-deleted", 3));
    const data = (await (await h.bff.request("/webhook-events")).json()).data as {
      id: string;
      migrationId: string | null;
    }[];
    expect(data.map((e) => [e.id, e.migrationId])).toEqual([
      ["gone", null],
      ["nobodys", null],
      ["claimed", "m1"],
    ]);
  });
});
