import { ProblemDetailsSchema } from "@wa-migrate/contracts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateSchema } from "../journal/migrate-schema.js";
import { createPgliteClient } from "../journal/pglite-client.js";
import type { SqlClient } from "../journal/sql-client.js";
import { createSqlMigrationStore } from "../journal/sql-migration-store.js";
import { createMemoryStore } from "../store/memory-store.js";
import type { MigrationStore } from "../store/migration-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// `GET /signup-events` and `GET /webhook-events` read `limit` as strictly as `GET /migrations`.
// They used to clamp whatever `Number()` made of it: `abc`, `0`, `-3`, `0x10` and `Infinity`
// quietly became another page size, unknown parameters were ignored, and `1.5` reached
// PostgreSQL as `LIMIT 1.5`, answered 503 `store_unavailable`. Hence the PGlite journal too.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

const EVENTS = 3;

async function seed(store: MigrationStore): Promise<void> {
  for (let i = 0; i < EVENTS; i++) {
    const receivedAt = `2026-11-25T10:00:0${i}.000Z`;
    await store.addSignupEvent({
      id: `sue_${i}`,
      tenant: "default",
      event: "CANCEL",
      currentStep: null,
      errorMessage: null,
      errorId: null,
      sessionId: null,
      migrationId: null,
      receivedAt,
    });
    await store.addWebhookEvent({
      id: `whe_${i}`,
      field: "account_update",
      wabaId: "111",
      migrationId: null,
      value: { event: "PARTNER_ADDED" },
      receivedAt,
      dedupeKey: `d-${i}`,
    });
  }
}

const ROUTES = ["/signup-events", "/webhook-events"] as const;

const REFUSED: [string, string][] = [
  ["limit=1.5", "limit"],
  ["limit=abc", "limit"],
  ["limit=0", "limit"],
  ["limit=-3", "limit"],
  ["limit=0x10", "limit"],
  ["limit=Infinity", "limit"],
  ["limit=1e2", "limit"],
  ["limit=007", "limit"],
  ["limit=", "limit"],
  ["limit=201", "limit"],
  ["sort=asc", "sort"],
  ["limit=2&sort=asc", "sort"],
];

const ACCEPTED: [string, number][] = [
  ["", EVENTS],
  ["limit=1", 1],
  ["limit=2", 2],
  ["limit=200", EVENTS],
];

let db: SqlClient;
beforeAll(async () => {
  db = await createPgliteClient({ dataDir: "memory://" });
  await migrateSchema(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe.each([
  ["memory", () => createMemoryStore()],
  ["PGlite", () => ({ ...createSqlMigrationStore(db), close: async () => {} })],
])("event lists on the %s journal", (_name, makeStore) => {
  let h: Harness;
  beforeAll(async () => {
    const store = makeStore();
    h = await bffWithSandbox("happy", { store });
    await seed(store);
  });

  const cases = ROUTES.flatMap((route) => REFUSED.map(([q, param]) => [route, q, param]));
  test.each(cases)("GET %s?%s is 400 validation_failed naming %s", async (route, q, param) => {
    const response = await h.bff.request(`${route}?${q}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = ProblemDetailsSchema.parse(await response.json());
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).join(" ")).toContain(param);
  });

  test("GET /webhook-events?wabaId=abc is 400 validation_failed naming wabaId", async () => {
    const response = await h.bff.request("/webhook-events?wabaId=abc");
    expect(response.status).toBe(400);
    const problem = ProblemDetailsSchema.parse(await response.json());
    expect(problem.errors?.map((e) => e.path)).toEqual(["wabaId"]);
  });

  const pages = ROUTES.flatMap((route) => ACCEPTED.map(([q, n]) => [route, q, n] as const));
  test.each(pages)("GET %s?%s answers 200 with %i events", async (route, q, n) => {
    const response = await h.bff.request(`${route}?${q}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(n);
  });

  test("GET /webhook-events?wabaId= filters by a Graph id", async () => {
    const read = async (wabaId: string) =>
      ((await (await h.bff.request(`/webhook-events?wabaId=${wabaId}`)).json()) as { data: [] })
        .data;
    expect(await read("111")).toHaveLength(EVENTS);
    expect(await read("222")).toEqual([]);
  });
});
