// Bench (not a test): what one page of `GET /webhook-events` costs the journal. The operator view
// polls it; each listed change needs the migration (and so the tenant) it belongs to. Fills a
// journal with 50 migrations and `--events` changes (half claimed by a migration, half matched
// by WABA only, as PARTNER_ADDED arrives before its migration exists), then times `--requests`
// pages of `--limit` changes through the BFF's `app.request()` and counts the store calls each
// page makes. On PGlite (data directory on disk) and PostgreSQL.
//   npx tsx bench/journal/webhook-events-page.ts [--events 400] [--limit 200] [--requests 40]
//   (PostgreSQL when TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards)
import { parseArgs } from "node:util";
import { type Logger, type MigrationStore, newMigrationFixture } from "@wa-migrate/bff";
import { bffWithSandbox } from "../../packages/bff/src/test-support/bff-with-sandbox.js";
import { onEachJournal } from "../support/on-each-journal.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "400" },
    limit: { type: "string", default: "200" },
    requests: { type: "string", default: "40" },
  },
});
const events = Number(values.events);
const limit = Number(values.limit);
const requests = Number(values.requests);

const quiet: Logger = { info() {}, warn() {}, error() {}, child: () => quiet, addSecret() {} };
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

// Counts every store method call made while `counting` is on.
function counted(store: MigrationStore) {
  const state = { counting: false, calls: 0 };
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (state.counting) state.calls++;
        return value.apply(target, args);
      };
    },
  });
  return { proxy, state };
}

async function bench(name: string, store: MigrationStore) {
  const at = "2026-12-05T06:00:00.000Z";
  for (let m = 0; m < 50; m++) {
    await store.createMigration(
      newMigrationFixture({
        id: `mig_${m}`,
        tenant: "default",
        wabaId: `9000${m}`,
        createdAt: at,
        updatedAt: at,
      }),
    );
  }
  for (let e = 0; e < events; e++) {
    const m = e % 50;
    await store.addWebhookEvent({
      id: `evt_${e}`,
      dedupeKey: `k_${e}`,
      field: "message_template_status_update",
      wabaId: `9000${m}`,
      migrationId: e % 2 === 0 ? `mig_${m}` : null,
      value: { event: "APPROVED", message_template_id: e },
      receivedAt: new Date(Date.parse(at) + e * 1000).toISOString(),
    });
  }
  const { proxy, state } = counted(store);
  const h = await bffWithSandbox("happy", { store: proxy, logger: quiet });
  const page = async () => {
    const response = await h.bff.request(`/webhook-events?limit=${limit}`);
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
    return ((await response.json()) as { data: unknown[] }).data.length;
  };
  for (let i = 0; i < 5; i++) await page();
  const times: number[] = [];
  state.counting = true;
  state.calls = 0;
  let listed = 0;
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    listed = await page();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: ${listed} changes per page: p50 ${percentile(times, 0.5).toFixed(1)} ms, ` +
      `p90 ${percentile(times, 0.9).toFixed(1)} ms, ${(state.calls / requests).toFixed(0)} store calls per page`,
  );
}

await onEachJournal(bench);
