// `npm run demo`: builds the portal if needed, starts sandbox + BFF + portal, prints the URL and
// stops everything on Ctrl-C. Ports: WA_SANDBOX_PORT (4010), WA_BFF_PORT (4020), WA_DEMO_PORT (4030).
// With META_APP_ID (and the BFF's other META_* variables plus META_CONFIG_ID) it runs against Meta.
import { join } from "node:path";
import { isScenarioName } from "@wa-migrate/sandbox";
import { ensureDemoBuild, REPO_ROOT } from "./ensure-demo-build.js";
import { isMetaMode, startDemoStack } from "./start-demo-stack.js";

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    process.stderr.write(`demo: ${name} must be a port number 1-65535 (got "${raw}").\n`);
    process.exit(2);
  }
  return value;
}

const env = process.env;
const meta = isMetaMode(env);
if (meta && !env.META_CONFIG_ID?.trim()) {
  process.stderr.write(
    "demo: META_APP_ID is set, so the demo runs against Meta, but META_CONFIG_ID (the Embedded Signup configuration id) is missing.\n",
  );
  process.exit(2);
}
const scenario = env.WA_SANDBOX_SCENARIO?.trim() || "happy";
if (!isScenarioName(scenario)) {
  process.stderr.write(`demo: WA_SANDBOX_SCENARIO "${scenario}" is not a sandbox scenario.\n`);
  process.exit(2);
}
const ports = {
  sandbox: port("WA_SANDBOX_PORT", 4010),
  bff: port("WA_BFF_PORT", 4020),
  demo: port("WA_DEMO_PORT", 4030),
};

process.stdout.write("demo: checking the portal build ...\n");
if (await ensureDemoBuild()) process.stdout.write("demo: built apps/demo/dist\n");

const verbose = env.WA_DEMO_VERBOSE === "1";
let stack: Awaited<ReturnType<typeof startDemoStack>>;
try {
  stack = await startDemoStack({
    ports,
    dataDir: join(REPO_ROOT, ".wa-migrate", "demo"),
    env,
    scenario,
    // The sandbox is a new world on every start, so yesterday's journal would point at nothing.
    freshJournal: true,
    onBffOutput: (line, stream) => {
      if (stream === "stderr" || verbose) process.stderr.write(`bff: ${line}\n`);
    },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`demo: could not start: ${message}\n`);
  if (/EADDRINUSE/.test(message))
    process.stderr.write(
      "demo: a port is taken; set WA_SANDBOX_PORT, WA_BFF_PORT or WA_DEMO_PORT.\n",
    );
  process.exit(1);
}

const lines = [
  "",
  `  wa-migrate demo (${stack.mode === "sandbox" ? "against the sandbox, no Meta account needed" : "against Meta"})`,
  "",
  `  Portal:    ${stack.url}/`,
  `  Operator:  ${stack.url}/#/operator`,
  ...(stack.sandbox
    ? [`  Sandbox:   ${stack.url}/#/sandbox   (fake Meta at ${stack.sandbox.url})`]
    : []),
  `  BFF:       ${stack.bffUrl}   (mounted in the portal at /wa)`,
  "",
  "  Ctrl-C stops everything.",
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`demo: ${signal}, stopping ...\n`);
  stack.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
