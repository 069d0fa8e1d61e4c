import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { newMigrationFixture } from "./migration-fixture.js";
import type { MigrationStore } from "./migration-store.js";

// The executable semantics of MigrationStore.findWebhookEventMigrations, part of
// describeMigrationStore: for each change, the answer getMigration (claimed) or
// findMigrationByWaba (unclaimed) gives, in one read for a whole page of changes.

const T0 = "2026-11-25T10:00:00.000Z";
const T1 = "2026-11-25T10:00:01.000Z";

/**
 * Registers the tests of `findWebhookEventMigrations` for one store implementation.
 *
 * @example
 * describeWebhookEventMigrations("memory", () => createMemoryStore());
 */
export function describeWebhookEventMigrations(
  name: string,
  createStore: () => MigrationStore | Promise<MigrationStore>,
): void {
  describe(`MigrationStore webhook event migrations: ${name}`, () => {
    let store: MigrationStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    test("finds each change's migration: the one it names, else its WABA's, else none", async () => {
      await store.createMigration(
        newMigrationFixture({ id: "dest", tenant: "acme", wabaId: "111", createdAt: T0 }),
      );
      // Newer, but has WABA 111 only as its source: the destination migration wins.
      await store.createMigration(
        newMigrationFixture({
          id: "leaving",
          tenant: "globex",
          wabaId: null,
          sourceWabaId: "111",
          createdAt: T1,
        }),
      );
      await store.createMigration(
        newMigrationFixture({ id: "old", tenant: "acme", wabaId: "333", createdAt: T0 }),
      );
      await store.createMigration(
        newMigrationFixture({ id: "new", tenant: "globex", wabaId: "333", createdAt: T1 }),
      );
      await store.createMigration(
        newMigrationFixture({ id: "src", tenant: "acme", wabaId: "555", sourceWabaId: "444" }),
      );
      const found = await store.findWebhookEventMigrations([
        { migrationId: "old", wabaId: "111" },
        { migrationId: null, wabaId: "111" },
        { migrationId: null, wabaId: "333" },
        { migrationId: null, wabaId: "444" },
        { migrationId: null, wabaId: "999" },
        { migrationId: "gone", wabaId: "111" },
        { migrationId: null, wabaId: "111" },
      ]);
      expect(found).toEqual([
        { id: "old", tenant: "acme" },
        { id: "dest", tenant: "acme" },
        { id: "new", tenant: "globex" },
        { id: "src", tenant: "acme" },
        null,
        // A change names its migration for good: one that is gone is not replaced by its WABA's.
        null,
        { id: "dest", tenant: "acme" },
      ]);
      expect(await store.findWebhookEventMigrations([])).toEqual([]);
    });

    test("an id or a WABA with a NUL or a lone surrogate finds nothing instead of failing", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1", wabaId: "111" }));
      const found = await store.findWebhookEventMigrations([
        { migrationId: "m1\u0000", wabaId: "111" },
        { migrationId: null, wabaId: "111\ud800" },
      ]);
      expect(found).toEqual([null, null]);
    });
  });
}
