import { createFakeGraph } from "@wa-migrate/sandbox";
import { expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { ConfigError } from "../config/env-config.js";
import { createMemoryStore } from "../store/memory-store.js";
import { bffWithSandbox, TEST_KEY } from "../test-support/bff-with-sandbox.js";
import { startServer } from "./start-server.js";

const key = `k1:${Buffer.alloc(32, 5).toString("base64")}`;

test("starts on loopback from the environment and serves the API at the root path", async () => {
  const graph = createFakeGraph({ scenario: "happy", control: true });
  const partner = await (await graph.request("/__sandbox/partner")).json();
  const server = await startServer(
    {
      META_APP_ID: partner.app_id,
      META_APP_SECRET: partner.app_secret,
      META_SYSTEM_TOKEN: partner.system_token,
      META_BUSINESS_ID: partner.business_id,
      GRAPH_BASE_URL: "http://graph.sandbox.test",
      WA_MIGRATE_ENCRYPTION_KEY: key,
      WEBHOOK_VERIFY_TOKEN: "v",
      PORT: "0",
    },
    {
      store: createMemoryStore(),
      fetch: async (input, init) => graph.fetch(new Request(input, init)),
    },
  );
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: "ok", store: true, graph: true });
  } finally {
    await server.close();
  }
});

test("refuses to start with a message naming every bad variable", async () => {
  await expect(startServer({ META_APP_ID: "x" })).rejects.toBeInstanceOf(ConfigError);
  const error = await startServer({ META_APP_ID: "x" }).catch((e: ConfigError) => e);
  expect((error as ConfigError).message).toContain("META_APP_ID is invalid");
  expect((error as ConfigError).message).toContain("WA_MIGRATE_ENCRYPTION_KEY is missing");
});

test("takes over a migration whose instance died once its lease runs out (WA_MIGRATE_RESUME_EVERY_MS)", async () => {
  const h = await bffWithSandbox("happy", { clock: () => new Date() });
  // Instance A dies inside the credit share: Meta carried it out, A never writes the journal.
  // A dead process renews no lease: A's store drops its renewals.
  const deadStore = new Proxy(h.store, {
    get: (target, key, receiver) =>
      key === "renewStepLease" ? async () => false : Reflect.get(target, key, receiver),
  });
  const dying = createMigrationBff({
    ...h.options,
    store: deadStore,
    instanceId: "A",
    leaseMs: 5_000,
    fetch: async (input, init) => {
      const response = await h.options.fetch?.(input, init);
      if (new URL(input).pathname.endsWith("/whatsapp_credit_sharing_and_attach"))
        return new Promise<Response>(() => {});
      return response as Response;
    },
  });
  const signup = await h.signup();
  const created = await dying.request("/migrations", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: signup.code }),
  });
  const { id } = (await created.json()) as { id: string };
  for (let i = 0; i < 300; i += 1) {
    if ((await h.calls()).some((c) => c.operation === "createWhatsAppCreditSharingAndAttach"))
      break;
    await new Promise((r) => setTimeout(r, 10));
  }

  // Started while A's lease still holds: its start-up resume finds the step busy, and only the
  // periodic resume can finish the migration.
  const server = await startServer(
    {
      META_APP_ID: h.partner.app_id,
      META_APP_SECRET: h.partner.app_secret,
      META_SYSTEM_TOKEN: h.partner.system_token,
      META_BUSINESS_ID: h.partner.business_id,
      META_CREDIT_LINE_ID: h.partner.credit_line_id,
      GRAPH_BASE_URL: "http://graph.sandbox.test",
      WA_MIGRATE_ENCRYPTION_KEY: TEST_KEY,
      WEBHOOK_VERIFY_TOKEN: "v",
      PORT: "0",
      WA_MIGRATE_INSTANCE_ID: "B",
      WA_MIGRATE_LEASE_MS: "5000",
      WA_MIGRATE_RESUME_EVERY_MS: "1000",
    },
    { store: h.store, fetch: async (input, init) => h.graph.fetch(new Request(input, init)) },
  );
  try {
    let status: string | undefined;
    for (let i = 0; i < 300 && status !== "completed"; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await h.store.getMigration(id))?.status;
    }
    expect(status).toBe("completed");
    const calls = await h.calls();
    expect(
      calls.filter((c) => c.operation === "createWhatsAppCreditSharingAndAttach"),
    ).toHaveLength(1);
    expect(calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber")).toHaveLength(
      1,
    );
  } finally {
    await server.close();
  }
}, 60_000);

test("WA_MIGRATE_TRANSIENT_RETRY_MS bounds how long a step retries Meta's transient errors", async () => {
  const graph = createFakeGraph({ scenario: "happy", control: true });
  const partner = await (await graph.request("/__sandbox/partner")).json();
  const server = await startServer(
    {
      META_APP_ID: partner.app_id,
      META_APP_SECRET: partner.app_secret,
      META_SYSTEM_TOKEN: partner.system_token,
      META_BUSINESS_ID: partner.business_id,
      META_CREDIT_LINE_ID: partner.credit_line_id,
      GRAPH_BASE_URL: "http://graph.sandbox.test",
      WA_MIGRATE_ENCRYPTION_KEY: key,
      WEBHOOK_VERIFY_TOKEN: "v",
      PORT: "0",
      WA_MIGRATE_TRANSIENT_RETRY_MS: "0",
    },
    {
      store: createMemoryStore(),
      fetch: async (input, init) => graph.fetch(new Request(input, init)),
    },
  );
  try {
    const signup = await (
      await graph.request("/__sandbox/signups", { method: "POST", body: "{}" })
    ).json();
    await graph.request("/__sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        errorRate: { rate: 1, codes: [2], operations: ["subscribeToWabaWebhooks"] },
      }),
    });
    const created = await fetch(`${server.url}/migrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    const { id } = await created.json();
    let migration = {
      status: "running",
      steps: [] as { id: string; lastError?: { code: string } | null }[],
    };
    for (let i = 0; i < 300 && migration.status === "running"; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      migration = await (await fetch(`${server.url}/migrations/${id}`)).json();
    }
    expect(migration.status).toBe("failed");
    const step = migration.steps.find((s) => s.id === "subscribe_webhooks");
    expect(step?.lastError?.code).toBe("graph_unavailable");
  } finally {
    await server.close();
  }
}, 60_000);
