/**
 * A small seeded PRNG (mulberry32): the same seed gives the same ids, codes and faults, so a
 * sandbox run can be replayed exactly.
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // 0.6011...
 * rng.digits(16); // "4821..."
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `length` decimal digits, the first never 0 (Graph ids are numeric strings). */
  digits(length: number): string;
  /** `length` characters of [A-Za-z0-9]. */
  alnum(length: number): string;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** See {@link Rng}. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    digits(length) {
      let out = String(1 + int(9));
      while (out.length < length) out += String(int(10));
      return out;
    },
    alnum(length) {
      let out = "";
      while (out.length < length) out += ALNUM[int(ALNUM.length)];
      return out;
    },
  };
}
