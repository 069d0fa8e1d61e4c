import type { MigrationStore } from "./migration-store.js";

/**
 * The request leases of {@link createMemoryStore}: a map in this process, so they coordinate only
 * apps that share the one store object (what a memory store can be shared by anyway). `open`
 * throws once the store is closed.
 *
 * @example
 * const store = { ...otherMethods, ...createMemoryLeases(open) };
 */
export function createMemoryLeases(
  open: () => void,
): Pick<MigrationStore, "claimLease" | "releaseLease"> {
  const leases = new Map<string, { owner: string; expiresAt: number }>();
  return {
    async claimLease(name, lease) {
      open();
      const now = Date.parse(lease.now);
      const held = leases.get(name);
      if (held && held.owner !== lease.owner && held.expiresAt > now) return false;
      leases.set(name, { owner: lease.owner, expiresAt: now + lease.leaseMs });
      return true;
    },
    async releaseLease(name, owner) {
      open();
      if (leases.get(name)?.owner === owner) leases.delete(name);
    },
  };
}
