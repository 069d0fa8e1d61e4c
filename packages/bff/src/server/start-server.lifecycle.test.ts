import { createServer } from "node:net";
import { createFakeGraph } from "@wa-migrate/sandbox";
import { expect, onTestFinished, test, vi } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import { startServer } from "./start-server.js";

// How the server starts and stops as an operator runs it: SIGTERM on deploy, a port in use.

const key = `k1:${Buffer.alloc(32, 5).toString("base64")}`;

test("close() ends the event streams browsers hold open instead of waiting for them to leave", async () => {
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
  const signup = await (
    await graph.request("/__sandbox/signups", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
  ).json();
  const created = await fetch(`${server.url}/migrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: signup.code }),
  });
  const { id } = (await created.json()) as { id: string };
  await server.bff.idle();
  const events = await fetch(`${server.url}/migrations/${id}/events`);
  const reader = (events.body as ReadableStream<Uint8Array>).getReader();
  expect((await reader.read()).done).toBe(false); // the snapshot: the stream is open
  // Before, close() waited as long as the page stayed open (SIGTERM never finished).
  await server.close();
  const rest = await reader.read().then(
    (r) => (r.done ? "ended" : "more"),
    () => "ended",
  );
  expect(rest).toBe("ended");
});

test("a port in use is a refused start naming the address, with the journal closed, not a hang", async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", () => resolve()));
  const { port } = taken.address() as { port: number };
  const store = createMemoryStore();
  try {
    const started = startServer(
      {
        META_APP_ID: "1",
        META_APP_SECRET: "app-secret",
        META_SYSTEM_TOKEN: "system-token",
        META_BUSINESS_ID: "2",
        WA_MIGRATE_ENCRYPTION_KEY: key,
        WEBHOOK_VERIFY_TOKEN: "v",
        PORT: String(port),
      },
      { store, fetch: async () => new Response("{}") },
    );
    await expect(started).rejects.toThrow(`EADDRINUSE: address already in use 127.0.0.1:${port}`);
    await expect(store.ping()).rejects.toThrow();
  } finally {
    taken.close();
  }
});

test("the resume ticker only resumes: an hour of ticks adds no request listener to the server", async () => {
  // Before, every tick added another `request` listener; Node warned after ten, and each request
  // ran through all of them.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  const warnings = vi.spyOn(process, "emitWarning");
  onTestFinished(() => {
    vi.useRealTimers();
    warnings.mockRestore();
  });
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
      WA_MIGRATE_RESUME_EVERY_MS: "15000",
      PORT: "0",
    },
    {
      store: createMemoryStore(),
      fetch: async (input, init) => graph.fetch(new Request(input, init)),
    },
  );
  vi.advanceTimersByTime(60 * 60_000);
  const health = await fetch(`${server.url}/health`);
  await server.close();
  expect(health.status).toBe(200);
  const maxListeners = warnings.mock.calls.filter(([w]) =>
    String(typeof w === "string" ? w : w.name).includes("MaxListenersExceeded"),
  );
  expect(maxListeners).toEqual([]);
});
