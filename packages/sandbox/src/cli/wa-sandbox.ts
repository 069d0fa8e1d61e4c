import { parseArgs } from "node:util";
import { isScenarioName, SCENARIO_NAMES } from "../scenarios/scenarios.js";
import { serveFakeGraph } from "../serve-fake-graph.js";

// `wa-sandbox --port 4010 [--scenario NAME] [--seed N] [--status190 400|401]`: the fake Graph on 127.0.0.1.
const USAGE = `usage: wa-sandbox [--port 4010] [--scenario ${SCENARIO_NAMES.join("|")}] [--seed N] [--status190 400|401]`;

function fail(message: string): never {
  process.stderr.write(`wa-sandbox: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "4010" },
      scenario: { type: "string", default: "happy" },
      seed: { type: "string", default: "1" },
      status190: { type: "string", default: "401" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
const seed = Number(values.seed);
const status190 = Number(values.status190);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port must be 0..65535");
if (!Number.isInteger(seed)) fail("--seed must be an integer");
if (!isScenarioName(values.scenario)) fail(`unknown scenario ${String(values.scenario)}`);
if (status190 !== 400 && status190 !== 401) fail("--status190 must be 400 or 401");

const server = await serveFakeGraph({ port, seed, scenario: values.scenario, status190 });
process.stdout.write(
  `wa-sandbox listening on ${server.url} (scenario ${values.scenario}, seed ${seed}); control API at ${server.url}/__sandbox/\n`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
