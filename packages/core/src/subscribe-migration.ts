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
  /** Polling interval while the migration runs (default 2000). */
  pollIntervalMs?: number;
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
 * `GET /migrations/:id` when streaming is not possible. Every event carries the whole record.
 * Returns the function that stops it.
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
  const abort = new AbortController();

  const later = (run: () => void, ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };
  const deliver = (migration: Migration) => {
    if (!stopped) onMigration(migration);
  };

  const poll = async () => {
    try {
      const migration = await context.getMigration();
      running = migration.status === "running";
      deliver(migration);
    } catch (error) {
      if (!stopped) onError(error as BffError);
    }
    // A finished or stopped migration only changes again on retry, which subscribes afresh.
    if (running) later(poll, context.pollIntervalMs ?? 2000);
  };

  const stream = async () => {
    let received = false;
    try {
      const headers = context.headers();
      headers.set("Accept", "text/event-stream");
      if (lastEventId !== null) headers.set("Last-Event-ID", lastEventId);
      const response = await context.fetch(context.url, { headers, signal: abort.signal });
      if (!response.ok) throw await readProblem(response);
      const type = response.headers.get("content-type") ?? "";
      if (!response.body || !type.includes("text/event-stream")) return void poll();
      await readServerEvents(response.body, (event) => {
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
      });
    } catch (error) {
      if (stopped) return;
      // Not found or not allowed will not heal by reconnecting.
      if (error instanceof BffError && !error.retryable) return onError(error);
    }
    // A stream the server ended after the migration stopped is not reopened: only a retry (which
    // subscribes afresh) changes it again.
    if (!running) return;
    if (!received) failures++;
    if (failures >= (context.streamFailuresBeforePolling ?? 3)) return void poll();
    later(stream, Math.min(context.maxReconnectDelayMs ?? 30_000, base * 2 ** failures));
  };

  void stream();
  return () => {
    stopped = true;
    clearTimeout(timer);
    abort.abort();
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
