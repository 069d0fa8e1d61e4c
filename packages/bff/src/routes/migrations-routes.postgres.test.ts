import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { migrateSchema } from "../journal/migrate-schema.js";
import { createPostgresClient } from "../journal/postgres-client.js";
import type { SqlClient } from "../journal/sql-client.js";
import { createSqlMigrationStore } from "../journal/sql-migration-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Two BFF instances behind a load balancer share one PostgreSQL journal: a browser's resend and
// an operator's second click may land on the other instance. What the first request guards in its
// own process (one code exchange per Idempotency-Key, one template copy at a time per migration)
// must hold across both. Meta's answers are slowed down a little, as they are in production, so
// the second request arrives while the first one is waiting for Meta.

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("two instances on one PostgreSQL (skipped without TEST_DATABASE_URL)", () => {
  const schema = `wa_test_${randomBytes(6).toString("hex")}`;
  let admin: SqlClient;
  const clients: SqlClient[] = [];
  const connect = async () => {
    const db = await createPostgresClient({ connectionString: url ?? "", schema, max: 4 });
    clients.push(db);
    return createSqlMigrationStore(db);
  };

  beforeAll(async () => {
    admin = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const db = await createPostgresClient({ connectionString: url ?? "", schema, max: 1 });
    clients.push(db);
    await migrateSchema(db);
  }, 60_000);
  afterAll(async () => {
    for (const db of clients) await db.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  test("a resend of POST /migrations to the other instance during the code exchange: one exchange, one migration", async () => {
    const h = await bffWithSandbox("happy", { store: await connect() });
    // Meta takes 300 ms to exchange the code; the resend leaves 100 ms into it.
    let exchanging = false;
    const fetch = async (input: string, init: RequestInit) => {
      if (new URL(input).pathname.endsWith("/oauth/access_token")) {
        exchanging = true;
        await sleep(300);
      }
      return h.graph.fetch(new Request(input, init));
    };
    const a = createMigrationBff({ ...h.options, store: await connect(), instanceId: "A", fetch });
    const b = createMigrationBff({ ...h.options, store: await connect(), instanceId: "B", fetch });
    const signup = await h.signup();
    const post = (app: typeof a) =>
      app.request("/migrations", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "resend-1" },
        body: JSON.stringify({
          code: signup.code,
          wabaId: signup.waba_id,
          phoneNumberId: signup.phone_number_id,
        }),
      });

    const first = post(a);
    for (let i = 0; i < 200 && !exchanging; i++) await sleep(5);
    await sleep(100);
    const second = await post(b);
    const answers = [await first, second];

    const texts = await Promise.all(answers.map((r) => r.clone().text()));
    expect(
      answers.map((r) => r.status),
      texts.join("\n"),
    ).toEqual([201, 201]);
    const [one, two] = await Promise.all(
      answers.map(async (r) => MigrationSchema.parse(await r.json())),
    );
    expect(two?.id).toBe(one?.id);
    expect(answers[1]?.headers.get("idempotent-replayed")).toBe("true");
    const exchanges = (await h.calls()).filter((c) => c.operation === "exchangeCodeForToken");
    expect(exchanges).toHaveLength(1);
    await Promise.all([a.idle(), b.idle()]);
    const stored = await h.store.listMigrations({ tenant: "default", limit: 100 });
    expect(stored.items.filter((m) => m.wabaId === signup.waba_id)).toHaveLength(1);
  });

  test("a refused grant is answered the same on the other instance, with one exchange", async () => {
    const h = await bffWithSandbox("happy", { store: await connect() });
    let exchanging = false;
    const fetch = async (input: string, init: RequestInit) => {
      if (new URL(input).pathname.endsWith("/oauth/access_token")) {
        exchanging = true;
        await sleep(300);
      }
      return h.graph.fetch(new Request(input, init));
    };
    const a = createMigrationBff({ ...h.options, store: await connect(), instanceId: "A", fetch });
    const b = createMigrationBff({ ...h.options, store: await connect(), instanceId: "B", fetch });
    const signup = await h.signup();
    // A WABA the business token was not granted: the first request's answer is 403.
    const post = (app: typeof a) =>
      app.request("/migrations", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "refused-1" },
        body: JSON.stringify({ code: signup.code, wabaId: "999999999" }),
      });

    const first = post(a);
    for (let i = 0; i < 200 && !exchanging; i++) await sleep(5);
    await sleep(100);
    const second = await post(b);
    const answers = [await first, second];

    expect(answers.map((r) => r.status)).toEqual([403, 403]);
    for (const answer of answers)
      expect(ProblemDetailsSchema.parse(await answer.json()).code).toBe("asset_not_granted");
    const exchanges = (await h.calls()).filter((c) => c.operation === "exchangeCodeForToken");
    expect(exchanges).toHaveLength(1);
    await Promise.all([a.idle(), b.idle()]);
  });

  test("template copies sent at once to both instances reach Meta once per template", async () => {
    const h = await bffWithSandbox("happy", {
      store: await connect(),
      graph: { maxTransientRetryMs: 60_000, sleep: async () => {} },
    });
    // Meta takes 200 ms to accept a copy request, so every click arrives while one is in flight.
    const fetch = async (input: string, init: RequestInit) => {
      if (new URL(input).pathname.endsWith("/migrate_message_templates")) await sleep(200);
      return h.graph.fetch(new Request(input, init));
    };
    const a = createMigrationBff({ ...h.options, store: await connect(), instanceId: "A", fetch });
    const b = createMigrationBff({ ...h.options, store: await connect(), instanceId: "B", fetch });
    const refuse = (failNext: unknown[]) =>
      h.graph.request("/__sandbox/faults", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ failNext }),
      });
    await refuse([{ operation: "createMigrateMessageTemplates", count: 1_000, code: 10 }]);
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (
        await a.request("/migrations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: signup.code }),
        })
      ).json(),
    );
    await a.idle();
    const failed = (await h.store.getMigration(m.id))?.templates.items.filter(
      (i) => i.outcome === "failed",
    );
    expect(failed?.length).toBeGreaterThan(0);
    await refuse([]);
    const copiesBefore = (await h.calls()).filter(
      (c) => c.operation === "createMigrateMessageTemplates",
    ).length;

    const copy = (app: typeof a) =>
      app.request(`/migrations/${m.id}/templates`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    const answers = await Promise.all([copy(a), copy(b), copy(b), copy(a)]);

    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const sent = (await h.calls())
      .filter((c) => c.operation === "createMigrateMessageTemplates")
      .slice(copiesBefore)
      .flatMap((c) => c.params.template_ids as string[]);
    expect(sent.sort()).toEqual(failed?.map((i) => i.sourceTemplateId).sort());
    const after = await h.store.getMigration(m.id);
    expect(after?.templates.items.filter((i) => i.outcome === "failed")).toEqual([]);
  });
});
