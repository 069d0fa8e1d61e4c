// Test and bench support: one BFF instance as a process, configured like the `wa-migrate-bff` bin
// (same environment variables, same journal choice), with the per-tenant rate limit of
// `POST /migrations` lifted and an instance id from BFF_INSTANCE_ID, for load and multi-instance
// runs. Prints the bin's "listening" JSON line. Run: node --import tsx bff-instance.ts
import { serve } from "@hono/node-server";
import { createMigrationBff } from "../../app/create-migration-bff.js";
import { loadEnvConfig } from "../../config/env-config.js";
import { createLogger } from "../../log/logger.js";
import { journalOptionsFromEnv } from "../journal-env.js";
import { openJournalStore } from "../open-journal-store.js";

const config = loadEnvConfig(process.env);
const store = await openJournalStore(journalOptionsFromEnv(process.env));
const bff = createMigrationBff({
  appId: config.appId,
  appSecret: config.appSecret,
  systemToken: config.systemToken,
  businessId: config.businessId,
  creditLineId: config.creditLineId,
  graphBaseUrl: config.graphBaseUrl,
  encryptionKey: config.encryptionKey,
  webhookVerifyToken: config.webhookVerifyToken,
  store,
  logger: createLogger({ secrets: [config.appSecret, config.systemToken] }),
  rateLimit: { max: 1_000_000, windowMs: 60_000 },
  ...(process.env.BFF_INSTANCE_ID ? { instanceId: process.env.BFF_INSTANCE_ID } : {}),
});
const server = serve({ fetch: bff.fetch, hostname: "127.0.0.1", port: config.port }, (info) => {
  console.log(
    JSON.stringify({ msg: "wa-migrate-bff listening", url: `http://127.0.0.1:${info.port}` }),
  );
});
process.once("SIGTERM", () => {
  server.close();
  void bff
    .idle()
    .then(() => store.close())
    .then(() => process.exit(0));
});
