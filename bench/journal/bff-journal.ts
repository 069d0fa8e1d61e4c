// Bench (not a test): the BFF on its durable journal, end to end against the sandbox (latency 0).
// One BFF process (the runnable server's configuration, rate limit lifted) per backend; the
// sandbox runs in this process. Reports
//   - migrations completed per second: N migrations POSTed at once, until none is running;
//   - p50 / p99 of claimStep as the BFF saw it during that run;
//   - memory per 1,000 in-flight migrations: RSS and heap (after GC) of the BFF process with 1,000
//     migrations parked mid-way (their credit-share call held by the sandbox), minus before.
//   npx tsx bench/journal/bff-journal.ts [--migrations 200] [--inflight 1000 (0: no memory probe)]
//   (PostgreSQL too when TEST_DATABASE_URL is set, in a schema of its own, dropped afterwards;
//   BENCH_ONLY_POSTGRES=1 skips the PGlite run)
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createPostgresClient } from "@wa-migrate/bff";
import { createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { addCustomerPhones } from "../../packages/bff/src/journal/testing/add-customer-phones.js";
import { fetchAgainOnDrop } from "../../packages/bff/src/journal/testing/fetch-again-on-drop.js";
import { serveSandboxWithTrap } from "../../packages/bff/src/journal/testing/serve-sandbox-with-trap.js";
import {
  type BffProcess,
  bffEnv,
  spawnBff,
} from "../../packages/bff/src/journal/testing/spawn-bff.js";

const { values } = parseArgs({
  options: {
    migrations: { type: "string", default: "200" },
    inflight: { type: "string", default: "1000" },
  },
});
const N = Number(values.migrations);
const INFLIGHT = Number(values.inflight);
const CREDIT = "/whatsapp_credit_sharing_and_attach";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function startSandbox() {
  // The sandbox clock runs 20 times slower than real time: with hundreds of POSTs queued at once, a
  // code would otherwise expire (30 s) before the BFF gets to exchange it on this 2-core machine.
  const start = Date.now();
  const graph = createFakeGraph({
    scenario: "happy",
    seed: 21,
    control: true,
    clock: () => start + (Date.now() - start) / 20,
    webhookFetch: async () => new Response("ok"),
  });
  // The bench's world is one customer whose source WABA holds all 1,100+ numbers, so every
  // migration's source reads (discovery pages through 12 pages of numbers) hit the same WABA; on
  // the slowed clock its budget (5,000 calls an hour) ran out after ~800 migrations and the rest
  // failed with 80007 (the parking loop then waited forever). Real customers each have their own
  // WABA and budget: the bench lifts the per-WABA budget instead of measuring Meta's rate limit.
  graph.sandbox.wabaHourlyLimit = () => Number.MAX_SAFE_INTEGER;
  const served = await serveSandboxWithTrap(graph);
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  return { graph, url: served.url, partner, hold: served.hold, close: served.close };
}

async function post(bff: BffProcess, graph: ReturnType<typeof createFakeGraph>, phone: string) {
  const signup = (await (
    await graph.request("/__sandbox/signups", { method: "POST", body: JSON.stringify({ phone }) })
  ).json()) as {
    code: string;
    waba_id: string;
    phone_number_id: string;
    business_id: string;
  };
  const body = JSON.stringify({
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
    businessId: signup.business_id,
  });
  // With an Idempotency-Key a POST may be sent again when the connection drops (a kept-alive
  // socket the loaded server closed just as the request left: ECONNRESET / "other side closed"),
  // as a partner's client would; the replay answers 201 with the same migration.
  const response = await retryOnReset(`${bff.url}/migrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `bench-${phone}` },
    body,
  });
  if (response.status !== 201)
    throw new Error(`POST /migrations: ${response.status} ${await response.text()}`);
}

/** Number of requests sent again after a dropped connection (printed, so drops stay visible). */
let resets = 0;
const retryOnReset = (url: string, init?: RequestInit) =>
  fetchAgainOnDrop(url, init, {
    onDrop(code) {
      resets += 1;
      if (resets <= 5) console.error(`request dropped (${code}); sent again`);
    },
  });

async function count(bff: BffProcess, status: string): Promise<number> {
  let n = 0;
  let cursor = "";
  for (;;) {
    const response = await retryOnReset(
      `${bff.url}/migrations?status=${status}&limit=100${cursor}`,
    );
    const page = (await response.json()) as {
      data: unknown[];
      nextCursor: string | null;
    };
    n += page.data.length;
    if (!page.nextCursor) return n;
    cursor = `&cursor=${encodeURIComponent(page.nextCursor)}`;
  }
}

async function memory(bff: BffProcess): Promise<{ heapUsed: number; rss: number }> {
  const seen = bff.output.length;
  bff.child.kill("SIGUSR2");
  for (;;) {
    const line = bff.output.slice(seen).find((l) => l.includes('"msg":"memory"'));
    if (line) return JSON.parse(line);
    await sleep(50);
  }
}

async function run(name: string, journalEnv: Record<string, string>) {
  resets = 0;
  const sandbox = await startSandbox();
  const phones = addCustomerPhones(sandbox.graph, 10 + N + INFLIGHT);
  const env = bffEnv(sandbox.partner, sandbox.url, {
    ...journalEnv,
    BFF_TIME_CLAIMS: "1",
    BFF_GRAPH_TIMEOUT_MS: "600000",
  });
  try {
    // 1. Throughput and claim latency.
    const bff = await spawnBff(env, "instance");
    await Promise.all(phones.slice(0, 10).map((p) => post(bff, sandbox.graph, p)));
    while ((await count(bff, "running")) > 0) await sleep(100);
    const started = performance.now();
    await Promise.all(phones.slice(10, 10 + N).map((p) => post(bff, sandbox.graph, p)));
    while ((await count(bff, "running")) > 0) await sleep(100);
    const seconds = (performance.now() - started) / 1000;
    const completed = await count(bff, "completed");
    await bff.stop();
    const claimLine = bff.output.find((l) => l.includes('"claim latencies"'));
    const claims = ((claimLine ? JSON.parse(claimLine).ms : []) as number[]).sort((a, b) => a - b);
    console.log(
      `${name}: ${N} migrations POSTed at once: ${(N / seconds).toFixed(1)} completed/s (${completed - 10}/${N} completed, ${seconds.toFixed(1)} s); ` +
        `claimStep p50 ${percentile(claims, 0.5).toFixed(1)} ms, p99 ${percentile(claims, 0.99).toFixed(1)} ms (${claims.length} claims)`,
    );

    // 2. Memory per 1,000 in-flight migrations (a new process on the same journal); skipped with
    // --inflight 0 (parking 1,000 takes minutes on PGlite: npm run bench probes once).
    if (INFLIGHT > 0) {
      const probe = await spawnBff(env, "instance", ["--expose-gc"]);
      await sleep(2000);
      const before = await memory(probe);
      const gate = sandbox.hold(CREDIT);
      // In batches of 100: parked migrations pile up, while the POSTs themselves stay a sane burst.
      const parked = phones.slice(10 + N);
      try {
        for (let i = 0; i < parked.length; i += 100) {
          await Promise.all(parked.slice(i, i + 100).map((p) => post(probe, sandbox.graph, p)));
        }
      } catch (error) {
        const alive = probe.child.exitCode === null && probe.child.signalCode === null;
        console.error(
          `parking failed (BFF ${alive ? "alive" : `exited ${probe.child.exitCode ?? probe.child.signalCode}`}, ${gate.waiting()} parked):`,
        );
        console.error(
          probe.output
            .filter((l) => !l.includes('"level":"info"'))
            .slice(-8)
            .join("\n"),
        );
        throw error;
      }
      while (gate.waiting() < INFLIGHT) {
        // A migration that fails before the credit share never parks: say so instead of waiting.
        const failed = await count(probe, "failed");
        if (failed > 0)
          throw new Error(`${failed} migrations failed before parking (${gate.waiting()} parked)`);
        await sleep(500);
      }
      await sleep(1000);
      const during = await memory(probe);
      const running = await count(probe, "running");
      const per1000 = (bytes: number) => mb((bytes * 1000) / INFLIGHT);
      console.log(
        `${name}: ${running} migrations in flight: RSS ${mb(before.rss)} -> ${mb(during.rss)} MB, heap ${mb(before.heapUsed)} -> ${mb(during.heapUsed)} MB; ` +
          `per 1,000 in flight: RSS +${per1000(during.rss - before.rss)} MB, heap +${per1000(during.heapUsed - before.heapUsed)} MB`,
      );
      gate.release();
      try {
        while ((await count(probe, "running")) > 0) await sleep(250);
        console.log(
          `${name}: the ${running} parked migrations finished: ${await count(probe, "completed")} completed in all`,
        );
      } catch (error) {
        const alive = probe.child.exitCode === null && probe.child.signalCode === null;
        console.error(
          `after release: BFF ${alive ? "alive" : `exited ${probe.child.exitCode ?? probe.child.signalCode}`}`,
        );
        console.error(
          probe.output
            .filter((l) => !l.includes('"level":"info"'))
            .slice(-8)
            .join("\n")
            .slice(0, 3000),
        );
        throw error;
      }
      await probe.stop();
    }
    if (resets > 0)
      console.log(`${name}: ${resets} requests sent again after a dropped connection`);
  } finally {
    await sandbox.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), "wa-bench-bff-"));
try {
  if (!process.env.BENCH_ONLY_POSTGRES) {
    await run("PGlite (data dir on disk)", { WA_MIGRATE_DATA_DIR: join(dir, "db") });
  }
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
    await run("PostgreSQL (pool of 10)", {
      DATABASE_URL: `${url}?options=-c%20search_path%3D${schema}`,
    });
  } finally {
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
