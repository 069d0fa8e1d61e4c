import { SSE_MIGRATION_EVENT } from "@wa-migrate/contracts";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { BffError } from "../errors/bff-error.js";
import type { BffEnv } from "../http/app-env.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { toMigration } from "../store/to-migration.js";

/**
 * `GET /migrations/:id/events`: Server-Sent Events. A snapshot on connect (skipped when
 * `Last-Event-ID` already names the current version), then one `migration` event per change with
 * the version as id, and a comment heartbeat. The stream stays open after the migration stops (a retry or a
 * webhook may change it again) until the client leaves. Changes made by other instances arrive through store polling.
 *
 * @example
 * app.get("/migrations/:id/events", eventsHandler(rt));
 */
export function eventsHandler(rt: BffRuntime) {
  const heartbeatMs = rt.options.sse?.heartbeatMs ?? 15_000;
  const pollMs = rt.options.sse?.pollMs ?? 1_000;
  return async (c: Context<BffEnv>) => {
    const id = c.req.param("id") ?? "";
    const first = await rt.store.getMigration(id);
    if (!first || first.tenant !== c.get("tenant"))
      throw new BffError("not_found", { detail: "No migration with this id." });
    const lastEventId = Number(c.req.header("last-event-id") ?? Number.NaN);
    const log = c.get("log");
    const response = streamSSE(c, async (stream) => {
      const abort = new AbortController();
      stream.onAbort(() => abort.abort());
      // An id above the journal's version (a journal restored from a backup) is no state the
      // client can be in: it gets the snapshot instead of silence until the version catches up.
      let sent = Number.isFinite(lastEventId) && lastEventId <= first.version ? lastEventId : 0;
      let lastBeat = Date.now();
      let m = first;
      try {
        while (!abort.signal.aborted) {
          if (m.version > sent) {
            await stream.writeSSE({
              event: SSE_MIGRATION_EVENT,
              id: String(m.version),
              data: JSON.stringify(toMigration(m)),
            });
            sent = m.version;
          }
          if (Date.now() - lastBeat >= heartbeatMs) {
            await stream.write(": heartbeat\n\n");
            lastBeat = Date.now();
          }
          await rt.hub.wait(id, Math.min(pollMs, heartbeatMs), abort.signal);
          const next = await rt.store.getMigration(id);
          if (!next) break;
          m = next;
        }
      } catch (error) {
        // Ours to log (with the request id, secrets masked): Hono would print it with
        // console.error. The stream ends; the client reconnects with Last-Event-ID.
        log.error("events stream failed", { migrationId: id, error });
      }
    });
    // After streamSSE, which sets a plain `no-cache`: `no-transform` keeps compressing proxies
    // and middleware that honour it from buffering the stream; `x-accel-buffering` tells nginx.
    response.headers.set("cache-control", "no-cache, no-transform");
    response.headers.set("x-accel-buffering", "no");
    return response;
  };
}
