/**
 * A fixed-window counter per key (tenant): `take` answers whether one more request fits.
 * Per instance; behind a load balancer each instance enforces its own share.
 *
 * @example
 * const limiter = createRateLimiter({ max: 20, windowMs: 60_000 }, () => Date.now());
 * if (!limiter.take(tenant)) throw new BffError("rate_limited");
 */
export function createRateLimiter(limit: { max: number; windowMs: number }, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key: string): boolean {
      const t = now();
      const w = windows.get(key);
      if (!w || t - w.start >= limit.windowMs) {
        // Drop stale windows now and then so the map does not grow with every tenant ever seen.
        if (windows.size > 10_000)
          for (const [k, v] of windows) if (t - v.start >= limit.windowMs) windows.delete(k);
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      if (w.count >= limit.max) return false;
      w.count += 1;
      return true;
    },
  };
}
