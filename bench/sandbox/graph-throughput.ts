// Bench (not a test): requests per second the fake Graph serves on loopback.
// The server runs in its own process (the wa-sandbox bin); this process is the load generator.
// Scenario no-default-webhook: signups send no webhooks, so only Graph requests are measured.
//   npx tsx bench/sandbox/graph-throughput.ts [--seconds 10] [--concurrency 8]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "8" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const bin = fileURLToPath(new URL("../../packages/sandbox/bin/wa-sandbox.mjs", import.meta.url));

const server = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_SERVER_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`]
      : []),
    bin,
    "--port",
    "0",
    "--seed",
    "1",
    "--scenario",
    "no-default-webhook",
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const url = await new Promise<string>((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (match?.[1]) resolve(match[1]);
  });
  server.once("exit", (code) => reject(new Error(`wa-sandbox exited with ${code}`)));
});

const json = async (path: string, init?: RequestInit) =>
  (await fetch(`${url}${path}`, init)).json();
const partner = await json("/__sandbox/partner");

/** A fresh signup per worker every 150 calls keeps each WABA under Meta's 200 calls per hour. */
async function session() {
  const signup = await json("/__sandbox/signups", { method: "POST" });
  const exchange = await json(
    `/v26.0/oauth/access_token?client_id=${partner.app_id}&client_secret=${partner.app_secret}&code=${signup.code}`,
  );
  return { signup, headers: { authorization: `Bearer ${exchange.access_token}` } };
}

// node:http with keep-alive: far cheaper per request than fetch, so the generator is not what we measure.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function get(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** CPU seconds the server process has used (Linux /proc; utime + stime at 100 ticks/s). */
function serverCpuSeconds(): number {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const latencies: number[] = [];
const statuses = new Map<number, number>();
let graphRequests = 0;
const deadline = performance.now() + seconds * 1000;

async function worker(): Promise<void> {
  let s = await session();
  let used = 0;
  while (performance.now() < deadline) {
    if (used >= 150) {
      s = await session();
      used = 0;
    }
    const paths = [
      `/v26.0/${s.signup.waba_id}?fields=id,name,account_review_status,business_verification_status,primary_funding_id`,
      `/v26.0/${s.signup.phone_number_id}?fields=id,display_phone_number,verified_name,quality_rating,name_status,status,platform_type`,
      `/v26.0/${s.signup.waba_id}/phone_numbers`,
      `/v26.0/${s.signup.waba_id}/subscribed_apps`,
    ];
    const started = performance.now();
    const status = await get(paths[used % paths.length] as string, s.headers);
    latencies.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    graphRequests += 1;
    used += 1;
  }
}

const cpuBefore = serverCpuSeconds();
const began = performance.now();
await Promise.all(Array.from({ length: concurrency }, () => worker()));
const elapsed = (performance.now() - began) / 1000;
// On a shared machine wall-clock req/s depends on the neighbours; req per server CPU-second does not.
const cpuUsed = serverCpuSeconds() - cpuBefore;
server.kill("SIGTERM");
agent.destroy();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(2);
const result = {
  bench: "sandbox graph-throughput",
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} x ${cpus()[0]?.model ?? "?"}`,
  seconds: Number(elapsed.toFixed(1)),
  concurrency,
  requests: graphRequests,
  requestsPerSecond: Math.round(graphRequests / elapsed),
  latencyMs: { p50: Number(pct(50)), p99: Number(pct(99)) },
  serverCpuSeconds: Number(cpuUsed.toFixed(2)),
  requestsPerServerCpuSecond: Math.round(graphRequests / cpuUsed),
  loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  statuses: Object.fromEntries(statuses),
};
console.log(JSON.stringify(result, null, 2));
