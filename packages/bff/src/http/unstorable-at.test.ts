import { ProblemDetailsSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateSchema } from "../journal/migrate-schema.js";
import { createPgliteClient } from "../journal/pglite-client.js";
import type { SqlClient } from "../journal/sql-client.js";
import { createSqlMigrationStore } from "../journal/sql-migration-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// The real journal: PostgreSQL refuses U+0000 and lone surrogates where the memory store does not.
// One embedded database for the file (PGlite takes seconds to start on two cores).
let db: SqlClient;
beforeAll(async () => {
  db = await createPgliteClient({ dataDir: "memory://" });
  await migrateSchema(db);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const bff = () => bffWithSandbox("happy", { store: createSqlMigrationStore(db) });

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ProblemDetailsSchema.parse(await response.json());
};

describe("text the journal cannot keep", () => {
  test.each([
    ["GET", "/migrations/mig%00x"],
    ["GET", "/migrations/mig%00x/events"],
    ["POST", "/migrations/mig%00x/retry"],
    ["POST", "/migrations/mig%00x/templates"],
  ])(
    "%s %s (U+0000 in the id) is 404 not_found, not 503 store_unavailable",
    async (method, path) => {
      const h = await bff();
      const response = await h.bff.request(path, {
        method,
        headers: { "content-type": "application/json" },
        ...(method === "POST" ? { body: "{}" } : {}),
      });
      expect(response.status).toBe(404);
      expect((await problemOf(response)).code).toBe("not_found");
    },
  );

  test.each([
    ["/webhook-events?wabaId=12%003", "wabaId"],
    ["/migrations?cursor=a%00b", "cursor"],
    ["/signup-events?limit=5%00", "limit"],
  ])("GET %s is 400 validation_failed on %s", async (path, name) => {
    const h = await bff();
    const response = await h.bff.request(path);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe(name);
  });

  test.each([
    ["U+0000", "popup said a\u0000b"],
    ["a lone surrogate", "popup said a\ud800b"],
  ])(
    "a signup event whose text holds %s is 400 naming the field, and nothing is stored",
    async (_name, errorMessage) => {
      const h = await bff();
      const response = await h.post("/signup-events", { event: "ERROR", errorMessage });
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.[0]?.path).toBe("errorMessage");
      const listed = (await (await h.bff.request("/signup-events")).json()) as { data: unknown[] };
      expect(listed.data.filter((e) => JSON.stringify(e).includes("popup said"))).toEqual([]);
    },
  );

  test("a signed webhook holding U+0000 and a lone surrogate is kept (as U+FFFD), not refused at every redelivery", async () => {
    const h = await bff();
    const body = `{"object":"whatsapp_business_account","entry":[{"id":"7700112233","time":1744823932,"changes":[{"field":"phone_number_name_update","value":{"display_phone_number":"15550001","decision":"APPROVED","requested_verified_name":"Wind\\u0000Wool \\ud800"}}]}]}`;
    const send = () =>
      h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
    const first = await send();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    expect(await (await send()).json()).toEqual({ received: 0, duplicates: 1, ignored: 0 });
    const events = await h.store.listWebhookEvents({ wabaId: "7700112233", limit: 10 });
    expect(events.map((e) => e.value)).toEqual([
      {
        display_phone_number: "15550001",
        decision: "APPROVED",
        requested_verified_name: "Wind\ufffdWool \ufffd",
      },
    ]);
  });
});
