// Bench (not a test): GET /migrations/:id requests per second beside a bare Hono handler that
// answers the same JSON, both served by one @hono/node-server on loopback (port 0), load from
// node:http keep-alive in this process. The ratio says what the BFF's middleware, tenant check,
// journal read and mapping cost. Rounds alternate bare / BFF so both see the same neighbours.
//   npx tsx bench/http/get-migration-vs-bare.ts [--seconds 3] [--rounds 3] [--concurrency 32]

import { Agent, request, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMemoryStore, createMigrationBff, type Logger } from "@wa-migrate/bff";
import { createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";

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

// Hono and its Node adapter as the BFF itself resolves them (the bench adds no dependency).
const fromBff = createRequire(fileURLToPath(import.meta.resolve("@wa-migrate/bff")));
// Typed by hand here: the bench package cannot see hono's types.
interface BareApp {
  get(path: string, handler: (c: { json(value: unknown): Response }) => Response): void;
  fetch(request: Request): Response | Promise<Response>;
}
const { Hono } = (await import(pathToFileURL(fromBff.resolve("hono")).href)) as {
  Hono: new () => BareApp;
};
const { serve } = (await import(pathToFileURL(fromBff.resolve("@hono/node-server")).href)) as {
  serve: (options: {
    fetch: (request: Request) => Response | Promise<Response>;
    hostname: string;
    port: number;
  }) => Server;
};

// Drops every line: the bench measures the requests, not stdout.
const quietLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  child: () => quietLogger,
  addSecret() {},
};

const graph = createFakeGraph({
  scenario: "happy",
  seed: 41,
  control: true,
  webhookFetch: async () => new Response("ok"),
});
const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
const bff = createMigrationBff({
  appId: partner.app_id,
  appSecret: partner.app_secret,
  systemToken: partner.system_token,
  businessId: partner.business_id,
  creditLineId: partner.credit_line_id,
  graphBaseUrl: "http://graph.sandbox.test",
  encryptionKey: `bench:${Buffer.alloc(32, 3).toString("base64")}`,
  webhookVerifyToken: "bench",
  store: createMemoryStore(),
  fetch: async (input, init) => graph.fetch(new Request(input, init)),
  logger: quietLogger,
  resumeOnStart: false,
});
const signup = (await (
  await graph.request("/__sandbox/signups", { method: "POST", body: "{}" })
).json()) as { code: string; waba_id: string; phone_number_id: string };
const created = await bff.request("/migrations", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    code: signup.code,
    wabaId: signup.waba_id,
    phoneNumberId: signup.phone_number_id,
  }),
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

async function load(path: string): Promise<number> {
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const status = await get(path);
        if (status !== 200) throw new Error(`${path} answered ${status}`);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - began) / 1000);
}

await load(`/bare/${id}`); // warm-up
const bareRps: number[] = [];
const bffRps: number[] = [];
for (let r = 0; r < rounds; r += 1) {
  bareRps.push(await load(`/bare/${id}`));
  bffRps.push(await load(`/migrations/${id}`));
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
