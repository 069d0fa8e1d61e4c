// Bench (not a test): what the request lease of decision 034 adds to a keyed `POST /migrations`
// or a manual template copy: one claim and one release of a lease row, timed in sequence
// (`--pairs` of them, each on its own name, as requests with different keys would), on PGlite
// (data directory on disk) and PostgreSQL.
//   npx tsx bench/journal/request-lease.ts [--pairs 2000]
//   (PostgreSQL when TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards)
import { parseArgs } from "node:util";
import type { MigrationStore } from "@wa-migrate/bff";
import { onEachJournal } from "../support/on-each-journal.js";

const { values } = parseArgs({ options: { pairs: { type: "string", default: "2000" } } });
const pairs = Number(values.pairs);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function bench(name: string, store: MigrationStore) {
  const times: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const t = performance.now();
    const lease = `create:${i}`;
    const held = await store.claimLease(lease, {
      owner: "bench",
      leaseMs: 60_000,
      now: new Date().toISOString(),
    });
    if (!held) throw new Error("lease refused");
    await store.releaseLease(lease, "bench");
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${name}: claim + release of a request lease: mean ${mean.toFixed(2)} ms, ` +
      `p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms (${pairs} pairs)`,
  );
}

await onEachJournal(bench);
