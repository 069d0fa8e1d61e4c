import type { CallRecord, FakeGraph } from "@wa-migrate/sandbox";

/**
 * Keeps every entry of the sandbox's call log while a long run goes on: the sandbox keeps only
 * its last 10,000 calls, and a 1,000-migration run makes about 15,000. Polling it on a timer lost
 * entries (in one process, 1,000 migrations keep the event loop so busy that timers come late),
 * so this takes the log so far and then each entry as the sandbox logs it, numbered as the log
 * numbers it; `stop()` stops listening and returns the whole log in order. Nothing the sandbox
 * answers changes.
 *
 * @example
 * const log = collectCalls(graph);
 * // ... run the migrations ...
 * const calls = await log.stop();
 */
export function collectCalls(graph: FakeGraph): { stop(): Promise<CallRecord[]> } {
  const log = graph.sandbox.calls;
  const all: CallRecord[] = log.all();
  let seq = all.at(-1)?.seq ?? 0;
  const add = log.add;
  log.add = function (this: typeof log, call) {
    add.call(this, call);
    seq += 1;
    all.push({ seq, ...call });
  };
  return {
    async stop() {
      log.add = add;
      return all;
    },
  };
}
