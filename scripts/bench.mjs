#!/usr/bin/env node
// `npm run bench`: runs every bench under bench/ several times (default 3: `--runs N`), prints one
// table (median, min, max of each figure) and writes it into docs/benchmarks.md between the
// "npm run bench" markers (added at the end the first time; the hand-written sections stay).
// PostgreSQL figures need TEST_DATABASE_URL. Not part of `npm test`.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { commitOf } from "./commit-of.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Math.max(1, Number(values.runs));
const started = new Date();
const loadBefore = loadavg();

/** Benches that exited with an error (their figures are missing from the table). */
const failedBenches = [];

/** Runs one bench script, echoing its output; resolves with the output text (also on failure). */
function bench(script, args) {
  return new Promise((resolve) => {
    console.log(`\n::: bench/${script} ${args.join(" ")}`);
    const child = spawn(tsx, [join("bench", script), ...args], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
      process.stderr.write(chunk);
    });
    child.on("exit", (code) => {
      if (code !== 0) {
        const why =
          /^(?:\w*Error|\s*\[cause\]: \w*Error): .*$/m.exec(err)?.[0]?.trim() ?? `exit ${code}`;
        failedBenches.push(`\`bench/${script} ${args.join(" ")}\` failed: ${why.slice(0, 300)}`);
      }
      resolve(out);
    });
  });
}
const benchJson = (out) => JSON.parse(/^BENCH_JSON (.*)$/m.exec(out)?.[1] ?? "{}");
const lastJson = (out) => {
  try {
    return JSON.parse(out.slice(out.indexOf("{")));
  } catch {
    return {};
  }
};
const num = (re, out) => {
  const m = re.exec(out);
  return m ? Number(m[1]) : Number.NaN;
};

/** figure name -> measured values (one per run) and what it is set beside. */
const figures = new Map();
const add = (name, value, unit, note = "") => {
  if (!Number.isFinite(value)) return;
  const f = figures.get(name) ?? { values: [], unit, note };
  f.values.push(value);
  figures.set(name, f);
};
const byOperation = new Map();
const skipped = [];

for (let r = 0; r < runs; r += 1) {
  const orch = await bench("orchestration/orchestration-latency.ts", ["--runs", "1"]);
  add(
    "critical path: POST -> completed (ours)",
    num(/= ([\d.]+) x 100 ms/, orch),
    "x 100 ms",
    "aim <= 5",
  );
  add(
    "critical path with sourceWabaId in the POST (ours)",
    num(/with sourceWabaId: POST -> completed[^\n]*= ([\d.]+) x 100 ms/, orch),
    "x 100 ms",
    "aim 5",
  );
  add(
    "POST /migrations answered",
    num(/answered after \(median\): \d+ ms = ([\d.]+) round/, orch),
    "x 100 ms",
  );
  add(
    "Graph calls per happy migration",
    num(/Graph calls per happy migration: (\d+)/, orch),
    "calls",
    "aim <= 12",
  );
  add(
    "template downtime after register: ours (copied before register)",
    num(/readable source \(happy\): ([\d.]+) s/, orch),
    "s",
    "aim 0",
  );
  add(
    "template downtime after register: Meta's automatic copy (source-obo)",
    num(/automatic copy\): ([\d.]+) s/, orch),
    "s",
    "sandbox delay 60 s",
  );
  if (r === 0) {
    for (const m of orch.matchAll(/^ {2}\d+\. (\w+) .*\[(\w+)\]$/gm)) {
      const key = `${m[1]} ${m[2]}`;
      byOperation.set(key, (byOperation.get(key) ?? 0) + 1);
    }
  }
  const naive = benchJson(await bench("critical-path/naive-sequential-client.ts", ["--runs", "1"]));
  add(
    "critical path: naive sequential client (baseline)",
    naive.naiveRoundTrips?.[0],
    "x 100 ms",
    "the same calls one after another",
  );

  // The memory probe parks 1,000 migrations (about 3 minutes of the run on a quiet machine).
  const e2e = await bench("journal/bff-journal.ts", ["--migrations", "100", "--inflight", "1000"]);
  for (const [name, label] of [
    ["PGlite", "PGlite \\(data dir"],
    ["PostgreSQL", "PostgreSQL \\(pool"],
  ]) {
    const line = (re) => num(new RegExp(`${label}[^\\n]*${re}`), e2e);
    add(
      `migrations/s through the BFF, ${name} (latency 0)`,
      line("at once: ([\\d.]+) completed/s"),
      "/s",
    );
    add(`BFF claimStep p50, ${name}`, line("claimStep p50 ([\\d.]+) ms"), "ms");
    add(`BFF claimStep p99, ${name}`, line("p99 ([\\d.]+) ms"), "ms");
    add(
      `RSS per 1,000 in-flight migrations, ${name}`,
      line("per 1,000 in flight: RSS \\+([\\d.]+) MB"),
      "MB",
    );
    add(
      `heap per 1,000 in-flight migrations, ${name}`,
      line("per 1,000 in flight: RSS [^,]*, heap \\+([\\d.]+) MB"),
      "MB",
    );
  }
  if (r === 0 && /PostgreSQL: skipped/.test(e2e))
    skipped.push("PostgreSQL figures (TEST_DATABASE_URL not set)");

  const journal = await bench("journal/journal-throughput.ts", ["--migrations", "200"]);
  add(
    "journal alone: migrations/s, PGlite",
    num(/PGlite[^\n]*: ([\d.]+) migrations\/s/, journal),
    "/s",
  );
  add(
    "journal alone: claimStep p50, PGlite",
    num(/PGlite[^\n]*claimStep p50 ([\d.]+) ms/, journal),
    "ms",
  );
  add("journal alone: claimStep p99, PGlite", num(/PGlite[^\n]*p99 ([\d.]+) ms/, journal), "ms");
  add(
    "journal alone: migrations/s, PostgreSQL",
    num(/PostgreSQL \(pool[^\n]*: ([\d.]+) migrations\/s/, journal),
    "/s",
  );
  add(
    "journal alone: claimStep p50, PostgreSQL",
    num(/PostgreSQL \(pool[^\n]*claimStep p50 ([\d.]+) ms/, journal),
    "ms",
  );
  add(
    "journal alone: claimStep p99, PostgreSQL",
    num(/PostgreSQL \(pool[^\n]*p99 ([\d.]+) ms/, journal),
    "ms",
  );

  const events = await bench("journal/webhook-events-page.ts", ["--requests", "20"]);
  add(
    "GET /webhook-events, 200 changes: p50, PGlite",
    num(/PGlite[^\n]*changes per page: p50 ([\d.]+) ms/, events),
    "ms",
  );
  add(
    "GET /webhook-events, 200 changes: p50, PostgreSQL",
    num(/PostgreSQL \(pool[^\n]*changes per page: p50 ([\d.]+) ms/, events),
    "ms",
  );
  add(
    "GET /webhook-events, 200 changes: store calls per page",
    num(/PGlite[^\n]*, (\d+) store calls per page/, events),
    "calls",
  );
  const lease = await bench("journal/request-lease.ts", ["--pairs", "1000"]);
  add(
    "request lease claim + release: mean, PGlite",
    num(/PGlite[^\n]*request lease: mean ([\d.]+) ms/, lease),
    "ms",
  );
  add(
    "request lease claim + release: mean, PostgreSQL",
    num(/PostgreSQL \(pool[^\n]*request lease: mean ([\d.]+) ms/, lease),
    "ms",
  );

  const http = benchJson(
    await bench("http/get-migration-vs-bare.ts", ["--seconds", "3", "--rounds", "1"]),
  );
  add("GET /migrations/:id", http.bffRps?.[0], "req/s");
  add("bare Hono handler, same server, same JSON", http.bareRps?.[0], "req/s");
  add("GET /migrations/:id ÷ bare Hono", http.ratios?.[0], "ratio", "aim >= 0.5");

  const sandboxOut = await bench("sandbox/graph-throughput.ts", ["--seconds", "5"]);
  const sandbox = lastJson(sandboxOut);
  add("sandbox: Graph requests/s on loopback", sandbox.requestsPerSecond, "req/s");
  add("sandbox: requests per server CPU-second", sandbox.requestsPerServerCpuSecond, "req/CPU-s");
}
// Deterministic (same sources, same bytes): one build is the figure.
const bundle = benchJson(await bench("bundle/bundle-size.ts", []));

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)], min: s[0], max: s.at(-1) };
};
const fmt = (x) =>
  Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
const lines = [
  "## All figures (`npm run bench`)",
  "",
  `- date: ${started.toISOString()}`,
  `- commit: ${commitOf(root)}`,
  `- machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} at the start (shared machine)`,
  `- command: \`npm run bench\` (= \`node scripts/bench.mjs --runs ${runs}\`)${process.env.TEST_DATABASE_URL ? ", with TEST_DATABASE_URL set" : ""}`,
  ...(skipped.length ? [`- skipped: ${skipped.join("; ")}`] : []),
  ...[...new Set(failedBenches)].map((f) => `- ${f}`),
  "",
  `Each figure is the median of ${runs} runs, with min and max; the sandbox adds 100 ms of real latency per Graph call in the critical-path rows and none in the throughput rows.`,
  "",
  "| figure | median | min | max | unit | beside |",
  "| --- | ---: | ---: | ---: | --- | --- |",
];
for (const [name, f] of figures) {
  const s = stats(f.values);
  lines.push(
    `| ${name} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} | ${f.unit} | ${f.note} |`,
  );
}
lines.push(
  "",
  "Graph calls of one happy migration, by operation:",
  "",
  "| operation | calls |",
  "| --- | ---: |",
);
for (const [op, n] of byOperation) lines.push(`| ${op} | ${n} |`);
lines.push(
  "",
  "Bundle size: every package built by the same esbuild settings (bundle, minify, ESM, browser, es2022, React external), gzip level 9 (`bench/bundle/bundle-size.ts`; deterministic, one build):",
  "",
  "| bundle | min | min + gzip |",
  "| --- | ---: | ---: |",
);
for (const [name, b] of Object.entries(bundle.bundle ?? {}))
  lines.push(
    `| ${name} | ${(b.minBytes / 1024).toFixed(1)} kB | ${(b.gzipBytes / 1024).toFixed(1)} kB |`,
  );
lines.push(
  `| (kit stylesheet, not in the row above) | | ${((bundle.kitCssGzipBytes ?? 0) / 1024).toFixed(1)} kB |`,
);

const table = lines.join("\n");
console.log(`\n${table}\n`);
const START =
  "<!-- npm run bench: start (generated by scripts/bench.mjs; edits here are overwritten) -->";
const END = "<!-- npm run bench: end -->";
const doc = join(root, "docs", "benchmarks.md");
const text = existsSync(doc) ? readFileSync(doc, "utf8") : "# Benchmarks\n";
const section = `${START}\n${table}\n${END}`;
const at = text.indexOf(START);
const next =
  at >= 0
    ? `${text.slice(0, at)}${section}${text.slice(text.indexOf(END, at) + END.length)}`
    : `${text.trimEnd()}\n\n${section}\n`;
writeFileSync(doc, next);
console.log(`written to ${doc}`);
