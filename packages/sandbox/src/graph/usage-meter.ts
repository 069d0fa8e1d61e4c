const HOUR = 3_600_000;

/** The result of charging one call to a WABA's hourly budget. */
export interface UsageCharge {
  allowed: boolean;
  /** Calls made in this hour, this one included when allowed. */
  count: number;
  limit: number;
  /** Minutes until the hour window ends (Graph's `estimated_time_to_regain_access`). */
  regainMinutes: number;
}

/**
 * Per-app, per-WABA hourly call budgets (facts §4.4): 200/h, 5,000/h for a WABA with a registered
 * number; the credit-line APIs have 5,000/h keyed by the partner's portfolio. Windows are whole
 * sandbox-clock hours.
 *
 * @example
 * const meter = new UsageMeter();
 * meter.charge("102290129340398", 200, Date.now()).allowed; // true
 */
export class UsageMeter {
  #counts = new Map<string, { window: number; count: number }>();
  #appCalls = new Map<number, number>();

  charge(key: string, limit: number, now: number): UsageCharge {
    const window = Math.floor(now / HOUR);
    const regainMinutes = Math.ceil(((window + 1) * HOUR - now) / 60_000);
    const entry = this.#counts.get(key);
    const current = entry && entry.window === window ? entry.count : 0;
    if (current >= limit) return { allowed: false, count: current, limit, regainMinutes };
    this.#counts.set(key, { window, count: current + 1 });
    return { allowed: true, count: current + 1, limit, regainMinutes: 0 };
  }

  /** Uses up a key's budget for the current hour (the `rate-limited` scenario). */
  exhaust(key: string, limit: number, now: number): void {
    this.#counts.set(key, { window: Math.floor(now / HOUR), count: limit });
  }

  /** Counts one call against the app (for `x-app-usage`) and returns the calls this hour. */
  appCall(now: number): number {
    const window = Math.floor(now / HOUR);
    const count = (this.#appCalls.get(window) ?? 0) + 1;
    this.#appCalls.clear();
    this.#appCalls.set(window, count);
    return count;
  }

  /** Hourly counts per key, for `GET /__sandbox/state`. */
  snapshot(now: number): Record<string, number> {
    const window = Math.floor(now / HOUR);
    const out: Record<string, number> = {};
    for (const [key, entry] of this.#counts) if (entry.window === window) out[key] = entry.count;
    return out;
  }

  clear(): void {
    this.#counts.clear();
    this.#appCalls.clear();
  }
}
