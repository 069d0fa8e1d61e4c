// Bench (not a test): memory the BFF holds per 1,000 in-flight migrations. N migrations are
// created (POST answered), then held inside their write steps: the sandbox keeps every write
// (credit share, subscribe, template copy, register) hanging through its fault control. Heap and
// RSS growth after a full GC, relative to the same process before the POSTs, scaled to 1,000.
// In-memory journal, so the figure is the BFF's own (engine, leases, timers, sockets-free fetch).
//   npx tsx bench/throughput/in-flight-memory.ts [--migrations 1000]

import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createMemoryStore, createMigrationBff } from "@wa-migrate/bff";
import { createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { addPhones, quietLogger } from "./bench-support.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const { values } = parseArgs({ options: { migrations: { type: "string", default: "1000" } } });
const total = Number(values.migrations);

const graph = createFakeGraph({
  scenario: "happy",
  seed: 31,
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
  rateLimit: { max: 1_000_000, windowMs: 60_000 },
  resumeOnStart: false,
  graph: { timeoutMs: 600_000 },
});
const signups = [];
for (const phone of addPhones(graph, total)) {
  signups.push(
    (await (
      await graph.request("/__sandbox/signups", { method: "POST", body: JSON.stringify({ phone }) })
    ).json()) as { code: string; waba_id: string; phone_number_id: string },
  );
}
await graph.request("/__sandbox/faults", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    errorRate: {
      rate: 1,
      codes: ["timeout"],
      operations: [
        "createWhatsAppCreditSharingAndAttach",
        "subscribeToWabaWebhooks",
        "createMigrateMessageTemplates",
        "registerWhatsAppBusinessPhoneNumber",
      ],
    },
    timeoutMs: 600_000,
  }),
});
gc();
const before = process.memoryUsage();
const ids = await Promise.all(
  signups.map(async (s) => {
    const response = await bff.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: s.code, wabaId: s.waba_id, phoneNumberId: s.phone_number_id }),
    });
    return ((await response.json()) as { id: string; status: string }).status;
  }),
);
// Let every engine reach its hanging write.
await new Promise((resolve) => setTimeout(resolve, 3_000));
gc();
const after = process.memoryUsage();
const running = ids.filter((s) => s === "running").length;
const scale = 1000 / total;
const heapMb = ((after.heapUsed - before.heapUsed) * scale) / 2 ** 20;
const rssMb = ((after.rss - before.rss) * scale) / 2 ** 20;
console.log(
  `${running}/${total} in flight: +${heapMb.toFixed(1)} MB heap, +${rssMb.toFixed(1)} MB RSS per 1,000 in-flight migrations`,
);
console.log(
  `BENCH_JSON ${JSON.stringify({ inFlight: running, heapMbPer1000: heapMb, rssMbPer1000: rssMb })}`,
);
process.exit(0);
