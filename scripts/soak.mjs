#!/usr/bin/env node
// `npm run soak`: the long forms of the reliability and security suite (issue 9), then
// docs/reliability.md with the figures, the date and the command.
//   faults: 1,000 migrations under 20 % transient Graph faults   (test: 100)
//   crashes: 100 migrations, the server SIGKILLed at random      (test: 20)
//   two instances on PostgreSQL: 1,000 migrations                 (soak only; needs TEST_DATABASE_URL)
//   fuzz: 10,000 runs per BFF endpoint                            (test: 1,000)
// `--fast` runs the test sizes instead (a quick check of this script and the doc). Any
// RELIABILITY_* variable already set wins over these sizes.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { commitOf } from "./commit-of.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { fast: { type: "boolean", default: false } } });
const sizes = values.fast
  ? {
      RELIABILITY_FUZZ_RUNS: "1000",
      RELIABILITY_FAULT_MIGRATIONS: "100",
      RELIABILITY_CRASH_MIGRATIONS: "20",
      RELIABILITY_TWO_INSTANCE_MIGRATIONS: "200",
    }
  : {
      RELIABILITY_FUZZ_RUNS: "10000",
      RELIABILITY_FAULT_MIGRATIONS: "1000",
      RELIABILITY_CRASH_MIGRATIONS: "100",
      RELIABILITY_TWO_INSTANCE_MIGRATIONS: "1000",
    };
const out = join(root, ".ci-out");
mkdirSync(out, { recursive: true });
const report = join(out, "reliability.jsonl");
rmSync(report, { force: true });
const env = { ...sizes, ...process.env, RELIABILITY_REPORT: report, FORCE_COLOR: "0" };
const started = new Date();
const loadBefore = loadavg();
const vitest = join(root, "node_modules", ".bin", "vitest");

function run(args, jsonFile) {
  return new Promise((resolve) => {
    console.log(`\n::: vitest ${args.join(" ")}`);
    const child = spawn(
      vitest,
      ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`],
      { cwd: root, env, stdio: "inherit" },
    );
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const reliabilityJson = join(out, "soak-reliability.json");
const soakJson = join(out, "soak-long.json");
const codes = [
  await run(["--project", "reliability"], reliabilityJson),
  await run(["--root", "packages/bff", "--config", "vitest.soak.config.ts"], soakJson),
];

/** test title -> passed / failed / skipped, from vitest's JSON reports. */
const outcomes = [];
for (const file of [reliabilityJson, soakJson]) {
  if (!existsSync(file)) continue;
  const json = JSON.parse(readFileSync(file, "utf8"));
  for (const suite of json.testResults ?? [])
    for (const t of suite.assertionResults ?? [])
      outcomes.push({
        file: suite.name.replace(`${root}/`, ""),
        title: t.fullName,
        status: t.status,
      });
}
const figures = existsSync(report)
  ? readFileSync(report, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const of = (name) => figures.filter((f) => f.name === name);
const sum = (xs, key) => xs.reduce((n, x) => n + (Number(x[key]) || 0), 0);
const status = (re) => {
  const hits = outcomes.filter((o) => re.test(o.title));
  if (hits.length === 0) return "not run";
  const failed = hits.filter((o) => o.status === "failed").length;
  const skipped = hits.filter((o) => o.status !== "passed" && o.status !== "failed").length;
  return failed
    ? `**${failed} of ${hits.length} FAILED**`
    : skipped
      ? `skipped (${skipped})`
      : `passed (${hits.length})`;
};

const fuzz = of("fuzz");
const secrets = of("secrets");
const faults = of("faults");
const crashes = of("crashes");
const two = of("two-instances");
const rows = [
  [
    "Bad input: fuzzed requests (fast-check), never a 5xx, problem+json with a catalog code, journal unchanged on refusal",
    status(/^bad input/),
    fuzz.length
      ? `${fuzz.length} endpoints x ${fuzz[0].runs} runs = ${sum(fuzz, "runs")} requests, 0 answered 5xx`
      : "",
  ],
  [
    "Secrets: every scenario, every response, header, SSE event, log line and webhook answer",
    status(/^secrets never reach/),
    secrets.length
      ? `${secrets.length} scenarios; ${sum(secrets, "responses")} responses, ${sum(secrets, "logLines")} log lines, ${sum(secrets, "webhookAnswers")} webhook answers, ${(sum(secrets, "sseBytes") / 1024).toFixed(0)} kB of SSE scanned; 0 secrets found`
      : "",
  ],
  ["Forged webhook signature → 401", status(/forged webhook signature/), ""],
  ["Replayed code → refused (`code_used`)", status(/replayed code/), ""],
  ["Another tenant's migration → 404 on every route", status(/another tenant/), ""],
  ["Oversized bodies → 413", status(/oversized body/), ""],
  [
    "Faults: 20 % transient Graph faults (5xx, 1, 2, 4, 80007, 130429, timeout, dropped connection)",
    status(/transient Graph faults/),
    faults
      .map(
        (f) =>
          `${f.completed}/${f.migrations} completed; ${f.injected} of ${f.graphCalls} Graph calls faulted (${f.kinds.join(", ")}); ${f.duplicates} duplicate writes`,
      )
      .join("; "),
  ],
  [
    "Crashes: SIGKILL at random points, restart on the same journal",
    status(/SIGKILLed/),
    crashes
      .map(
        (f) =>
          `${f.completed}/${f.migrations} completed after ${f.kills} kills (${f.points.join(", ")}); ${f.duplicates} duplicate writes; seed ${f.seed}`,
      )
      .join("; "),
  ],
  [
    "Two instances on one PostgreSQL",
    status(/two processes/),
    two
      .map(
        (f) =>
          `${f.completed}/${f.migrations} completed in ${f.seconds} s; ${f.stepsNotOnce} steps not run exactly once; ${f.duplicateWrites} duplicate writes`,
      )
      .join("; "),
  ],
  [
    "Spoofed `message` origin ignored (core's listener, jsdom; in `npm test` only)",
    "see `packages/core/src/spoofed-origin.reliability.test.ts`",
    "12 spoofed origins",
  ],
];
const command = values.fast ? "npm run soak -- --fast" : "npm run soak";
const doc = [
  "# Reliability and security",
  "",
  "What happens when Meta misbehaves, when our server dies, when someone sends garbage or tries to",
  "read another customer's migration: figures from commands anyone can run. Fast forms run in",
  "`npm test` (vitest project `reliability`, `packages/bff/test/reliability/`); the long forms run",
  "in `npm run soak` (`scripts/soak.mjs`, which writes this file).",
  "",
  `- date: ${started.toISOString()}`,
  `- commit: ${commitOf(root)}`,
  `- machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} at the start (shared machine)`,
  `- command: \`${command}\` (sizes: ${Object.entries(sizes)
    .map(([k, v]) => `${k}=${env[k] ?? v}`)
    .join(
      ", ",
    )})${process.env.TEST_DATABASE_URL ? ", TEST_DATABASE_URL set" : ", TEST_DATABASE_URL not set (PostgreSQL skipped)"}`,
  "",
  "| check | result | figures |",
  "| --- | --- | --- |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
  "",
].join("\n");
writeFileSync(join(root, "docs", "reliability.md"), doc);
console.log(`\n${doc}\nwritten to docs/reliability.md`);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
