import type { JobQueue } from "../engine/job-queue.js";
import type { Rng } from "../engine/rng.js";
import type { SandboxClock } from "../engine/sandbox-clock.js";
import type { WebhookFaults } from "../faults/webhook-faults.js";
import type { SandboxState, WebhookAttempt } from "../state/sandbox-state.js";
import { postWebhook } from "./post-webhook.js";
import { addChange, envelope, type WebhookEnvelope, webhookBody } from "./webhook-payloads.js";
import { nextWebhookTryAt } from "./webhook-retry-schedule.js";
import { webhookTarget } from "./webhook-target.js";

type Fetch = (input: Request) => Promise<Response>;

/** The live `webhooks` fault settings, and a seeded generator of the dispatcher's own. */
export interface DispatcherFaults {
  config: () => WebhookFaults | undefined;
  rng: Rng;
}

/**
 * Sends outgoing webhooks where Meta would ({@link webhookTarget}: an overridable field to the
 * number's or the WABA's alternate callback, every other field to the app's default callback),
 * signed with the app secret, retried on non-2xx or network errors on the sandbox clock as Meta
 * does: at once, then with growing intervals, dropped (`failed`) 36 h after the first try
 * ({@link nextWebhookTryAt}). The `webhooks` fault batches changes into one POST and sends a
 * delivered POST again after its 2xx (facts §5.1).
 *
 * @example
 * dispatcher.send(wabaId, wabaId, "message_template_status_update", value);
 * dispatcher.send(wabaId, wabaId, "messages", value, phoneId); // the number's override first
 * await dispatcher.idle();
 */
export class WebhookDispatcher {
  readonly #inFlight = new Set<Promise<void>>();
  /** Batches still taking changes, by callback URL; sealed when their first try runs. */
  readonly #open = new Map<string, { attempt: WebhookAttempt; batch: WebhookEnvelope }>();
  #closed = false;

  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly jobs: JobQueue,
    private readonly fetchImpl: Fetch,
    private readonly faults: DispatcherFaults,
  ) {}

  /**
   * Queues one change. `entryId` is the WABA id (the partner's business id for PARTNER_* events);
   * `routeWabaId` and `phoneId` (the number a change is about) pick an override callback, which
   * only an overridable field follows. With the `webhooks.batch` fault the change joins the open
   * batch for its URL while that has room, and the batch's delivery is returned.
   */
  send(
    entryId: string,
    routeWabaId: string | undefined,
    field: string,
    value: unknown,
    phoneId?: string,
  ): WebhookAttempt {
    const time = this.clock.nowSeconds();
    const url = webhookTarget(this.state, field, { wabaId: routeWabaId, phoneId });
    const subscribed = this.#subscribed(routeWabaId, field);
    const batching = this.faults.config()?.batch;
    const open = url && subscribed && batching ? this.#open.get(url) : undefined;
    if (open && batching && open.attempt.fields.length < batching.maxUpdates) {
      addChange(open.batch, entryId, time, field, value);
      open.attempt.fields.push(field);
      open.attempt.body = webhookBody(open.batch);
      return open.attempt;
    }
    const batch = envelope(entryId, time, field, value);
    const attempt: WebhookAttempt = {
      id: `wh_${this.state.webhooks.length + 1}`,
      field,
      fields: [field],
      url,
      body: webhookBody(batch),
      attempts: [],
      state: !subscribed ? "not-subscribed" : url ? "pending" : "no-callback",
    };
    this.state.webhooks.push(attempt);
    if (attempt.state === "pending" && url) {
      // A batch leaves when its window closes; changes made until then join it.
      const firstAt = this.clock.now() + (batching?.windowMs ?? 0);
      if (batching) this.#open.set(url, { attempt, batch });
      this.#schedule(attempt, 1, firstAt, firstAt);
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
      // The first try seals a batch: its retries and copies must carry the same bytes.
      const open = attempt.url ? this.#open.get(attempt.url) : undefined;
      if (open?.attempt === attempt && attempt.url) this.#open.delete(attempt.url);
      this.#track(this.#deliver(attempt, tryNumber, dueAt, firstAt));
    });
  }

  // Deliveries run in the background: the request or job that made them due never waits for them.
  #track(run: Promise<void>): void {
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
  }

  async #deliver(
    attempt: WebhookAttempt,
    tryNumber: number,
    dueAt: number,
    firstAt: number,
  ): Promise<void> {
    if (this.#closed) return;
    const secret = this.state.partner.app.secret;
    const status = await postWebhook(this.fetchImpl, attempt.url as string, attempt.body, secret);
    // A reset replaced this world while the try was out: its answer must not schedule a retry
    // into the queue the new world shares.
    if (this.#closed) return;
    attempt.attempts.push({ at: dueAt, status });
    if (typeof status === "number" && status >= 200 && status < 300) {
      attempt.state = "delivered";
      this.#maybeRedeliver(attempt, dueAt);
      return;
    }
    const next = nextWebhookTryAt(firstAt, tryNumber, dueAt);
    if (next === undefined) attempt.state = "failed";
    else this.#schedule(attempt, tryNumber + 1, next, firstAt);
  }

  // Meta retries a failed delivery to every app subscribed to the account, so an app that
  // answered 2xx can get the same POST again (Webhooks overview). One copy, never retried: the
  // notification is already delivered, and our receiver's answer to the copy changes nothing.
  #maybeRedeliver(attempt: WebhookAttempt, deliveredAt: number): void {
    const redeliver = this.faults.config()?.redeliver;
    if (!redeliver || this.faults.rng.next() >= redeliver.rate) return;
    const at = deliveredAt + redeliver.afterMs;
    this.jobs.schedule(at, `webhook ${attempt.field} redelivery`, () => {
      this.#track(
        (async () => {
          if (this.#closed) return;
          const secret = this.state.partner.app.secret;
          const url = attempt.url as string;
          const status = await postWebhook(this.fetchImpl, url, attempt.body, secret);
          if (!this.#closed) attempt.attempts.push({ at, status, redelivery: true });
        })(),
      );
    });
  }

  /** Stops this dispatcher for good (on reset): no further try, and no retry of a try in flight. */
  close(): void {
    this.#closed = true;
    this.#open.clear();
  }

  /** Resolves when no delivery is in flight (tests await it before asserting on their receiver). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
