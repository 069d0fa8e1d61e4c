import { type Migration, parseMigration } from "@wa-migrate/contracts/browser";
import { BffError } from "./bff-error.js";
import { readProblem } from "./read-problem.js";
import { readServerEvents } from "./read-server-events.js";

/**
 * How a migration subscription connects, reconnects and falls back (all in milliseconds).
 *
 * @example
 * createBffClient({ baseUrl: "/wa", reconnectDelayMs: 500, pollIntervalMs: 5000 });
 */
export interface SubscriptionTiming {
  /** First reconnect delay; doubles per failure up to `maxReconnectDelayMs` (default 1000). */
  reconnectDelayMs?: number;
  /** Default 30000. */
  maxReconnectDelayMs?: number;
  /** Streams that fail in a row, without one event, before polling takes over (default 3). */
  streamFailuresBeforePolling?: number;
  /**
   * Polling interval while the migration runs (default 2000); doubles per failed poll in a row, up
   * to `maxReconnectDelayMs`.
   */
  pollIntervalMs?: number;
  /**
   * A stream that carries no byte this long (no event, no heartbeat) is taken for dead and reopened
   * (default 30000: two of the BFF's 15 s heartbeats, `sse.heartbeatMs`).
   */
  idleTimeoutMs?: number;
}

interface SubscribeContext extends SubscriptionTiming {
  url: string;
  fetch: typeof fetch;
  headers: () => Headers;
  getMigration: () => Promise<Migration>;
}

/**
 * Follows a migration over Server-Sent Events read with `fetch` (so the partner's auth headers and
 * `Last-Event-ID` go along on every reconnect), reconnecting with exponential backoff, and polls
 * `GET /migrations/:id` when streaming is not possible (also when the stream is refused: the read
 * says whether the refusal is final). A stream lost after the migration stopped is reopened after
 * `maxReconnectDelayMs`: webhooks still change its templates report. Every event carries the whole
 * record. A failure that is not retryable is reported and ends it. Returns the function that stops it.
 *
 * @example
 * const stop = subscribeMigration(context, (migration) => render(migration), console.error);
 */
export function subscribeMigration(
  context: SubscribeContext,
  onMigration: (migration: Migration) => void,
  onError: (error: BffError) => void = () => {},
): () => void {
  const base = context.reconnectDelayMs ?? 1000;
  let stopped = false;
  let lastEventId: string | null = null;
  let failures = 0;
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let connection: AbortController | undefined;

  const later = (run: () => void, ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };
  const deliver = (migration: Migration) => {
    if (!stopped) onMigration(migration);
  };

  let pollFailures = 0;
  const poll = async () => {
    try {
      const migration = await context.getMigration();
      running = migration.status === "running";
      pollFailures = 0;
      deliver(migration);
    } catch (error) {
      if (stopped) return;
      onError(error as BffError);
      // Not found or not allowed will not heal by asking again.
      if (!(error as BffError).retryable) return;
      // A BFF that is down or throttling is asked less and less often, as the stream backs off.
      pollFailures++;
    }
    // A finished or stopped migration only changes again on retry, which subscribes afresh.
    if (running)
      later(
        poll,
        Math.min(
          context.maxReconnectDelayMs ?? 30_000,
          (context.pollIntervalMs ?? 2000) * 2 ** pollFailures,
        ),
      );
  };

  const stream = async () => {
    let received = false;
    const current = new AbortController();
    connection = current;
    // A connection can die without a word (sleeping laptop, dropped NAT entry): the BFF's
    // heartbeats prove it alive, and their silence reopens it.
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => current.abort(), context.idleTimeoutMs ?? 30_000);
    };
    watch();
    try {
      const headers = context.headers();
      headers.set("Accept", "text/event-stream");
      if (lastEventId !== null) headers.set("Last-Event-ID", lastEventId);
      const response = await context.fetch(context.url, { headers, signal: current.signal });
      if (!response.ok) throw await readProblem(response);
      const type = response.headers.get("content-type") ?? "";
      if (!response.body || !type.includes("text/event-stream")) return void poll();
      await readServerEvents(
        response.body,
        (event) => {
          if (event.id !== null) lastEventId = event.id;
          // The contracts' SSE_MIGRATION_EVENT, spelled out: importing it would bring along every
          // request schema of its module (about 0.5 kB gzipped). The tests hold the two together.
          if (event.event !== "migration") return;
          const parsed = parseMigration(safeJson(event.data));
          if (!parsed) return;
          received = true;
          failures = 0;
          running = parsed.status === "running";
          deliver(parsed);
        },
        watch,
      );
    } catch (error) {
      if (stopped) return;
      // A refused stream: the plain read answers too, or says the refusal is final.
      if (error instanceof BffError && !error.retryable) return void poll();
    } finally {
      clearTimeout(idle);
    }
    if (stopped) return;
    // A stopped migration still changes (Meta re-checks copied templates, rates them after 24 h;
    // the BFF keeps its stream open for that): a lost stream is reopened, at the slowest pace.
    if (!running) return later(stream, context.maxReconnectDelayMs ?? 30_000);
    if (!received) failures++;
    if (failures >= (context.streamFailuresBeforePolling ?? 3)) return void poll();
    later(stream, Math.min(context.maxReconnectDelayMs ?? 30_000, base * 2 ** failures));
  };

  void stream();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(idle);
    connection?.abort();
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
