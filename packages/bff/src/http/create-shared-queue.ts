import { createHash, randomUUID } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { createKeyedQueue, type KeyedQueue } from "./create-keyed-queue.js";

/** What {@link createSharedQueue} uses of the runtime. */
type SharedQueueRuntime = Pick<BffRuntime, "store" | "now" | "leaseMs" | "instanceId" | "log">;

// Between two claims of a held lease: short at first (the holder is usually a request about to
// answer), then at most half a second, so a waiter costs the database two statements a second.
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 500;

/**
 * A {@link KeyedQueue} that holds across every instance sharing the store (decision 034). Tasks of
 * one key queue in this process first, so an instance's own requests never poll; the task at the
 * head then takes the store's request lease `scope:sha256(key)`, renews it while it runs and
 * releases it when it settles. A lease held elsewhere is claimed again after a pause, for up to
 * `leaseMs` on the runtime's clock: by then a crashed holder's lease has expired, so a refusal
 * means a live instance is still at work, and the task is refused with `busy()` instead of waiting
 * on. A renewal that fails (the lease was taken over after this instance stalled) is logged.
 *
 * @example
 * const copies = createSharedQueue(rt, "templates", () => new BffError("migration_running"));
 * await copies(migrationId, () => copyTemplates());
 */
export function createSharedQueue(
  rt: SharedQueueRuntime,
  scope: string,
  busy: () => Error,
): KeyedQueue {
  const local = createKeyedQueue();
  const claim = (name: string, owner: string) =>
    rt.store.claimLease(name, { owner, leaseMs: rt.leaseMs, now: rt.now() });

  const underLease = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
    // One owner per task: two tasks of this instance never pass as each other's renewal.
    const owner = `${rt.instanceId}:${randomUUID()}`;
    const started = Date.parse(rt.now());
    for (let wait = FIRST_PAUSE_MS; !(await claim(name, owner)); ) {
      if (Date.parse(rt.now()) - started >= rt.leaseMs) throw busy();
      await pause(wait);
      wait = Math.min(wait * 2, LONGEST_PAUSE_MS);
    }
    const renew = setInterval(
      () => {
        claim(name, owner).then(
          (held) => {
            if (!held) rt.log.warn("request lease lost", { lease: name });
          },
          (error: unknown) => rt.log.warn("request lease renewal failed", { lease: name, error }),
        );
      },
      Math.max(100, Math.floor(rt.leaseMs / 3)),
    );
    renew.unref?.();
    try {
      return await task();
    } finally {
      clearInterval(renew);
      // A lease left behind (the store failing now) only delays the next task until it expires.
      await rt.store
        .releaseLease(name, owner)
        .catch((error: unknown) =>
          rt.log.warn("request lease release failed", { lease: name, error }),
        );
    }
  };

  return (key, task) => {
    const name = `${scope}:${createHash("sha256").update(key).digest("hex")}`;
    return local(key, () => underLease(name, task));
  };
}
