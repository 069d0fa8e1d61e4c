import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import { hostname } from "node:os";
import { serve } from "@hono/node-server";
import { createMigrationBff, type MigrationBff } from "../app/create-migration-bff.js";
import { ConfigError, loadEnvConfig } from "../config/env-config.js";
import { journalOptionsFromEnv } from "../journal/journal-env.js";
import { openJournalStore } from "../journal/open-journal-store.js";
import { createLogger } from "../log/logger.js";
import type { MigrationStore } from "../store/migration-store.js";

/** `GET /migrations/:id/events` (SSE), at the root path where this server serves the API. */
const EVENTS_PATH = /^\/migrations\/[^/?]+\/events(?:\?|$)/;

/**
 * A running server and how to stop it.
 *
 * @example
 * const server: RunningServer = await startServer(process.env);
 * process.once("SIGTERM", () => void server.close());
 */
export interface RunningServer {
  url: string;
  bff: MigrationBff;
  /** Stops listening, ends open event streams, waits for running steps, closes the journal. */
  close(): Promise<void>;
}

/**
 * Starts the BFF on `HOST:PORT` (loopback and 8787 by default, the API at the root path) with the
 * journal the environment names (PostgreSQL via `DATABASE_URL`, else PGlite). Throws
 * `ConfigError` naming every bad variable before anything starts.
 *
 * @example
 * const server = await startServer(process.env);
 * console.log(server.url);
 */
export async function startServer(
  env: Readonly<Record<string, string | undefined>>,
  deps: {
    store?: MigrationStore;
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
  } = {},
): Promise<RunningServer> {
  const config = loadEnvConfig(env);
  const log = createLogger({
    secrets: [config.appSecret, config.systemToken, config.webhookVerifyToken],
  });
  const store = deps.store ?? (await openJournalStore(journalOptionsFromEnv(env)));
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
    instanceId: config.instanceId ?? `${hostname()}-${process.pid}`,
    leaseMs: config.leaseMs,
    graph: { maxTransientRetryMs: config.transientRetryMs },
    store,
    logger: log,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    // Resumed once listening: a server that cannot listen must not have started steps.
    resumeOnStart: false,
  });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      // A port in use (EADDRINUSE) or a host not on this machine is an 'error' event, which
      // unhandled ends the process with a stack trace instead of `could not start`.
      const s = serve({ fetch: bff.fetch, hostname: config.host, port: config.port }, () => {
        s.off("error", reject);
        resolve(s);
      });
      s.once("error", reject);
    });
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  void bff.resume().catch((error: unknown) => log.error("resume failed", { error }));
  // Event streams never end on their own (heartbeats keep them open while a page is), and
  // `server.close()` waits for every open request: close() ends them, browsers reconnect elsewhere.
  const streams = new Set<ServerResponse>();
  (server as HttpServer).on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" || !EVENTS_PATH.test(req.url ?? "")) return;
    streams.add(res);
    res.once("close", () => streams.delete(res));
  });
  // Picks up migrations whose lease ran out (another instance died, or this one restarted inside
  // its old lease window and found the steps still leased). Ours, not the app's `resumeEveryMs`,
  // so that close() can stop it before the journal closes.
  const resumer =
    config.resumeEveryMs > 0
      ? setInterval(() => {
          void bff.resume().catch((error: unknown) => log.error("resume failed", { error }));
        }, config.resumeEveryMs)
      : undefined;
  resumer?.unref();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  log.info("wa-migrate-bff listening", {
    url,
    instanceId: config.instanceId ?? `${hostname()}-${process.pid}`,
    journal: config.databaseUrl ? "postgresql" : "pglite",
  });
  return {
    url,
    bff,
    async close() {
      clearInterval(resumer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of streams) res.destroy();
      await closed;
      // Waits for a resume the ticker started too: it must not start runs on a closed journal.
      await bff.close();
      await store.close();
    },
  };
}

/**
 * The `wa-migrate-bff` command: `db:migrate` / `db:status` go to the journal, anything else starts
 * the server. Returns the exit code (the server keeps the process alive until a signal).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), process.env);
 */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const [command] = argv;
  if (command?.startsWith("db:")) {
    const { runJournalCommand } = await import("../journal/cli.js");
    const result = await runJournalCommand(argv, env);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }
  if (command !== undefined && command !== "serve") {
    process.stderr.write("usage: wa-migrate-bff [serve] | db:migrate | db:status\n");
    return 2;
  }
  try {
    const server = await startServer(env);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`wa-migrate-bff could not start: ${message}\n`);
    return 1;
  }
}
