import { BffError } from "../errors/bff-error.js";
import { createKeyedQueue, type KeyedQueue } from "../http/create-keyed-queue.js";
import type { MigrationPatch, StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";

// One queue per runtime: a migration's changes run one after another.
const queues = new WeakMap<BffRuntime, KeyedQueue>();

/** Conflicts with writers in other processes before giving up (the caller's caller retries). */
const MAX_CONFLICTS = 20;

/**
 * Read-modify-write of one migration that never loses a concurrent change. In this process the
 * changes of a migration run one at a time (Meta's copy sends one status webhook per template, in
 * bursts, while the templates step may be writing); a write that another process got in first is
 * computed again from the record it wrote. `change` gets the latest record and returns the patch,
 * or null when there is nothing to change. Resolves the written record, or null when nothing was
 * written (unknown migration, nothing to change). After 20 conflicts in a row it throws
 * `store_unavailable`, which a webhook answers with a 5xx so that Meta delivers it again.
 *
 * @example
 * await updateMigrationSafely(rt, id, (m) => ({ templates: { ...m.templates, mode: "meta_automatic" } }));
 */
export function updateMigrationSafely(
  rt: BffRuntime,
  id: string,
  change: (latest: StoredMigration) => MigrationPatch | null,
): Promise<StoredMigration | null> {
  let serial = queues.get(rt);
  if (!serial) {
    serial = createKeyedQueue();
    queues.set(rt, serial);
  }
  return serial(id, () => writeWithRetry(rt, id, change));
}

async function writeWithRetry(
  rt: BffRuntime,
  id: string,
  change: (latest: StoredMigration) => MigrationPatch | null,
): Promise<StoredMigration | null> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts += 1) {
    const latest = await rt.store.getMigration(id);
    if (!latest) return null;
    const patch = change(latest);
    if (!patch) return null;
    const written = await rt.store.updateMigration(id, patch, rt.now(), latest.version);
    if (written) {
      rt.hub.notify(id);
      return written;
    }
  }
  throw new BffError("store_unavailable", {
    detail: `The migration ${id} kept changing; the change was not written.`,
  });
}
