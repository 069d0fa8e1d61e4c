import { describe, expect, test } from "vitest";
import { nextTransientRetry, type TransientRetryPolicy } from "./transient-retry.js";

const policy: TransientRetryPolicy = {
  baseMs: 1_000,
  capMs: 60_000,
  budgetMs: 15 * 60_000,
  random: () => 0.999,
};
const T0 = "2026-11-25T10:00:00.000Z";

describe("nextTransientRetry", () => {
  test("doubles the ceiling per failure up to the cap (full jitter below it)", () => {
    let state = null;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const next = nextTransientRetry(state, T0, undefined, policy);
      if (!next) throw new Error("within the budget");
      delays.push(next.delayMs);
      state = next.state;
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 15984, 31968, 59940, 59940]);
    expect(state).toMatchObject({ since: T0, failures: 8 });
    const low = nextTransientRetry(null, T0, undefined, { ...policy, random: () => 0 });
    expect(low?.delayMs).toBe(0);
  });

  test("waits at least as long as Meta asked (estimated_time_to_regain_access)", () => {
    expect(nextTransientRetry(null, T0, 5 * 60_000, policy)?.delayMs).toBe(5 * 60_000);
  });

  test("gives up when the wait would pass the budget, counted by the clock or by the waits", () => {
    const state = { since: T0, waitedMs: 0, failures: 3 };
    const later = new Date(Date.parse(T0) + 14 * 60_000 + 59_000).toISOString();
    expect(nextTransientRetry(state, later, undefined, policy)).toBeNull();
    // An injected sleep does not move the clock: the waits still count.
    const waited = { since: T0, waitedMs: 14 * 60_000 + 59_000, failures: 3 };
    expect(nextTransientRetry(waited, T0, undefined, policy)).toBeNull();
    expect(nextTransientRetry(null, T0, 60 * 60_000, policy)).toBeNull();
    expect(nextTransientRetry(state, T0, undefined, policy)?.state).toEqual({
      since: T0,
      waitedMs: 7992,
      failures: 4,
    });
  });
});
