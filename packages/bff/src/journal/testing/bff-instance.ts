// Test and bench support: one BFF instance as a process, configured like the `wa-migrate-bff` bin
// (same environment variables and options as `start-server.ts`, same journal choice), with the per-tenant rate limit of
// `POST /migrations` lifted and an instance id from BFF_INSTANCE_ID, for load and multi-instance
// runs. Prints the bin's "listening" JSON line. Run: node --import tsx bff-instance.ts
// Bench probes: with BFF_TIME_CLAIMS=1 every claimStep is timed and the times are printed as one
// JSON line ("claim latencies") on SIGTERM; SIGUSR2 prints heap and RSS (after a GC when Node runs
// with --expose-gc) as a "memory" line.
import { serve } from "@hono/node-server";
import { createMigrationBff } from "../../app/create-migration-bff.js";
import { loadEnvConfig } from "../../config/env-config.js";
import { createLogger } from "../../log/logger.js";
import type { MigrationStore } from "../../store/migration-store.js";
import { journalOptionsFromEnv } from "../journal-env.js";
import { openJournalStore } from "../open-journal-store.js";

const config = loadEnvConfig(process.env);
const journal = await openJournalStore(journalOptionsFromEnv(process.env));
const claimMs: number[] = [];
const store: MigrationStore = process.env.BFF_TIME_CLAIMS
  ? {
      ...journal,
      async claimStep(...args) {
        const started = performance.now();
        const claimed = await journal.claimStep(...args);
        claimMs.push(performance.now() - started);
        return claimed;
      },
    }
  : journal;
const bff = createMigrationBff({
  appId: config.appId,
  appSecret: config.appSecret,
  systemToken: config.systemToken,
  businessId: config.businessId,
  creditLineId: config.creditLineId,
  wabaCurrency: config.wabaCurrency,
  graphBaseUrl: config.graphBaseUrl,
  graphVersion: config.graphVersion,
  encryptionKey: config.encryptionKey,
  webhookVerifyToken: config.webhookVerifyToken,
  corsOrigins: config.corsOrigins,
  leaseMs: config.leaseMs,
  store,
  logger: createLogger({
    secrets: [config.appSecret, config.systemToken, config.webhookVerifyToken],
  }),
  rateLimit: { max: 1_000_000, windowMs: 60_000 },
  graph: {
    maxTransientRetryMs: config.transientRetryMs,
    // The memory bench parks Graph calls for a while; a long timeout keeps them from failing.
    ...(process.env.BFF_GRAPH_TIMEOUT_MS
      ? { timeoutMs: Number(process.env.BFF_GRAPH_TIMEOUT_MS) }
      : {}),
  },
  ...((process.env.BFF_INSTANCE_ID ?? config.instanceId)
    ? { instanceId: process.env.BFF_INSTANCE_ID ?? config.instanceId }
    : {}),
});
const server = serve({ fetch: bff.fetch, hostname: "127.0.0.1", port: config.port }, (info) => {
  console.log(
    JSON.stringify({ msg: "wa-migrate-bff listening", url: `http://127.0.0.1:${info.port}` }),
  );
});
process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  console.log(JSON.stringify({ msg: "memory", heapUsed, rss }));
});
process.once("SIGTERM", () => {
  if (process.env.BFF_TIME_CLAIMS)
    console.log(JSON.stringify({ msg: "claim latencies", ms: claimMs }));
  server.close();
  void bff
    .idle()
    .then(() => store.close())
    .then(() => process.exit(0));
});
