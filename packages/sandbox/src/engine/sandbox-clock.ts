/**
 * The sandbox's notion of time: an injected base clock plus an offset that the control API
 * advances (`POST /__sandbox/clock {advanceMs}`), so a test can skip Meta's 60 s template-copy
 * delay or the 24 h quality window without waiting.
 *
 * @example
 * const clock = new SandboxClock(() => 0);
 * clock.advance(60_000);
 * clock.now(); // 60000
 */
export class SandboxClock {
  #offset = 0;
  readonly #base: () => number;

  constructor(base: () => number) {
    this.#base = base;
  }

  /** Milliseconds since the epoch, sandbox time. */
  now(): number {
    return this.#base() + this.#offset;
  }

  /** Unix seconds, the unit Graph uses in bodies (`expires_at`, webhook `time`). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves sandbox time forward; negative values are refused (time never runs back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError("advanceMs must be a finite number >= 0");
    this.#offset += ms;
  }
}
