import type { CallRecord, FakeGraph } from "@wa-migrate/sandbox";

/**
 * Keeps every entry of the sandbox's call log while a long run goes on: the sandbox keeps only
 * its last 10,000 calls, and a 1,000-migration run makes about 15,000. Polls every 500 ms and
 * merges by `seq`; `stop()` takes a last look and returns the whole log in order.
 *
 * @example
 * const log = collectCalls(graph);
 * // ... run the migrations ...
 * const calls = await log.stop();
 */
export function collectCalls(graph: FakeGraph): { stop(): Promise<CallRecord[]> } {
  const all = new Map<number, CallRecord>();
  const take = async () => {
    const { data } = (await (await graph.request("/__sandbox/calls")).json()) as {
      data: CallRecord[];
    };
    for (const call of data) all.set(call.seq, call);
  };
  let busy: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    busy = busy.then(take);
  }, 500);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
      await take();
      return [...all.values()].sort((a, b) => a.seq - b.seq);
    },
  };
}
