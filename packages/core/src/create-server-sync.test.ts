import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { type BffClient, createBffClient } from "./bff-client.js";
import { createMigrationFlow } from "./create-migration-flow.js";
import type { MigrationFlowController } from "./flow-types.js";
import {
  buildMigration,
  createFakeFacebookSdk,
  createMemoryBffClient,
  type MemoryBffClient,
} from "./testing/index.js";

// The server half as the customer meets it through the flow: a reload while the code is on its
// way, a stream the BFF refuses, and work that ends while a request is out.

let storage: Map<string, string>;
let flows: MigrationFlowController[];

const start = (client: BffClient) => {
  const flow = createMigrationFlow({
    appId: "1234",
    configId: "5678",
    sdk: createFakeFacebookSdk(),
    client,
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
  });
  flows.push(flow);
  return flow;
};
const launch = async (flow: MigrationFlowController) => {
  await flow.prepare();
  flow.confirmTwoStep();
  flow.launch();
  await vi.advanceTimersByTimeAsync(0);
};

/** The memory BFF, whose answers to creates (and reads) wait until the test lets them go. */
function slowBff(inner: MemoryBffClient) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const streams = new Set<string>();
  const client: BffClient = {
    ...inner,
    createMigration: async (request, options) => {
      const migration = inner.createMigration(request, options);
      await gate;
      return migration;
    },
    getMigration: async (id) => {
      await gate;
      return inner.getMigration(id);
    },
    subscribe: (id, onMigration, onError) => {
      const stop = inner.subscribe(id, onMigration, onError);
      const token = crypto.randomUUID();
      streams.add(token);
      return () => {
        streams.delete(token);
        stop();
      };
    },
  };
  return { client, release, streams };
}

beforeEach(() => {
  vi.useFakeTimers();
  storage = new Map();
  flows = [];
});
afterEach(() => {
  for (const flow of flows) flow.destroy();
  vi.useRealTimers();
});

test("a reload while the code is on its way sends it again with the same key and follows the migration", async () => {
  const inner = createMemoryBffClient();
  const bff = slowBff(inner);
  const before = start(bff.client);
  await launch(before);
  expect(before.getSnapshot().state).toBe("submitting");
  before.destroy(); // the tab reloads; the first request reached the BFF, its answer is lost

  const after = start(inner);
  await after.prepare();
  await vi.advanceTimersByTimeAsync(0);
  expect(after.getSnapshot()).toMatchObject({ state: "running", migration: { id: "mig_1" } });
  const [first, again] = inner.calls.create;
  expect(again).toEqual(first);
  expect(first?.request).toMatchObject({ code: expect.any(String), wabaId: "524126980791429" });
  expect([...storage]).toEqual([["wa-migrate:migration", "mig_1"]]);
});

test("a stored submission the BFF never got and can no longer use fails as expired, and is forgotten", async () => {
  const bff = slowBff(createMemoryBffClient());
  await launch(start(bff.client));
  flows[0]?.destroy();

  const after = start(createMemoryBffClient({ createError: "code_expired" }));
  await after.prepare();
  await vi.advanceTimersByTimeAsync(0);
  expect(after.getSnapshot()).toMatchObject({
    state: "failed",
    migration: null,
    error: { code: "code_expired", step: "embedded_signup" },
  });
  expect([...storage]).toEqual([]);
});

test.each([
  ["not JSON", "{"],
  ["JSON of another shape", JSON.stringify({ key: 1, request: "AQB" })],
])("a sending slot holding %s is not sent: the page starts ready", async (_name, value) => {
  storage.set("wa-migrate:migration:sending", value);
  const inner = createMemoryBffClient();
  const flow = start(inner);
  await flow.prepare();
  await vi.advanceTimersByTimeAsync(0);
  expect(flow.getSnapshot().state).toBe("ready");
  expect(inner.calls.create).toEqual([]);
});

test("reset while the code is on its way does not bring the migration back, nor after a reload", async () => {
  const bff = slowBff(createMemoryBffClient());
  const flow = start(bff.client);
  await launch(flow);
  flow.reset();
  bff.release();
  await vi.advanceTimersByTimeAsync(0);
  expect(flow.getSnapshot()).toMatchObject({ state: "ready", migration: null, error: null });
  expect(bff.streams.size).toBe(0);
  expect([...storage]).toEqual([]);
});

test("a resume that ends after the flow was destroyed opens no stream", async () => {
  const inner = createMemoryBffClient({ migrations: [buildMigration({ id: "mig_7" })] });
  const bff = slowBff(inner);
  storage.set("wa-migrate:migration", "mig_7");
  const flow = start(bff.client);
  await flow.prepare();
  flow.destroy();
  bff.release();
  await vi.advanceTimersByTimeAsync(0);
  expect(bff.streams.size).toBe(0);
});

test("leaving the page while Meta's window is open or the code is on its way asks first", async () => {
  const bff = slowBff(createMemoryBffClient());
  const flow = start(bff.client);
  const leave = () => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  await flow.prepare();
  flow.confirmTwoStep();
  expect(leave()).toBe(false);
  flow.launch();
  expect(flow.getSnapshot().state).toBe("in_popup");
  expect(leave()).toBe(true);
  await vi.advanceTimersByTimeAsync(0);
  expect(flow.getSnapshot().state).toBe("submitting");
  expect(leave()).toBe(true);
  bff.release();
  await vi.advanceTimersByTimeAsync(0);
  expect(flow.getSnapshot().state).toBe("running");
  expect(leave()).toBe(false);
});

test("when the BFF refuses the live updates (the session ended), the page says so instead of waiting", async () => {
  const migration = buildMigration({ id: "mig_1", steps: { capture_assets: "running" } });
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    requests.push(`${init?.method ?? "GET"} ${url}`);
    if (url.endsWith("/signup-events")) return new Response(null, { status: 204 });
    if (init?.method === "POST") return new Response(JSON.stringify(migration), { status: 201 });
    return new Response(null, { status: 401 });
  };
  const flow = start(createBffClient({ baseUrl: "/wa", fetch }));
  await launch(flow);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    currentStep: "capture_assets",
    error: { code: "unauthorized", step: "capture_assets", retryable: false },
  });
  expect(requests.filter((r) => r.startsWith("GET"))).toEqual([
    "GET /wa/migrations/mig_1/events",
    "GET /wa/migrations/mig_1",
  ]);
});
