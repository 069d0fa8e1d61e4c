// Bench (not a test): how long a migration takes from POST /migrations to `completed` when every
// Graph call costs 100 ms, how many Graph calls it makes, and the template downtime after register.
//   npx tsx bench/orchestration/orchestration-latency.ts [--runs 5] [--latency 100]
// The BFF (in-memory journal) and the sandbox run in this process; the sandbox adds real latency.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { CallRecord, ScenarioName } from "@wa-migrate/sandbox";
import { benchBffWithSandbox } from "../support/bench-bff-with-sandbox.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, latency: { type: "string", default: "100" } },
});
const runs = Number(values.runs);
const latencyMs = Number(values.latency);

interface Run {
  wallMs: number;
  answerMs: number;
  calls: CallRecord[];
  downtimeMs: number;
  status: string;
  /** Node id → placeholder (`{dest}`, `{source}`, `{phone}`) for the printed call list. */
  names: Record<string, string>;
}

const NODE_OF: Record<string, string> = {
  createWhatsAppCreditSharingAndAttach: "{credit}",
  getExtendedCreditAllocationConfig: "{allocation}",
};

/** `GET /{dest} (expands phone_numbers)`: a call's path with placeholders and the edges it expanded. */
function describeCall(c: CallRecord, names: Record<string, string>): string {
  const path = c.path
    .split("/")
    .map((s) => names[s] ?? (/^\d{6,}$/.test(s) ? (NODE_OF[c.operation] ?? "{id}") : s))
    .join("/");
  const edges = [...String(c.params.fields ?? "").matchAll(/(\w+)(?:\.limit\(\d+\))?\{/g)];
  const expanded = edges.map((e) => e[1]).join(", ");
  return `${c.method} ${path}${expanded ? ` (expands ${expanded})` : ""} [${c.operation}]`;
}

/**
 * One migration from POST to the end. With `withSourceWaba` the POST names the source WABA (a
 * browser that knows it, e.g. from the partner's own records), so the BFF need not discover it.
 */
async function migrateOnce(scenario: ScenarioName, withSourceWaba = false): Promise<Run> {
  const {
    graph,
    bff,
    signup: finishSignup,
    post,
  } = await benchBffWithSandbox(scenario, {
    seed: 11,
    latencyMs,
  });
  const signup = await finishSignup();
  const before = (await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] };
  const t0 = performance.now();
  const response = await post("/migrations", {
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
    ...(withSourceWaba ? { sourceWabaId: graph.sandbox.state.customer.sourceWabaId } : {}),
  });
  const answerMs = performance.now() - t0;
  const { id } = (await response.json()) as { id: string };
  await bff.idle();
  const wallMs = performance.now() - t0;
  const record = (await (await bff.request(`/migrations/${id}`)).json()) as {
    status: string;
    templates: { mode: string };
  };
  const status = record.status;
  // Meta's automatic copy (after registration) takes APPROVED + GREEN only; the template
  // migration API the kit calls before registration also takes templates not rated yet (§2.3).
  const automatic = record.templates.mode === "meta_automatic";
  const after = (await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] };
  const calls = after.data.filter((c) => c.seq > (before.data.at(-1)?.seq ?? 0));
  // Downtime: how long after the successful register until every eligible template is usable in
  // the destination (APPROVED there), on the sandbox clock.
  const register = calls.find(
    (c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200,
  );
  const state = (await (await graph.request("/__sandbox/state")).json()) as {
    templates:
      | { wabaId: string; status: string; copiedFromId?: string; quality: { score: string } }[]
      | Record<string, never>;
    customer: { sourceWabaId: string };
  };
  const templates = Object.values(state.templates) as {
    wabaId: string;
    status: string;
    copiedFromId?: string;
    id: string;
    quality: { score: string };
  }[];
  const eligible = templates.filter(
    (t) =>
      t.wabaId === state.customer.sourceWabaId &&
      t.status === "APPROVED" &&
      (t.quality.score === "GREEN" || (!automatic && t.quality.score === "UNKNOWN")),
  );
  const usable = (t: { id: string }) =>
    templates.some(
      (d) => d.wabaId === signup.waba_id && d.copiedFromId === t.id && d.status === "APPROVED",
    );
  let downtimeMs = 0;
  if (!eligible.every(usable)) {
    // Not copied before registration: Meta's automatic copy runs after its delay.
    const start = graph.sandbox.clock.now();
    while (!eligible.every(usable) && graph.sandbox.clock.now() - start < 3_600_000) {
      await graph.sandbox.advance(1_000);
      const next = (await (await graph.request("/__sandbox/state")).json()) as {
        templates: unknown;
      };
      templates.splice(
        0,
        templates.length,
        ...(Object.values(next.templates as object) as typeof templates),
      );
    }
    downtimeMs = graph.sandbox.clock.now() - (register?.time ?? start);
  }
  const names = {
    [signup.waba_id]: "{dest}",
    [state.customer.sourceWabaId]: "{source}",
    [String(signup.phone_number_id)]: "{phone}",
  };
  return { wallMs, answerMs, calls, downtimeMs, status, names };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const happy: Run[] = [];
for (let i = 0; i < runs; i += 1) happy.push(await migrateOnce("happy"));
const withSource: Run[] = [];
for (let i = 0; i < runs; i += 1) withSource.push(await migrateOnce("happy", true));
const obo = await migrateOnce("source-obo");

const wall = median(happy.map((r) => r.wallMs));
const answer = median(happy.map((r) => r.answerMs));
console.log(`date: ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `command: npx tsx bench/orchestration/orchestration-latency.ts --runs ${runs} --latency ${latencyMs}`,
);
console.log(`happy: statuses ${happy.map((r) => r.status).join(",")}`);
console.log(
  `POST answered after (median): ${answer.toFixed(0)} ms = ${(answer / latencyMs).toFixed(2)} round trips`,
);
console.log(
  `POST -> completed (median of ${runs}): ${wall.toFixed(0)} ms = ${(wall / latencyMs).toFixed(2)} x ${latencyMs} ms`,
);
console.log(`wall times: ${happy.map((r) => r.wallMs.toFixed(0)).join(", ")} ms`);
const wallWithSource = median(withSource.map((r) => r.wallMs));
console.log(
  `with sourceWabaId: POST -> completed (median of ${runs}): ${wallWithSource.toFixed(0)} ms = ${(wallWithSource / latencyMs).toFixed(2)} x ${latencyMs} ms (statuses ${withSource.map((r) => r.status).join(",")}; ${withSource[0]?.calls.length} Graph calls)`,
);
const first = happy[0] as Run;
console.log(`Graph calls per happy migration: ${first.calls.length}`);
for (const [i, c] of first.calls.entries())
  console.log(`  ${i + 1}. ${describeCall(c, first.names)}`);
console.log(
  `template downtime after register, readable source (happy): ${median(happy.map((r) => r.downtimeMs)) / 1000} s`,
);
console.log(
  `template downtime after register, unreadable source (source-obo, Meta's automatic copy): ${obo.downtimeMs / 1000} s (status ${obo.status})`,
);
