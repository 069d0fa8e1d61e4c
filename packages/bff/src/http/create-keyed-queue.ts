/** Runs a task after every earlier task of the same key has settled; see {@link createKeyedQueue}. */
export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * A queue per key: tasks of one key run one after another in the order they arrived, tasks of
 * different keys run freely. A failed task does not stop the ones behind it. In this process only;
 * across processes the store's own checks (versions, unique keys) still decide.
 *
 * @example
 * const serial = createKeyedQueue();
 * await serial(migrationId, () => writeReport());
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
