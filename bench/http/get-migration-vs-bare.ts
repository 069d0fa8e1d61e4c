// Bench (not a test): GET /migrations/:id requests per second beside a bare Hono handler that
// answers the same JSON, both served by one @hono/node-server on loopback (port 0), load from
// node:http keep-alive in this process. The ratio says what the BFF's middleware, tenant check,
// journal read and mapping cost. Both paths are warmed up, then alternate in 250 ms slices so
// both see the same neighbours.
//   npx tsx bench/http/get-migration-vs-bare.ts [--seconds 3] [--rounds 3] [--concurrency 32]

import { readFileSync } from "node:fs";
import { Agent, request, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { benchBffWithSandbox } from "../support/bench-bff-with-sandbox.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "32" },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

// Hono and its Node adapter as the BFF itself loads them: the same ESM builds (require() would
// give the CommonJS copies, a second Hono beside the BFF's), and no dependency of the bench.
const fromBff = createRequire(fileURLToPath(import.meta.resolve("@wa-migrate/bff")));
async function importAsBff(name: string): Promise<unknown> {
  let dir = dirname(fromBff.resolve(name));
  while (!dir.endsWith(join("node_modules", name))) dir = dirname(dir);
  const { exports } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const entry = exports["."].import;
  return import(pathToFileURL(join(dir, typeof entry === "string" ? entry : entry.default)).href);
}
// Typed by hand here: the bench package cannot see hono's types.
interface BareApp {
  get(path: string, handler: (c: { json(value: unknown): Response }) => Response): void;
  fetch(request: Request): Response | Promise<Response>;
}
const { Hono } = (await importAsBff("hono")) as { Hono: new () => BareApp };
const { serve } = (await importAsBff("@hono/node-server")) as {
  serve: (options: {
    fetch: (request: Request) => Response | Promise<Response>;
    hostname: string;
    port: number;
  }) => Server;
};

const { bff, signup, post } = await benchBffWithSandbox("happy", { seed: 41 });
const { code, waba_id, phone_number_id } = await signup();
const created = await post("/migrations", {
  code,
  wabaId: waba_id,
  phoneNumberId: phone_number_id,
});
const { id } = (await created.json()) as { id: string };
await bff.idle();
const migration = await (await bff.request(`/migrations/${id}`)).json();

const bare = new Hono();
bare.get("/bare/:id", (c) => c.json(migration));
const server = serve({
  fetch: (req: Request) =>
    new URL(req.url).pathname.startsWith("/bare/") ? bare.fetch(req) : bff.fetch(req),
  hostname: "127.0.0.1",
  port: 0,
});
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Requests answered and seconds spent on `path` during `ms` of load from `concurrency` clients. */
async function load(path: string, ms: number): Promise<{ done: number; seconds: number }> {
  let done = 0;
  const began = performance.now();
  const deadline = began + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const status = await get(path);
        if (status !== 200) throw new Error(`${path} answered ${status}`);
        done += 1;
      }
    }),
  );
  return { done, seconds: (performance.now() - began) / 1000 };
}

// The machine is shared: a neighbour's burst during one path's turn would skew the ratio. Each
// round interleaves the two paths in 250 ms slices, so both see the same neighbours.
const SLICE_MS = 250;
async function round(): Promise<{ bare: number; bffRate: number }> {
  const sum = { bare: { done: 0, seconds: 0 }, bff: { done: 0, seconds: 0 } };
  for (let t = 0; t < seconds * 1000; t += SLICE_MS) {
    for (const [key, path] of [
      ["bare", `/bare/${id}`],
      ["bff", `/migrations/${id}`],
    ] as const) {
      const slice = await load(path, SLICE_MS);
      sum[key].done += slice.done;
      sum[key].seconds += slice.seconds;
    }
  }
  return {
    bare: sum.bare.done / sum.bare.seconds,
    bffRate: sum.bff.done / sum.bff.seconds,
  };
}

// Warm-up of both paths (the JIT), not measured.
await load(`/bare/${id}`, 1000);
await load(`/migrations/${id}`, 1000);
const bareRps: number[] = [];
const bffRps: number[] = [];
for (let r = 0; r < rounds; r += 1) {
  const { bare: b, bffRate } = await round();
  bareRps.push(b);
  bffRps.push(bffRate);
}
agent.destroy();
server.close();
const ratios = bffRps.map((b, i) => b / (bareRps[i] ?? 1));
for (let r = 0; r < rounds; r += 1)
  console.log(
    `round ${r + 1}: bare Hono ${bareRps[r]?.toFixed(0)} req/s, GET /migrations/:id ${bffRps[r]?.toFixed(0)} req/s, ratio ${ratios[r]?.toFixed(2)}`,
  );
console.log(`BENCH_JSON ${JSON.stringify({ bareRps, bffRps, ratios })}`);
process.exit(0);
