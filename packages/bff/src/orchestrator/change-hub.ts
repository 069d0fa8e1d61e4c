/**
 * In-process notice board of migration changes: the engine and webhook intake `notify`, SSE
 * streams `wait`. Other instances' changes reach SSE through store polling instead.
 *
 * @example
 * const hub = createChangeHub();
 * await hub.wait("mig_1", 1000, signal); // resolves on notify("mig_1"), timeout or abort
 */
export interface ChangeHub {
  notify(migrationId: string): void;
  wait(migrationId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** How many migrations have a waiter now (for tests and diagnostics). */
  watched(): number;
}

/** See {@link ChangeHub}. @example const hub = createChangeHub(); */
export function createChangeHub(): ChangeHub {
  const waiters = new Map<string, Set<() => void>>();
  return {
    notify(migrationId) {
      const set = waiters.get(migrationId);
      if (!set) return;
      waiters.delete(migrationId);
      for (const wake of set) wake();
    },
    watched: () => waiters.size,
    wait(migrationId, timeoutMs, signal) {
      return new Promise<void>((resolve) => {
        const set = waiters.get(migrationId) ?? new Set();
        waiters.set(migrationId, set);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          set.delete(done);
          // A wait that timed out or was aborted leaves no empty entry behind: one per migration
          // ever watched would grow for the life of the process.
          if (set.size === 0 && waiters.get(migrationId) === set) waiters.delete(migrationId);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        signal?.addEventListener("abort", done, { once: true });
        set.add(done);
      });
    },
  };
}
