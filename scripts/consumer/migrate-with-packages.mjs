// A partner's project using the packed packages (copied in by scripts/check-installed-packages.mjs,
// which runs it in a fresh folder): the BFF mounted as its README says, on a PGlite journal, against
// the packed sandbox, carries out a whole migration; the React kit renders on the server with its
// stylesheet; core and contracts load from their own entries. Exits non-zero on the first failure.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger, createMigrationBff, openJournalStore } from "@wa-migrate/bff";
import { MigrationSchema } from "@wa-migrate/contracts";
import { parseMigration } from "@wa-migrate/contracts/browser";
import { createBffClient, createMigrationFlow } from "@wa-migrate/core";
import { MigrationFlow } from "@wa-migrate/react";
import { createFakeGraph } from "@wa-migrate/sandbox";
import { Hono } from "hono";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

const GRAPH = "http://graph.sandbox.test";
const dataDir = await mkdtemp(join(tmpdir(), "wa-migrate-consumer-db-"));
let bff;
const graph = createFakeGraph({
  scenario: "happy",
  seed: 3,
  control: true,
  // Meta's webhooks to the app's callback reach the mounted BFF's POST /webhooks.
  webhookFetch: (request) => {
    const url = new URL(request.url);
    return bff.request(`/webhooks${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === "POST" ? request.body : undefined,
      duplex: "half",
    });
  },
});
const partner = await (await graph.request("/__sandbox/partner")).json();
const store = await openJournalStore({ dataDir });
try {
  bff = createMigrationBff({
    appId: partner.app_id,
    appSecret: partner.app_secret,
    systemToken: partner.system_token,
    businessId: partner.business_id,
    creditLineId: partner.credit_line_id,
    graphBaseUrl: GRAPH,
    encryptionKey: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    webhookVerifyToken: partner.verify_token,
    store,
    fetch: (input, init) => graph.fetch(new Request(input, init)),
    logger: createLogger({ write: () => {} }),
  });
  const server = new Hono().route("/wa", bff);

  const doctor = await (await server.request("/wa/doctor")).json();
  assert.equal(doctor.ok, true, `doctor: ${JSON.stringify(doctor.checks.filter((c) => !c.ok))}`);

  const signup = await (await graph.request("/__sandbox/signups", { method: "POST" })).json();
  const created = await server.request("/wa/migrations", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "consumer-1" },
    body: JSON.stringify({
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = await created.json();
  let migration;
  for (let i = 0; i < 200; i++) {
    await graph.sandbox.settle();
    migration = MigrationSchema.parse(await (await server.request(`/wa/migrations/${id}`)).json());
    if (migration.status !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(migration.status, "completed", JSON.stringify(migration.steps));
  assert.ok(parseMigration(migration), "the browser parser takes the BFF's migration record");
  const { data: calls } = await (await graph.request("/__sandbox/calls")).json();
  assert.equal(
    calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200)
      .length,
    1,
    "Meta received one successful registration",
  );
  console.log(`consumer: the packed BFF migrated ${migration.phone?.displayPhoneNumber} on PGlite`);

  const html = renderToString(
    createElement(MigrationFlow, {
      appId: partner.app_id,
      configId: partner.config_id,
      bffUrl: "/wa",
    }),
  );
  assert.match(html, /data-state="idle"/);
  assert.match(html, /Move your WhatsApp number/);
  const css = readFileSync(
    fileURLToPath(import.meta.resolve("@wa-migrate/react/styles.css")),
    "utf8",
  );
  assert.match(css, /--wam-/);
  assert.equal(typeof createMigrationFlow, "function");
  assert.equal(typeof createBffClient, "function");
  console.log("consumer: the packed React kit renders on the server with its stylesheet");
} finally {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
