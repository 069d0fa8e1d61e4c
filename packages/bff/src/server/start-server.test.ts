import { createFakeGraph } from "@wa-migrate/sandbox";
import { expect, test } from "vitest";
import { ConfigError } from "../config/env-config.js";
import { createMemoryStore } from "../store/memory-store.js";
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
