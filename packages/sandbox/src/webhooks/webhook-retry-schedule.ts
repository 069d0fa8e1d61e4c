/** Meta drops a delivery it could not make within 36 h of the first attempt (facts §5.1). */
export const WEBHOOK_RETRY_WINDOW_MS = 36 * 3_600_000;

/** First backoff interval after the immediate retry (the sandbox's choice, see {@link nextWebhookTryAt}). */
export const WEBHOOK_RETRY_BASE_MS = 5_000;

/** Longest interval between two tries (the sandbox's choice, see {@link nextWebhookTryAt}). */
export const WEBHOOK_RETRY_CAP_MS = 3_600_000;

/**
 * When try `tryNumber + 1` of a failed delivery is due, or `undefined` once Meta would drop it.
 * Meta retries "immediately, then with decreasing frequency for up to 36 h" but publishes no
 * intervals, so these are the sandbox's own: an immediate retry, then 5 s doubling (10 s, 20 s,
 * ...) up to 1 h, then hourly; the last try is exactly 36 h after the first. Times come from the
 * schedule, not from when a try ran, so a clock jump replays the tries Meta would have made in it.
 *
 * @example
 * nextWebhookTryAt(0, 1, 0); // 0: the immediate retry
 * nextWebhookTryAt(0, 3, 5_000); // 15_000
 * nextWebhookTryAt(0, 47, 36 * 3_600_000); // undefined: dropped
 */
export function nextWebhookTryAt(
  firstAt: number,
  tryNumber: number,
  triedAt: number,
): number | undefined {
  const deadline = firstAt + WEBHOOK_RETRY_WINDOW_MS;
  if (triedAt >= deadline) return undefined;
  const delay =
    tryNumber <= 1
      ? 0
      : Math.min(WEBHOOK_RETRY_BASE_MS * 2 ** (tryNumber - 2), WEBHOOK_RETRY_CAP_MS);
  return Math.min(triedAt + delay, deadline);
}
