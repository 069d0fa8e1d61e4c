import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PartnerConfig } from "@wa-migrate/sandbox";

const BIN = fileURLToPath(new URL("../../../bin/wa-migrate-bff.mjs", import.meta.url));
const INSTANCE = fileURLToPath(new URL("./bff-instance.ts", import.meta.url));

/** A `wa-migrate-bff` server running as a child process. */
export interface BffProcess {
  url: string;
  child: ChildProcess;
  /** Every stdout / stderr line so far (JSON log lines), for failure messages. */
  output: string[];
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. */
  crash(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/**
 * The environment of the runnable server for a sandbox (its partner config and base URL).
 *
 * @example
 * const env = bffEnv(partner, sandbox.url, { WA_MIGRATE_DATA_DIR: dir });
 */
export function bffEnv(
  partner: PartnerConfig,
  graphBaseUrl: string,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    META_APP_ID: partner.app_id,
    META_APP_SECRET: partner.app_secret,
    META_SYSTEM_TOKEN: partner.system_token,
    META_BUSINESS_ID: partner.business_id,
    META_CREDIT_LINE_ID: partner.credit_line_id,
    GRAPH_BASE_URL: graphBaseUrl,
    WA_MIGRATE_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    WEBHOOK_VERIFY_TOKEN: "verify-token-of-the-bff",
    PORT: "0",
    ...extra,
  };
}

/**
 * Starts the real `wa-migrate-bff` bin (one Node process: the bin loads TypeScript in-process,
 * so a SIGKILL hits the server itself) and resolves once it listens. With `entry: "instance"`
 * it starts `bff-instance.ts` instead (same configuration, no rate limit on POST /migrations).
 *
 * @example
 * const bff = await spawnBff(bffEnv(partner, sandbox.url, { WA_MIGRATE_DATA_DIR: dir }));
 * await bff.crash();
 */
export async function spawnBff(
  env: Record<string, string>,
  entry: "bin" | "instance" = "bin",
  nodeArgs: string[] = [],
): Promise<BffProcess> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const args = [...nodeArgs, ...(entry === "bin" ? [BIN] : ["--import", "tsx", INSTANCE])];
  const child = spawn(process.execPath, args, {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? String(code)));
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        output.push(line);
        if (line.includes('"wa-migrate-bff listening"')) resolve(JSON.parse(line).url);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((how) =>
      reject(new Error(`wa-migrate-bff exited (${how}):\n${output.join("\n")}`)),
    );
  });
  return {
    url,
    child,
    output,
    exited,
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
