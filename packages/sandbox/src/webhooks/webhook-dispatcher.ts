import type { JobQueue } from "../engine/job-queue.js";
import type { SandboxClock } from "../engine/sandbox-clock.js";
import type { SandboxState, WebhookAttempt } from "../state/sandbox-state.js";
import { signPayload } from "./sign-payload.js";
import { envelope, webhookBody } from "./webhook-payloads.js";
import { nextWebhookTryAt } from "./webhook-retry-schedule.js";

type Fetch = (input: Request) => Promise<Response>;

/**
 * Sends outgoing webhooks to the WABA's override callback or the app's default callback, signed
 * with the app secret, retried on non-2xx or network errors on the sandbox clock as Meta does: at
 * once, then with growing intervals, dropped (`failed`) 36 h after the first try
 * ({@link nextWebhookTryAt}).
 *
 * @example
 * dispatcher.send(wabaId, wabaId, "message_template_status_update", value);
 * await dispatcher.idle();
 */
export class WebhookDispatcher {
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly jobs: JobQueue,
    private readonly fetchImpl: Fetch,
  ) {}

  /** Where webhooks about `wabaId` go: the WABA's override for the partner app, else the app's callback. */
  targetFor(wabaId: string | undefined): string | undefined {
    const app = this.state.partner.app;
    const waba = wabaId ? this.state.wabas.get(wabaId) : undefined;
    const sub = waba?.subscriptions.find((s) => s.appId === app.id);
    return sub?.overrideCallbackUri ?? app.callbackUrl;
  }

  /**
   * Queues one webhook. `entryId` is the WABA id (the partner's business id for PARTNER_* events);
   * `routeWabaId` picks the override callback.
   */
  send(
    entryId: string,
    routeWabaId: string | undefined,
    field: string,
    value: unknown,
  ): WebhookAttempt {
    const body = webhookBody(envelope(entryId, this.clock.nowSeconds(), field, value));
    const url = this.targetFor(routeWabaId);
    const attempt: WebhookAttempt = {
      id: `wh_${this.state.webhooks.length + 1}`,
      field,
      url,
      body,
      attempts: [],
      state: !this.#subscribed(routeWabaId, field)
        ? "not-subscribed"
        : url
          ? "pending"
          : "no-callback",
    };
    this.state.webhooks.push(attempt);
    if (attempt.state === "pending") {
      const now = this.clock.now();
      this.#schedule(attempt, 1, now, now);
    }
    return attempt;
  }

  // account_update reaches the app that Embedded Signup installed; a WABA's other fields only an
  // app that subscribed to the WABA (POST /{waba}/subscribed_apps).
  #subscribed(wabaId: string | undefined, field: string): boolean {
    const app = this.state.partner.app;
    if (!app.subscribedFields.includes(field)) return false;
    if (field === "account_update" || !wabaId) return true;
    return this.state.wabas.get(wabaId)?.subscriptions.some((s) => s.appId === app.id) ?? false;
  }

  // `dueAt` is when Meta makes this try; the job may run later when the clock jumps, and the next
  // try is still due on the schedule counted from `firstAt`.
  #schedule(attempt: WebhookAttempt, tryNumber: number, dueAt: number, firstAt: number): void {
    this.jobs.schedule(dueAt, `webhook ${attempt.field} try ${tryNumber}`, () => {
      // Deliveries run in the background: the request that triggered them never waits for them.
      const run = this.#deliver(attempt, tryNumber, dueAt, firstAt);
      this.#inFlight.add(run);
      void run.finally(() => this.#inFlight.delete(run));
    });
  }

  async #deliver(
    attempt: WebhookAttempt,
    tryNumber: number,
    dueAt: number,
    firstAt: number,
  ): Promise<void> {
    const url = attempt.url as string;
    if (this.#closed) return;
    let status: number | "network-error";
    try {
      const response = await this.fetchImpl(
        new Request(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": signPayload(attempt.body, this.state.partner.app.secret),
            "user-agent": "facebookexternalua",
          },
          body: attempt.body,
        }),
      );
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = "network-error";
    }
    // A reset replaced this world while the try was out: its answer must not schedule a retry
    // into the queue the new world shares.
    if (this.#closed) return;
    attempt.attempts.push({ at: dueAt, status });
    if (typeof status === "number" && status >= 200 && status < 300) {
      attempt.state = "delivered";
      return;
    }
    const next = nextWebhookTryAt(firstAt, tryNumber, dueAt);
    if (next === undefined) attempt.state = "failed";
    else this.#schedule(attempt, tryNumber + 1, next, firstAt);
  }

  /** Stops this dispatcher for good (on reset): no further try, and no retry of a try in flight. */
  close(): void {
    this.#closed = true;
  }

  /** Resolves when no delivery is in flight (tests await it before asserting on their receiver). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
