import { rm } from "node:fs/promises";
import { join } from "node:path";
import { GRAPH_VERSION } from "@wa-migrate/contracts";
import {
  type FakeGraphServer,
  type PartnerConfig,
  type ScenarioName,
  serveFakeGraph,
} from "@wa-migrate/sandbox";
import type { DemoConfig } from "../web/demo-config.js";
import { type BffProcess, startBffProcess } from "./bff-process.js";
import { type CustomerInbox, createCustomerInbox } from "./customer-inbox.js";
import { type DemoServer, startDemoServer } from "./demo-server.js";
import { demoEncryptionKey } from "./encryption-key.js";
import { DIST_DIR, REPO_ROOT } from "./ensure-demo-build.js";
import { freePort } from "./free-port.js";
import { partnerWebhookReceiver } from "./partner-webhook-receiver.js";

/** Options of {@link startDemoStack}. */
export interface DemoStackOptions {
  /** Ports on 127.0.0.1; 0 picks free ones (tests). */
  ports: { sandbox: number; bff: number; demo: number };
  /** The demo's data directory (PGlite journal in `db/`, the encryption key). */
  dataDir: string;
  /** The environment: with `META_APP_ID` set the demo runs against Meta, else against the sandbox. */
  env: Record<string, string | undefined>;
  /** Sandbox only: scenario and seed to start with. */
  scenario?: ScenarioName;
  seed?: number;
  /** Sandbox only: start from an empty journal (default false: keep `db/`). */
  freshJournal?: boolean;
  /** The BFF's log lines. */
  onBffOutput?: (line: string, stream: "stdout" | "stderr") => void;
}

/** The running demo: portal, BFF child process and (against the sandbox) the fake Meta. */
export interface DemoStack {
  mode: DemoConfig["mode"];
  /** The portal (what to open in a browser). */
  url: string;
  bffUrl: string;
  /** The fake Meta, or null against Meta. */
  sandbox: FakeGraphServer | null;
  config: DemoConfig;
  /**
   * Against the sandbox, the customer messages the demo partner's messaging system received at
   * the app's callback (it forwards every delivery to the BFF); null against Meta.
   */
  inbox: CustomerInbox | null;
  /** The BFF's process id (tests kill it). */
  bffPid(): number | undefined;
  /** Stops the BFF (SIGTERM, or SIGKILL with `crash`) and starts it again on the same journal and port. */
  restartBff(options?: { crash?: boolean }): Promise<void>;
  /** Stops the BFF without starting it again (`restartBff` brings it back). */
  stopBff(options?: { crash?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** The variables that say "run against real Meta" (the rest is validated by the BFF itself). */
export function isMetaMode(env: Record<string, string | undefined>): boolean {
  return Boolean(env.META_APP_ID?.trim());
}

/**
 * Starts the whole demo: the sandbox (Graph, `sdk.js`, popup; unless `META_APP_ID` is set), the BFF
 * on PGlite in a child process configured from the sandbox's `GET /__sandbox/partner` (or from the
 * environment against Meta), and the portal server that serves `dist/` and mounts the BFF at `/wa`.
 *
 * @example
 * const stack = await startDemoStack({ ports: { sandbox: 4010, bff: 4020, demo: 4030 }, dataDir: ".wa-migrate/demo", env: process.env });
 * console.log(stack.url);
 * await stack.close();
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const meta = isMetaMode(options.env);
  const bffPort = options.ports.bff || (await freePort());
  const bffUrl = `http://127.0.0.1:${bffPort}`;
  const journalDir = join(options.dataDir, "db");
  if (!meta && options.freshJournal) await rm(journalDir, { recursive: true, force: true });
  const encryptionKey = await demoEncryptionKey(options.env, options.dataDir);

  let sandbox: FakeGraphServer | null = null;
  let partner: PartnerConfig | null = null;
  const inbox = meta ? null : createCustomerInbox();
  if (!meta && inbox) {
    sandbox = await serveFakeGraph({
      port: options.ports.sandbox,
      scenario: options.scenario ?? "happy",
      seed: options.seed ?? 1,
      // The App Dashboard's callback URL of the demo app is the partner's messaging system,
      // which forwards every delivery to the BFF (as the BFF's README advises partners).
      webhookFetch: partnerWebhookReceiver({
        partner: () =>
          partner?.callback_url
            ? { callbackUrl: partner.callback_url, appSecret: partner.app_secret }
            : null,
        bffUrl,
        inbox,
      }),
    });
    try {
      partner = (await (await fetch(`${sandbox.url}/__sandbox/partner`)).json()) as PartnerConfig;
    } catch (error) {
      // Not yet inside the try below: close the sandbox here, or its port stays taken.
      await sandbox.close();
      throw error;
    }
  }

  const bffEnv: Record<string, string | undefined> = meta
    ? { ...options.env }
    : {
        PATH: options.env.PATH,
        HOME: options.env.HOME,
        META_APP_ID: partner?.app_id,
        META_APP_SECRET: partner?.app_secret,
        META_SYSTEM_TOKEN: partner?.system_token,
        META_BUSINESS_ID: partner?.business_id,
        META_CREDIT_LINE_ID: partner?.credit_line_id,
        GRAPH_BASE_URL: sandbox?.url,
        GRAPH_VERSION,
        WEBHOOK_VERIFY_TOKEN: partner?.verify_token,
      };
  Object.assign(bffEnv, {
    HOST: "127.0.0.1",
    PORT: String(bffPort),
    WA_MIGRATE_DATA_DIR: journalDir,
    WA_MIGRATE_ENCRYPTION_KEY: encryptionKey,
  });
  if (!meta) delete bffEnv.DATABASE_URL;

  const launchBff = () =>
    startBffProcess({ env: bffEnv, cwd: REPO_ROOT, onOutput: options.onBffOutput });
  let bff: BffProcess | null = null;
  let demo: DemoServer | null = null;
  try {
    bff = await launchBff();
    const config: DemoConfig = meta
      ? {
          mode: "meta",
          appId: options.env.META_APP_ID ?? "",
          configId: options.env.META_CONFIG_ID ?? "",
          graphVersion: options.env.GRAPH_VERSION ?? GRAPH_VERSION,
          sdkBase: "https://connect.facebook.net",
          allowedOrigins: null,
          bffUrl: "/wa",
          sandboxApi: null,
        }
      : {
          mode: "sandbox",
          appId: partner?.app_id ?? "",
          configId: partner?.config_id ?? "",
          graphVersion: GRAPH_VERSION,
          sdkBase: sandbox?.url ?? "",
          allowedOrigins: [sandbox?.url ?? ""],
          bffUrl: "/wa",
          sandboxApi: "/sandbox-api",
        };
    demo = await startDemoServer({
      port: options.ports.demo,
      distDir: DIST_DIR,
      config,
      bffUpstream: bffUrl,
      sandboxUpstream: sandbox?.url ?? null,
      inbox,
    });
    const stopBff = async (o: { crash?: boolean } = {}) => {
      const current = bff;
      bff = null;
      if (current) await (o.crash ? current.kill() : current.stop());
    };
    const server = demo;
    return {
      mode: config.mode,
      url: server.url,
      bffUrl,
      sandbox,
      config,
      inbox,
      bffPid: () => bff?.pid,
      stopBff,
      async restartBff(o = {}) {
        await stopBff(o);
        bff = await launchBff();
      },
      async close() {
        await server.close();
        await stopBff();
        await sandbox?.close();
      },
    };
  } catch (error) {
    await demo?.close();
    await bff?.stop();
    await sandbox?.close();
    throw error;
  }
}
