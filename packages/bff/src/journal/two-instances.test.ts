import { randomBytes } from "node:crypto";
import type { Migration } from "@wa-migrate/contracts";
import { type CallRecord, createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPostgresClient } from "./postgres-client.js";
import type { SqlClient } from "./sql-client.js";
import { addCustomerPhones } from "./testing/add-customer-phones.js";
import { serveSandboxWithTrap, type TrappedSandbox } from "./testing/serve-sandbox-with-trap.js";
import { type BffProcess, bffEnv, spawnBff } from "./testing/spawn-bff.js";

// Two BFF processes share one PostgreSQL journal and run 200 migrations at once, requests spread
// over both. Every step must run exactly once: the journal counts one attempt per step and the
// sandbox saw exactly one of each write per migration.

const url = process.env.TEST_DATABASE_URL;
const COUNT = 200;
const SERVER_STEPS = [
  "capture_assets",
  "share_credit_line",
  "subscribe_webhooks",
  "migrate_templates",
  "register_phone",
];

describe.skipIf(!url)("two instances on one PostgreSQL (skipped without TEST_DATABASE_URL)", () => {
  const schema = `wa_test_${randomBytes(6).toString("hex")}`;
  const graph = createFakeGraph({
    scenario: "happy",
    seed: 9,
    control: true,
    webhookFetch: async () => new Response("ok"),
  });
  let sandbox: TrappedSandbox;
  let admin: SqlClient;
  const servers: BffProcess[] = [];

  beforeAll(async () => {
    admin = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    sandbox = await serveSandboxWithTrap(graph);
  });
  afterAll(async () => {
    for (const server of servers) await server.crash();
    await sandbox?.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  test(`${COUNT} concurrent migrations over two processes: all complete, every step once`, {
    timeout: 300_000,
  }, async () => {
    const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
    const databaseUrl = `${url}?options=-c%20search_path%3D${schema}`;
    for (const instance of ["bff-a", "bff-b"]) {
      const env = bffEnv(partner, sandbox.url, {
        DATABASE_URL: databaseUrl,
        BFF_INSTANCE_ID: instance,
      });
      servers.push(await spawnBff(env, "instance"));
    }
    const phones = addCustomerPhones(graph, COUNT);

    const ids = await Promise.all(
      phones.map(async (phone, i) => {
        const signup = (await (
          await graph.request("/__sandbox/signups", {
            method: "POST",
            body: JSON.stringify({ phone }),
          })
        ).json()) as {
          code: string;
          waba_id: string;
          phone_number_id: string;
          business_id: string;
        };
        const server = servers[i % 2] as BffProcess;
        const response = await fetch(`${server.url}/migrations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            code: signup.code,
            wabaId: signup.waba_id,
            phoneNumberId: signup.phone_number_id,
            businessId: signup.business_id,
          }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
        return ((await response.json()) as Migration).id;
      }),
    );

    // Wait on the journal itself (cheap), then read every migration once through the API.
    const deadline = Date.now() + 240_000;
    let counts: { status: string; n: number }[] = [];
    while (Date.now() < deadline) {
      counts = await admin.query(
        `SELECT status, count(*)::int AS n FROM ${schema}.wa_migrations GROUP BY status`,
      );
      if (!counts.some((c) => c.status === "running")) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const open = await admin.query(
      `SELECT m.status AS migration, s.step_id, s.status, s.attempts, s.lease_owner, s.lease_expires_at,
              s.last_error->>'code' AS code, s.last_error->>'message' AS message
         FROM ${schema}.wa_migration_steps s JOIN ${schema}.wa_migrations m ON m.id = s.migration_id
        WHERE m.status <> 'completed' AND s.status NOT IN ('succeeded', 'skipped') LIMIT 12`,
    );
    expect(counts, JSON.stringify(open, null, 1)).toEqual([{ status: "completed", n: COUNT }]);
    const reader = servers[0] as BffProcess;
    const final = await Promise.all(
      ids.map(
        async (id) => (await (await fetch(`${reader.url}/migrations/${id}`)).json()) as Migration,
      ),
    );

    expect(final.filter((m) => m.status !== "completed").map((m) => [m.id, m.status])).toEqual([]);
    // Every server step ran once. (Templates may be "skipped": with 200 numbers in one source
    // WABA the sandbox may not let every migration read it, and Meta's own copy takes over.)
    const attempts = final.flatMap((m) =>
      m.steps
        .filter((s) => SERVER_STEPS.includes(s.id))
        .map((s) => `${s.id}:${s.status}:${s.attempts}`),
    );
    const expected = new Set(SERVER_STEPS.map((s) => `${s}:succeeded:1`));
    expected.add("migrate_templates:skipped:1");
    expect(attempts.filter((a) => !expected.has(a))).toEqual([]);

    const calls = (
      (await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] }
    ).data;
    const count = (operation: string, match: (c: CallRecord) => boolean) =>
      calls.filter((c) => c.operation === operation && match(c)).length;
    const wrong: string[] = [];
    for (const m of final) {
      const checks = {
        credit: count("createWhatsAppCreditSharingAndAttach", (c) => c.params.waba_id === m.wabaId),
        subscribe: count("subscribeToWabaWebhooks", (c) => c.path.startsWith(`/${m.wabaId}/`)),
        // One copy request when the report says templates were copied; none when the step was
        // skipped or found nothing to copy (counted as 1 here so every line expects 1).
        templates:
          count("createMigrateMessageTemplates", (c) => c.path.startsWith(`/${m.wabaId}/`)) +
          (m.templates.items.some((i) => i.outcome === "copied") ? 0 : 1),
        register: count("registerWhatsAppBusinessPhoneNumber", (c) =>
          c.path.startsWith(`/${m.phoneNumberId}/`),
        ),
      };
      for (const [write, n] of Object.entries(checks))
        if (n !== 1) wrong.push(`${m.id} ${write} x${n}`);
    }
    expect(wrong).toEqual([]);
    // Both processes ran steps (their JSON log lines say so).
    for (const server of servers) {
      expect(
        server.output.filter((line) => line.includes('"step finished"')).length,
      ).toBeGreaterThan(0);
    }
    // Both processes did part of the work (the journal's leases, not luck, kept them apart).
    const owners = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.wa_migrations`,
    );
    expect(owners).toEqual([{ n: COUNT }]);
  });
});
