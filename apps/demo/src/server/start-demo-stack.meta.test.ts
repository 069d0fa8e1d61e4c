import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeGraphServer, type PartnerConfig, serveFakeGraph } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type DemoStack, startDemoStack } from "./start-demo-stack.js";

// Meta is unreachable from here, so "against Meta" is checked with the environment a partner sets
// (META_*), with GRAPH_BASE_URL pointing at a sandbox that plays Meta's Graph: the demo must start
// no sandbox of its own, hand the browser Meta's SDK, hide the Sandbox page's API, and its BFF must
// carry out a migration with the partner's credentials from the environment alone.

let meta: FakeGraphServer;
let partner: PartnerConfig;
let stack: DemoStack;
let dataDir: string;

beforeAll(async () => {
  meta = await serveFakeGraph({ port: 0, scenario: "happy", seed: 3 });
  partner = (await (await fetch(`${meta.url}/__sandbox/partner`)).json()) as PartnerConfig;
  dataDir = await mkdtemp(join(tmpdir(), "demo-meta-"));
  stack = await startDemoStack({
    ports: { sandbox: 0, bff: 0, demo: 0 },
    dataDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      META_APP_ID: partner.app_id,
      META_APP_SECRET: partner.app_secret,
      META_SYSTEM_TOKEN: partner.system_token,
      META_BUSINESS_ID: partner.business_id,
      META_CONFIG_ID: partner.config_id,
      WEBHOOK_VERIFY_TOKEN: partner.verify_token,
      GRAPH_BASE_URL: meta.url,
    },
  });
});

afterAll(async () => {
  await stack?.close();
  await meta?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("with META_APP_ID set the demo runs against Meta: Meta's SDK, no sandbox, no Sandbox API", async () => {
  expect(stack.mode).toBe("meta");
  expect(stack.sandbox).toBeNull();
  const config = await (await fetch(`${stack.url}/demo-config.json`)).json();
  expect(config).toMatchObject({
    mode: "meta",
    appId: partner.app_id,
    configId: partner.config_id,
    sdkBase: "https://connect.facebook.net",
    allowedOrigins: null,
    sandboxApi: null,
  });
  expect(JSON.stringify(config)).not.toContain(partner.app_secret);
  // Nothing proxies to a sandbox: the path falls through to the portal's pages.
  const sandboxApi = await fetch(`${stack.url}/sandbox-api/__sandbox/partner`);
  expect(sandboxApi.headers.get("content-type")).not.toContain("application/json");
  expect(await sandboxApi.text()).not.toContain(partner.system_token);
  const health = await fetch(`${stack.url}/wa/health`);
  expect(await health.json()).toEqual({ status: "ok", store: true, graph: true });
});

test("the BFF migrates a number with the partner's credentials from the environment", async () => {
  const signup = await (
    await fetch(`${meta.url}/__sandbox/signups`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
  ).json();
  const created = await fetch(`${stack.url}/wa/migrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: signup.code, wabaId: signup.waba_id }),
  });
  expect(created.status).toBe(201);
  const { id } = await created.json();
  let status = "running";
  for (let i = 0; i < 300 && status === "running"; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await (await fetch(`${stack.url}/wa/migrations/${id}`)).json()).status;
  }
  expect(status).toBe("completed");
  const calls = (await (await fetch(`${meta.url}/__sandbox/calls`)).json()).data as {
    operation: string;
    status: number;
  }[];
  const registers = calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber");
  expect(registers.map((c) => c.status)).toEqual([200]);
});
