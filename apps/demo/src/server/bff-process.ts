import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = join(dirname(fileURLToPath(import.meta.url)), "bff-main.ts");

/** Options of {@link startBffProcess}. */
export interface BffProcessOptions {
  /** The BFF's environment (META_*, GRAPH_BASE_URL, PORT, WA_MIGRATE_DATA_DIR, ...). */
  env: Record<string, string | undefined>;
  /** Where the BFF's log lines go (JSON lines on stdout, problems on stderr). */
  onOutput?: (line: string, stream: "stdout" | "stderr") => void;
  /** Give up waiting for it after this long (default 90 s: PGlite's first start is slow on 2 cores). */
  readyTimeoutMs?: number;
  /** Working directory (default the repository root, where `tsx` resolves). */
  cwd: string;
}

/** A BFF child process. */
export interface BffProcess {
  readonly pid: number | undefined;
  /** Resolves when it has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM and wait (graceful: it closes its server and journal). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash, for restart tests. */
  kill(): Promise<void>;
}

/**
 * Starts `@wa-migrate/bff`'s server in a child process (Node 20 runs its TypeScript through
 * `tsx`) and resolves once it listens. The child is tied to this process by an IPC channel, so it
 * exits when this process dies: no orphans.
 *
 * @example
 * const bff = await startBffProcess({ env: { ...bffEnv, PORT: "4020" }, cwd: repoRoot });
 * await bff.stop();
 */
export function startBffProcess(options: BffProcessOptions): Promise<BffProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  let stderr = "";
  for (const stream of ["stdout", "stderr"] as const) {
    let rest = "";
    child[stream]?.on("data", (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (stream === "stderr") stderr = `${stderr}${line}\n`.slice(-4000);
        options.onOutput?.(line, stream);
      }
    });
  }
  const handle: BffProcess = {
    get pid() {
      return child.pid;
    },
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`the BFF did not start within ${options.readyTimeoutMs ?? 90_000} ms\n${stderr}`),
      );
    }, options.readyTimeoutMs ?? 90_000);
    child.on("message", (message: { type?: string }) => {
      if (message?.type !== "ready") return;
      clearTimeout(timer);
      resolve(handle);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF exited before it was ready (exit ${code})\n${stderr}`));
    });
  });
}
