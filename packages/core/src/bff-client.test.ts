import { type Migration, SSE_MIGRATION_EVENT } from "@wa-migrate/contracts";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createBffClient } from "./bff-client.js";
import { BffError } from "./bff-error.js";
import { buildMigration } from "./testing/index.js";

type Reply = Response | Error | (() => Response);
let requests: Array<{ method: string; url: string; headers: Headers; body: unknown }>;
let replies: Reply[];

const fakeFetch: typeof fetch = async (input, init) => {
  requests.push({
    method: init?.method ?? "GET",
    url: String(input),
    headers: new Headers(init?.headers),
    body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
  });
  const reply = replies.shift();
  if (!reply) throw new TypeError("no more replies");
  if (reply instanceof Error) throw reply;
  return typeof reply === "function" ? reply() : reply;
};

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
const problem = (status: number, code: string, retryable = false) =>
  json(
    status,
    {
      type: `https://wa-migrate.dev/errors/${code}`,
      title: "t",
      status,
      code,
      detail: `detail of ${code}`,
      remedy: "r",
      retryable,
    },
    "application/problem+json",
  );

function sse(events: Array<{ id: string; migration: Migration } | string>, close = true) {
  const text = events
    .map((e) =>
      typeof e === "string"
        ? e
        : `id: ${e.id}\nevent: ${SSE_MIGRATION_EVENT}\ndata: ${JSON.stringify(e.migration)}\n\n`,
    )
    .join("");
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      if (close) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
}

const client = (extra: Partial<Parameters<typeof createBffClient>[0]> = {}) =>
  createBffClient({ baseUrl: "https://portal.example/wa/", fetch: fakeFetch, ...extra });

beforeEach(() => {
  requests = [];
  replies = [];
});
afterEach(() => {
  vi.useRealTimers();
});

test("a problem+json answer becomes a BffError with the contracts code, status and problem", async () => {
  replies.push(problem(403, "asset_not_granted"));
  const error = await client()
    .createMigration({ code: "AQB" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BffError);
  expect(error).toMatchObject({
    code: "asset_not_granted",
    status: 403,
    retryable: false,
    message: "detail of asset_not_granted",
    problem: { code: "asset_not_granted" },
  });
  expect(requests).toHaveLength(1);
});

test.each([
  [404, "not_found"],
  [401, "unauthorized"],
  [403, "forbidden"],
  [429, "rate_limited"],
  [503, "bff_unreachable"],
  [500, "internal_error"],
])("an answer %i without problem details maps to %s", async (status, code) => {
  replies.push(new Response("<html>", { status }));
  await expect(client().getMigration("mig_1")).rejects.toMatchObject({ code, status });
});

test("no answer at all is bff_unreachable with the network error as cause", async () => {
  const cause = new TypeError("Failed to fetch");
  replies.push(cause);
  const error = await client()
    .getMigration("mig_1")
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: "bff_unreachable", status: null, retryable: true, cause });
});

test("an answer that is not a migration record is refused", async () => {
  replies.push(json(200, { id: "mig_1" }));
  await expect(client().getMigration("mig_1")).rejects.toMatchObject({ code: "internal_error" });
});

test("create sends the body, headers and Idempotency-Key, and retries a lost answer with the same key", async () => {
  vi.useFakeTimers();
  const migration = buildMigration();
  replies.push(
    new TypeError("connection reset"),
    problem(503, "store_unavailable", true),
    json(201, migration),
  );
  let token = 0;
  const result = client({
    headers: () => ({ authorization: `Bearer t${++token}` }),
  }).createMigration({ code: "AQB", wabaId: "524126980791429" }, { idempotencyKey: "key-1" });
  await vi.runAllTimersAsync();
  await expect(result).resolves.toEqual(migration);
  expect(requests.map((r) => [r.method, r.url, r.headers.get("idempotency-key")])).toEqual([
    ["POST", "https://portal.example/wa/migrations", "key-1"],
    ["POST", "https://portal.example/wa/migrations", "key-1"],
    ["POST", "https://portal.example/wa/migrations", "key-1"],
  ]);
  expect(requests.map((r) => r.headers.get("authorization"))).toEqual([
    "Bearer t1",
    "Bearer t2",
    "Bearer t3",
  ]);
  expect(requests[0]?.headers.get("content-type")).toBe("application/json");
  expect(requests[0]?.body).toEqual({ code: "AQB", wabaId: "524126980791429" });
});

test("create generates a key when none is given and does not retry a refused code", async () => {
  replies.push(problem(400, "code_expired"));
  await expect(client().createMigration({ code: "AQB" })).rejects.toMatchObject({
    code: "code_expired",
  });
  expect(requests).toHaveLength(1);
  expect(requests[0]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
});

test("a create is sent again with the same key while the BFF restarts, for up to 20 s", async () => {
  vi.useFakeTimers();
  const migration = buildMigration();
  const started = Date.now();
  // Down for 12 s: no answer, then the proxy's gateway errors, then the answer.
  const restarting = () => {
    const down = Date.now() - started;
    if (down < 6000) throw new TypeError("Failed to fetch");
    if (down < 12_000) return new Response("<html>Bad gateway</html>", { status: 502 });
    return json(201, migration);
  };
  replies.push(...Array.from({ length: 20 }, () => restarting));
  const result = client().createMigration({ code: "AQB" }, { idempotencyKey: "key-1" });
  await vi.advanceTimersByTimeAsync(15_000);
  await expect(result).resolves.toEqual(migration);
  expect(new Set(requests.map((r) => r.headers.get("idempotency-key")))).toEqual(
    new Set(["key-1"]),
  );
});

test("a BFF that stays away is given up on after 20 s with bff_unreachable", async () => {
  vi.useFakeTimers();
  const started = Date.now();
  const sentAt: number[] = [];
  replies.push(
    ...Array.from({ length: 30 }, () => () => {
      sentAt.push(Date.now() - started);
      throw new TypeError("Failed to fetch");
    }),
  );
  const result = client()
    .createMigration({ code: "AQB" })
    .catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(await result).toMatchObject({ code: "bff_unreachable" });
  expect(sentAt.at(-1)).toBeGreaterThan(15_000);
  expect(sentAt.at(-1)).toBeLessThanOrEqual(20_000);
  expect(requests.length).toBe(sentAt.length);
});

test("a used code after an unanswered attempt is that attempt still at the BFF: asked again until it answers from its record", async () => {
  vi.useFakeTimers();
  const migration = buildMigration();
  replies.push(new TypeError("connection reset"), problem(400, "code_used"), json(201, migration));
  const result = client().createMigration({ code: "AQB" }, { idempotencyKey: "key-1" });
  await vi.advanceTimersByTimeAsync(5000);
  await expect(result).resolves.toEqual(migration);

  // The same when a reload sent it first; a first and only attempt that meets a used code fails.
  replies.push(problem(400, "code_used"), json(201, migration));
  const resent = client().createMigration({ code: "AQB" }, { idempotencyKey: "k", resent: true });
  await vi.advanceTimersByTimeAsync(5000);
  await expect(resent).resolves.toEqual(migration);
  replies.push(problem(400, "code_used"));
  await expect(client().createMigration({ code: "AQB" })).rejects.toMatchObject({
    code: "code_used",
  });
  expect(requests).toHaveLength(6);
});

test("retry, templates and signup events go to their routes", async () => {
  const migration = buildMigration();
  replies.push(
    json(200, migration),
    json(202, migration),
    json(202, migration),
    new Response(null, { status: 201 }),
  );
  const c = client();
  await expect(c.retry("mig 1")).resolves.toEqual(migration);
  await c.migrateTemplates("mig_1", ["35002248699842"]);
  await c.migrateTemplates("mig_1");
  await c.postSignupEvent({ event: "CANCEL", currentStep: "PERMISSIONS" });
  expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
    ["POST", "https://portal.example/wa/migrations/mig%201/retry", {}],
    [
      "POST",
      "https://portal.example/wa/migrations/mig_1/templates",
      { templateIds: ["35002248699842"] },
    ],
    ["POST", "https://portal.example/wa/migrations/mig_1/templates", {}],
    [
      "POST",
      "https://portal.example/wa/signup-events",
      { event: "CANCEL", currentStep: "PERMISSIONS" },
    ],
  ]);
});

test("the SSE stream delivers records and reconnects with Last-Event-ID after it drops", async () => {
  vi.useFakeTimers();
  const v3 = buildMigration({ updatedAt: "v3" });
  const v4 = buildMigration({ status: "completed", updatedAt: "v4" });
  replies.push(
    sse([
      ": heartbeat\n\n",
      { id: "2", migration: buildMigration({ updatedAt: "v2" }) },
      { id: "3", migration: v3 },
    ]),
    new TypeError("network changed"),
    sse([{ id: "4", migration: v4 }], false),
  );
  const seen: string[] = [];
  const stop = client({ headers: { authorization: "Bearer x" } }).subscribe("mig_1", (m) =>
    seen.push(m.updatedAt),
  );
  await vi.advanceTimersByTimeAsync(0);
  expect(seen).toEqual(["v2", "v3"]);
  await vi.advanceTimersByTimeAsync(1000); // reconnect after the clean end
  await vi.advanceTimersByTimeAsync(2000); // backoff doubles after the failed attempt
  expect(seen).toEqual(["v2", "v3", "v4"]);
  expect(
    requests.map((r) => [r.url, r.headers.get("last-event-id"), r.headers.get("accept")]),
  ).toEqual([
    ["https://portal.example/wa/migrations/mig_1/events", null, "text/event-stream"],
    ["https://portal.example/wa/migrations/mig_1/events", "3", "text/event-stream"],
    ["https://portal.example/wa/migrations/mig_1/events", "3", "text/event-stream"],
  ]);
  expect(requests.every((r) => r.headers.get("authorization") === "Bearer x")).toBe(true);
  stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(requests).toHaveLength(3);
});

test("a stream lost after the migration stopped is reopened every 30 s, for later changes", async () => {
  vi.useFakeTimers();
  const rejected = buildMigration({ status: "completed", updatedAt: "recheck" });
  replies.push(
    sse([{ id: "9", migration: buildMigration({ status: "completed" }) }]),
    sse([]),
    sse([{ id: "10", migration: rejected }]),
  );
  const seen: string[] = [];
  const stop = client().subscribe("mig_1", (m) => seen.push(`${m.status}:${m.updatedAt}`));
  await vi.advanceTimersByTimeAsync(29_000);
  expect(requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(31_000);
  expect(requests).toHaveLength(3);
  expect(requests.at(-1)?.headers.get("last-event-id")).toBe("9");
  expect(seen.at(-1)).toBe("completed:recheck");
  stop();
  await vi.advanceTimersByTimeAsync(120_000);
  expect(requests).toHaveLength(3);
});

test("when the server cannot stream, it polls GET /migrations/:id until the migration stops running", async () => {
  vi.useFakeTimers();
  replies.push(
    json(200, buildMigration()), // a proxy answered the stream request with plain JSON
    json(200, buildMigration({ updatedAt: "p1" })),
    json(200, buildMigration({ updatedAt: "p2" })),
    json(200, buildMigration({ status: "completed", updatedAt: "p3" })),
  );
  const seen: string[] = [];
  client({ pollIntervalMs: 2000 }).subscribe("mig_1", (m) =>
    seen.push(`${m.updatedAt}:${m.status}`),
  );
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(2000);
  await vi.advanceTimersByTimeAsync(2000);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(seen).toEqual(["p1:running", "p2:running", "p3:completed"]);
  expect(
    requests.slice(1).every((r) => r.url === "https://portal.example/wa/migrations/mig_1"),
  ).toBe(true);
  expect(requests).toHaveLength(4);
});

test("after streams fail in a row without an event, polling takes over", async () => {
  vi.useFakeTimers();
  replies.push(
    new TypeError("1"),
    new TypeError("2"),
    new TypeError("3"),
    json(200, buildMigration({ status: "failed" })),
  );
  const seen: string[] = [];
  client({ reconnectDelayMs: 100 }).subscribe("mig_1", (m) => seen.push(m.status));
  await vi.advanceTimersByTimeAsync(10_000);
  expect(requests.map((r) => r.url.endsWith("/events"))).toEqual([true, true, true, false]);
  expect(seen).toEqual(["failed"]);
});

test("a stream refused with not_found asks once more by a plain read, then reports the error and stops", async () => {
  vi.useFakeTimers();
  replies.push(problem(404, "not_found"), problem(404, "not_found"));
  const errors: string[] = [];
  client().subscribe(
    "mig_x",
    () => {},
    (e) => errors.push(e.code),
  );
  await vi.advanceTimersByTimeAsync(60_000);
  expect(errors).toEqual(["not_found"]);
  expect(requests.map((r) => r.url)).toEqual([
    "https://portal.example/wa/migrations/mig_x/events",
    "https://portal.example/wa/migrations/mig_x",
  ]);
});
