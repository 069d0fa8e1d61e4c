import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { MigrationStore } from "./migration-store.js";

// The executable semantics of MigrationStore.claimLease / releaseLease (decision 034), part of
// describeMigrationStore. Times come from the caller, as for step leases.

const T0 = "2026-11-25T10:00:00.000Z";
const T5 = "2026-11-25T10:00:05.000Z";
const T29 = "2026-11-25T10:00:29.000Z";
const T30 = "2026-11-25T10:00:30.000Z";
const T31 = "2026-11-25T10:00:31.000Z";
const T35 = "2026-11-25T10:00:35.000Z";

/**
 * Registers the request lease tests for one store implementation.
 *
 * @example
 * describeRequestLeases("memory", () => createMemoryStore());
 */
export function describeRequestLeases(
  name: string,
  createStore: () => MigrationStore | Promise<MigrationStore>,
): void {
  describe(`MigrationStore request leases: ${name}`, () => {
    let store: MigrationStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    test("one owner at a time; only the holder's release frees it", async () => {
      expect(await store.claimLease("create:k1", { owner: "a", leaseMs: 30_000, now: T0 })).toBe(
        true,
      );
      expect(await store.claimLease("create:k1", { owner: "b", leaseMs: 30_000, now: T0 })).toBe(
        false,
      );
      // Another name is another lease.
      expect(await store.claimLease("create:k2", { owner: "b", leaseMs: 30_000, now: T0 })).toBe(
        true,
      );
      await store.releaseLease("create:k1", "b");
      expect(await store.claimLease("create:k1", { owner: "b", leaseMs: 30_000, now: T5 })).toBe(
        false,
      );
      await store.releaseLease("create:k1", "a");
      expect(await store.claimLease("create:k1", { owner: "b", leaseMs: 30_000, now: T5 })).toBe(
        true,
      );
    });

    test("a crashed holder's lease is taken over once it expired, and the holder cannot take it back", async () => {
      expect(await store.claimLease("templates:m1", { owner: "a", leaseMs: 30_000, now: T0 })).toBe(
        true,
      );
      expect(
        await store.claimLease("templates:m1", { owner: "b", leaseMs: 30_000, now: T29 }),
      ).toBe(false);
      expect(
        await store.claimLease("templates:m1", { owner: "b", leaseMs: 30_000, now: T30 }),
      ).toBe(true);
      // The old holder's renewal fails, and its release leaves the new holder's lease alone.
      expect(
        await store.claimLease("templates:m1", { owner: "a", leaseMs: 30_000, now: T31 }),
      ).toBe(false);
      await store.releaseLease("templates:m1", "a");
      expect(
        await store.claimLease("templates:m1", { owner: "c", leaseMs: 30_000, now: T31 }),
      ).toBe(false);
    });

    test("the holder's claim renews the lease from now", async () => {
      expect(await store.claimLease("templates:m1", { owner: "a", leaseMs: 30_000, now: T0 })).toBe(
        true,
      );
      expect(await store.claimLease("templates:m1", { owner: "a", leaseMs: 30_000, now: T5 })).toBe(
        true,
      );
      expect(
        await store.claimLease("templates:m1", { owner: "b", leaseMs: 30_000, now: T31 }),
      ).toBe(false);
      expect(
        await store.claimLease("templates:m1", { owner: "b", leaseMs: 30_000, now: T35 }),
      ).toBe(true);
    });

    test("claims at the same moment: exactly one owner wins", async () => {
      const owners = ["a", "b", "c", "d", "e", "f", "g", "h"];
      const won = await Promise.all(
        owners.map((owner) => store.claimLease("create:k1", { owner, leaseMs: 30_000, now: T0 })),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}
