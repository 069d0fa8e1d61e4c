// Bench (not a test): whole migrations per second through the BFF (routes, engine, Graph client,
// journal) against the in-process sandbox with latency 0, on PGlite (data directory on disk) and
// on PostgreSQL (when TEST_DATABASE_URL is set, in a schema of its own dropped afterwards).
//   npx tsx bench/throughput/bff-throughput.ts [--migrations 100]
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createMigrationBff,
  createPostgresClient,
  type MigrationStore,
  openJournalStore,
} from "@wa-migrate/bff";
import { createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { addPhones, quietLogger } from "./bench-support.js";

const { values } = parseArgs({ options: { migrations: { type: "string", default: "100" } } });
const total = Number(values.migrations);

async function run(name: string, store: MigrationStore): Promise<number> {
  const graph = createFakeGraph({
    scenario: "happy",
    seed: 21,
    control: true,
    webhookFetch: async () => new Response("ok"),
  });
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  const bff = createMigrationBff({
    appId: partner.app_id,
    appSecret: partner.app_secret,
    systemToken: partner.system_token,
    businessId: partner.business_id,
    creditLineId: partner.credit_line_id,
    graphBaseUrl: "http://graph.sandbox.test",
    encryptionKey: `bench:${Buffer.alloc(32, 3).toString("base64")}`,
    webhookVerifyToken: "bench",
    store,
    fetch: async (input, init) => graph.fetch(new Request(input, init)),
    logger: quietLogger,
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
    resumeOnStart: false,
  });
  const signups = [];
  for (const phone of addPhones(graph, total)) {
    signups.push(
      (await (
        await graph.request("/__sandbox/signups", {
          method: "POST",
          body: JSON.stringify({ phone }),
        })
      ).json()) as { code: string; waba_id: string; phone_number_id: string },
    );
  }
  const t0 = performance.now();
  const ids = await Promise.all(
    signups.map(async (s) => {
      const response = await bff.request("/migrations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: s.code, wabaId: s.waba_id, phoneNumberId: s.phone_number_id }),
      });
      return ((await response.json()) as { id: string }).id;
    }),
  );
  await bff.idle();
  const seconds = (performance.now() - t0) / 1000;
  let completed = 0;
  for (const id of ids) {
    const m = (await (await bff.request(`/migrations/${id}`)).json()) as { status: string };
    if (m.status === "completed") completed += 1;
  }
  const perSecond = completed / seconds;
  console.log(
    `${name}: ${completed}/${total} completed in ${seconds.toFixed(2)} s = ${perSecond.toFixed(1)} migrations/s`,
  );
  return perSecond;
}

const out: Record<string, number> = {};
const dir = await mkdtemp(join(tmpdir(), "wa-bench-bff-"));
try {
  const pglite = await openJournalStore({ dataDir: join(dir, "db") });
  out.pglite = await run("PGlite (data dir on disk)", pglite);
  await pglite.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log("PostgreSQL: skipped (set TEST_DATABASE_URL)");
} else {
  const schema = `wa_bench_${randomBytes(4).toString("hex")}`;
  const admin = await createPostgresClient({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  try {
    const pg = await openJournalStore({ databaseUrl: url, schema, poolSize: 10 });
    out.postgres = await run("PostgreSQL (pool of 10)", pg);
    await pg.close();
  } finally {
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
console.log(`BENCH_JSON ${JSON.stringify({ migrationsPerSecond: out })}`);
