import { useCallback, useEffect, useRef, useState } from "react";

/** What {@link usePolling} returns: the latest value, the latest error, and a way to reload now. */
export interface Polled<T> {
  data: T | null;
  error: Error | null;
  reload: () => void;
}

/**
 * Loads `load()` now and every `intervalMs` while mounted (the operator and sandbox views follow
 * live state this way). A failed load keeps the last good value and reports the error.
 *
 * @example
 * const migrations = usePolling(() => api.listMigrations(), 2000);
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` asks for a load now.
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      latest
        .current()
        .then(
          (value) => {
            if (!alive) return;
            setData(value);
            setError(null);
          },
          (failure: unknown) => {
            if (alive) setError(failure instanceof Error ? failure : new Error(String(failure)));
          },
        )
        .finally(() => {
          if (alive) timer = setTimeout(run, intervalMs);
        });
    };
    run();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [intervalMs, tick]);

  return { data, error, reload };
}
