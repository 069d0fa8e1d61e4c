// Bench (not a test): the journal alone. Workers drive migrations through exactly the store calls
// the BFF engine makes per migration (create, five steps claimed / renewed / finished in the
// engine's order with the three writes in parallel, context and status updates), with no Graph in
// between, so the numbers are the journal's ceiling. Reports migrations per second and the
// p50 / p99 latency of claimStep, on PGlite (data directory on disk) and PostgreSQL.
//   npx tsx bench/journal/journal-throughput.ts [--migrations 400] [--concurrency 32]
//   (PostgreSQL when TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards)
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { type MigrationStore, newMigrationFixture } from "@wa-migrate/bff";
import { onEachJournal } from "../support/on-each-journal.js";

type StepId = Parameters<MigrationStore["claimStep"]>[1];

const { values } = parseArgs({
  options: {
    migrations: { type: "string", default: "400" },
    concurrency: { type: "string", default: "32" },
  },
});
const total = Number(values.migrations);
const concurrency = Number(values.concurrency);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function runStep(
  store: MigrationStore,
  id: string,
  step: StepId,
  owner: string,
  claims: number[],
) {
  const t = performance.now();
  const claimed = await store.claimStep(id, step, {
    owner,
    leaseMs: 60_000,
    now: new Date().toISOString(),
  });
  claims.push(performance.now() - t);
  if (!claimed) throw new Error(`claim of ${step} failed`);
  await store.updateMigration(
    id,
    { context: { [`${step}At`]: new Date().toISOString() } },
    new Date().toISOString(),
  );
  await store.renewStepLease(id, step, { owner, leaseMs: 60_000, now: new Date().toISOString() });
  await store.finishStep(id, step, owner, {
    status: "succeeded",
    lastError: null,
    now: new Date().toISOString(),
  });
}

async function bench(name: string, store: MigrationStore) {
  const claims: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    for (let i = next++; i < total; i = next++) {
      const id = `mig_${i}_${randomBytes(4).toString("hex")}`;
      const now = new Date().toISOString();
      await store.createMigration(
        newMigrationFixture({ id, tenant: "bench", createdAt: now, updatedAt: now }),
        {
          key: id,
          requestHash: "h",
          createdAt: now,
        },
      );
      await store.putSecret(id, "business_token", { keyId: "k1", ciphertext: "c".repeat(300) });
      const owner = `w${w}`;
      await runStep(store, id, "capture_assets", owner, claims);
      await Promise.all(
        (["share_credit_line", "subscribe_webhooks", "migrate_templates"] as const).map((s) =>
          runStep(store, id, s, owner, claims),
        ),
      );
      await runStep(store, id, "register_phone", owner, claims);
      await store.updateMigration(
        id,
        { status: "completed", billingCutoverAt: new Date().toISOString() },
        new Date().toISOString(),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  claims.sort((a, b) => a - b);
  console.log(
    `${name}: ${total} migrations, concurrency ${concurrency}: ${(total / seconds).toFixed(1)} migrations/s; ` +
      `claimStep p50 ${percentile(claims, 0.5).toFixed(2)} ms, p99 ${percentile(claims, 0.99).toFixed(2)} ms (${claims.length} claims)`,
  );
}

await onEachJournal(bench);
