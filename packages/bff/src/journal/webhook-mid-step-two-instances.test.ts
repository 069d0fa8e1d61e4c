import { randomBytes, randomInt } from "node:crypto";
import { type Migration, MigrationSchema } from "@wa-migrate/contracts";
import {
  type CallRecord,
  createFakeGraph,
  type PartnerConfig,
  signPayload,
} from "@wa-migrate/sandbox";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { createPostgresClient } from "./postgres-client.js";
import type { SqlClient } from "./sql-client.js";
import { addCustomerPhones } from "./testing/add-customer-phones.js";
import { serveSandboxWithTrap, type TrappedSandbox } from "./testing/serve-sandbox-with-trap.js";
import { type BffProcess, bffEnv, spawnBff } from "./testing/spawn-bff.js";

// Two BFF processes on one PostgreSQL. Instance A runs a migration's templates step; Meta has
// copied the templates, and its webhooks about two of the copies (a re-check REJECTED, a quality
// rating) land on instance B, which applies them to the report and answers 200, so Meta never sends
// them again. When A saves what the step concluded, the report must keep what the webhooks said
// and everything the step wrote (decision 027), the step must have run once, and every Graph write
// must have been sent once. Two moments: before A's save reads the record, and between its read
// and its write (A's write then meets B's newer version and must merge again).

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("a webhook on B mid-step on A (skipped without TEST_DATABASE_URL)", () => {
  const schema = `wa_test_${randomBytes(6).toString("hex")}`;
  const graph = createFakeGraph({
    scenario: "happy",
    seed: 9,
    control: true,
    // Meta's own webhooks go nowhere: the test delivers the ones it needs, when it needs them.
    webhookFetch: async () => new Response("ok"),
  });
  let sandbox: TrappedSandbox;
  let admin: SqlClient;
  let partner: PartnerConfig;
  let a: BffProcess;
  let b: BffProcess;
  const servers: BffProcess[] = [];

  beforeAll(async () => {
    admin = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    sandbox = await serveSandboxWithTrap(graph);
    partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
    // Each instance names its connections, so the journal can tell (and the second test park) A's.
    const databaseUrl = `${url}?options=-c%20search_path%3D${schema}`;
    a = await spawnBff(
      bffEnv(partner, sandbox.url, {
        DATABASE_URL: `${databaseUrl}&application_name=bff-a`,
        BFF_INSTANCE_ID: "bff-a",
      }),
      "instance",
    );
    servers.push(a);
    b = await spawnBff(
      bffEnv(partner, sandbox.url, {
        DATABASE_URL: `${databaseUrl}&application_name=bff-b`,
        BFF_INSTANCE_ID: "bff-b",
      }),
      "instance",
    );
    servers.push(b);
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.crash();
    await sandbox?.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  test("delivered after Meta copied and before A heard back: A's save keeps both", {
    timeout: 120_000,
  }, async () => {
    const [phone] = addCustomerPhones(graph, 1);
    const signup = (await (
      await graph.request("/__sandbox/signups", {
        method: "POST",
        body: JSON.stringify({ phone }),
      })
    ).json()) as { code: string; waba_id: string; phone_number_id: string; business_id: string };

    // Meta carries out A's copy request; its answer waits until the test lets it go.
    let parked: () => void = () => {};
    const copied = new Promise<void>((resolve) => (parked = resolve));
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    sandbox.arm("/migrate_message_templates", async () => {
      parked();
      await released;
    });
    onTestFinished(() => {
      release();
      sandbox.disarm();
    });

    const created = await fetch(`${a.url}/migrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        code: signup.code,
        wabaId: signup.waba_id,
        phoneNumberId: signup.phone_number_id,
        businessId: signup.business_id,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as Migration).id;
    await copied;

    // Mid-step: A holds the templates step, Meta holds the copies, the report has none of them yet.
    const owner = await admin.query<{ lease_owner: string; status: string }>(
      `SELECT lease_owner, status FROM ${schema}.wa_migration_steps
        WHERE migration_id = $1 AND step_id = 'migrate_templates'`,
      [id],
    );
    expect(owner).toEqual([{ lease_owner: "bff-a", status: "running" }]);
    const read = async (server: BffProcess) =>
      MigrationSchema.parse(await (await fetch(`${server.url}/migrations/${id}`)).json());
    const before = await read(b);
    const pending = before.templates.items.filter((i) => i.outcome === "pending");
    const copies = graph.sandbox.state
      .templatesOf(signup.waba_id)
      .sort((x, y) => x.name.localeCompare(y.name));
    expect(copies.map((c) => `${c.name}/${c.language}`).sort()).toEqual(
      pending.map((i) => `${i.name}/${i.language}`).sort(),
    );
    const [rejected, rated] = copies;
    if (!rejected || !rated) throw new Error("Meta copied fewer than two templates");

    // Meta's re-check rejects one copy and rates another; both changes come in one delivery to B.
    const time = graph.sandbox.clock.nowSeconds();
    rejected.status = "REJECTED";
    rejected.rejectedReason = "INCORRECT_CATEGORY";
    rated.quality = { score: "YELLOW", date: time };
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time,
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: "REJECTED_ID",
                message_template_name: rejected.name,
                message_template_language: rejected.language,
                reason: "INCORRECT_CATEGORY",
              },
            },
            {
              field: "message_template_quality_update",
              value: {
                previous_quality_score: "UNKNOWN",
                new_quality_score: "YELLOW",
                message_template_id: "RATED_ID",
                message_template_name: rated.name,
                message_template_language: rated.language,
              },
            },
          ],
        },
      ],
    })
      // Meta sends template ids as JSON numbers.
      .replace('"REJECTED_ID"', rejected.id)
      .replace('"RATED_ID"', rated.id);
    const delivered = await fetch(`${b.url}/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, partner.app_secret),
      },
      body,
    });
    expect(delivered.status, await delivered.clone().text()).toBe(200);
    expect(await delivered.json()).toMatchObject({ received: 2, duplicates: 0 });
    const applied = await read(b);
    expect(applied.steps.find((s) => s.id === "migrate_templates")?.status).toBe("running");
    expect(applied.templates.items.find((i) => i.name === rejected.name)?.outcome).toBe(
      "rejected_on_recheck",
    );
    expect(applied.templates.items.find((i) => i.name === rated.name)?.destinationQuality).toBe(
      "YELLOW",
    );

    // A hears Meta's answer and finishes the step, then the migration.
    release();
    const deadline = Date.now() + 60_000;
    let final = await read(a);
    while (final.status === "running" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      final = await read(a);
    }
    expect(final.status, JSON.stringify(final.steps)).toBe("completed");
    expect(await read(b)).toEqual(final);

    expect(final.steps.find((s) => s.id === "migrate_templates")).toMatchObject({
      status: "succeeded",
      attempts: 1,
    });
    expect(final.templates.mode).toBe("copied_before_registration");
    // The webhooks' lines as they said; the step's other copies "copied", not yet rated; the
    // templates it did not copy as they were.
    expect(final.templates.items).toEqual(
      before.templates.items.map((item) => {
        if (item.name === rejected.name && item.language === rejected.language)
          return {
            ...item,
            destinationTemplateId: rejected.id,
            outcome: "rejected_on_recheck",
            reason: "REJECTED: INCORRECT_CATEGORY",
            statusAt: time,
            // The step's reading of a fresh copy: the webhook said nothing about its quality.
            destinationQuality: "UNKNOWN",
          };
        if (item.name === rated.name && item.language === rated.language)
          return {
            ...item,
            destinationTemplateId: rated.id,
            outcome: "copied",
            destinationQuality: "YELLOW",
          };
        if (item.outcome === "pending")
          return { ...item, outcome: "copied", destinationQuality: "UNKNOWN" };
        return item;
      }),
    );

    // Every write of this migration reached Meta once.
    const calls = (
      (await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] }
    ).data;
    const count = (operation: string, match: (c: CallRecord) => boolean) =>
      calls.filter((c) => c.operation === operation && match(c)).length;
    expect({
      credit: count(
        "createWhatsAppCreditSharingAndAttach",
        (c) => c.params.waba_id === final.wabaId,
      ),
      subscribe: count("subscribeToWabaWebhooks", (c) => c.path.startsWith(`/${final.wabaId}/`)),
      templates: count("createMigrateMessageTemplates", (c) =>
        c.path.startsWith(`/${final.wabaId}/`),
      ),
      register: count("registerWhatsAppBusinessPhoneNumber", (c) =>
        c.path.startsWith(`/${final.phoneNumberId}/`),
      ),
    }).toEqual({ credit: 1, subscribe: 1, templates: 1, register: 1 });
  });

  test("delivered between A's read and A's write of its save: A merges again", {
    timeout: 120_000,
  }, async () => {
    const [phone] = addCustomerPhones(graph, 1);
    const signup = (await (
      await graph.request("/__sandbox/signups", {
        method: "POST",
        body: JSON.stringify({ phone }),
      })
    ).json()) as { code: string; waba_id: string; phone_number_id: string; business_id: string };

    // A's writes of a templates report wait, before they touch the row, while the test holds an
    // advisory lock: A has read the record and computed its save, and does not write it yet.
    // A statement trigger runs before any row is locked, and B's connections pass it, so B writes
    // the newer version under A's feet.
    const key = randomInt(1, 2 ** 31);
    await admin.exec(
      `CREATE FUNCTION ${schema}.park_bff_a() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF current_setting('application_name') = 'bff-a' THEN
           PERFORM pg_advisory_xact_lock_shared(${key});
         END IF;
         RETURN NULL;
       END $$;
       CREATE TRIGGER park_bff_a BEFORE UPDATE OF templates ON ${schema}.wa_migrations
         FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.park_bff_a();`,
    );
    const locker = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    let locked: () => void = () => {};
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    let unlock: () => void = () => {};
    const unlocked = new Promise<void>((resolve) => (unlock = resolve));
    let holding: Promise<void> = Promise.resolve();
    // Once Meta carried out A's copy request, and before A hears the answer, the lock is taken.
    sandbox.arm("/migrate_message_templates", async () => {
      holding = locker.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1)", [key]);
        locked();
        await unlocked;
      });
      await lockTaken;
    });
    onTestFinished(async () => {
      unlock();
      sandbox.disarm();
      await holding;
      await locker.close();
      await admin.exec(`DROP TRIGGER IF EXISTS park_bff_a ON ${schema}.wa_migrations`);
    });

    const created = await fetch(`${a.url}/migrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        code: signup.code,
        wabaId: signup.waba_id,
        phoneNumberId: signup.phone_number_id,
        businessId: signup.business_id,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as Migration).id;

    // Wait until A's save of the templates report is the statement waiting on the lock.
    const waitUntil = Date.now() + 60_000;
    let waiting: { n: number }[] = [{ n: 0 }];
    while (waiting[0]?.n === 0 && Date.now() < waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      waiting = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'bff-a'
            AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            AND query LIKE 'UPDATE wa_migrations SET %templates = %'`,
      );
    }
    expect(waiting).toEqual([{ n: 1 }]);

    // Mid-save: A holds the templates step; the report does not show the copies yet.
    const owner = await admin.query<{ lease_owner: string; status: string }>(
      `SELECT lease_owner, status FROM ${schema}.wa_migration_steps
        WHERE migration_id = $1 AND step_id = 'migrate_templates'`,
      [id],
    );
    expect(owner).toEqual([{ lease_owner: "bff-a", status: "running" }]);
    const read = async (server: BffProcess) =>
      MigrationSchema.parse(await (await fetch(`${server.url}/migrations/${id}`)).json());
    const before = await read(b);
    const pending = before.templates.items.filter((i) => i.outcome === "pending");
    const copies = graph.sandbox.state
      .templatesOf(signup.waba_id)
      .sort((x, y) => x.name.localeCompare(y.name));
    expect(copies.map((c) => `${c.name}/${c.language}`).sort()).toEqual(
      pending.map((i) => `${i.name}/${i.language}`).sort(),
    );
    const [rejected, rated] = copies;
    if (!rejected || !rated) throw new Error("Meta copied fewer than two templates");

    // Meta's re-check rejects one copy and rates another; both changes come in one delivery to B.
    const time = graph.sandbox.clock.nowSeconds();
    rejected.status = "REJECTED";
    rejected.rejectedReason = "INCORRECT_CATEGORY";
    rated.quality = { score: "YELLOW", date: time };
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time,
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: "REJECTED_ID",
                message_template_name: rejected.name,
                message_template_language: rejected.language,
                reason: "INCORRECT_CATEGORY",
              },
            },
            {
              field: "message_template_quality_update",
              value: {
                previous_quality_score: "UNKNOWN",
                new_quality_score: "YELLOW",
                message_template_id: "RATED_ID",
                message_template_name: rated.name,
                message_template_language: rated.language,
              },
            },
          ],
        },
      ],
    })
      // Meta sends template ids as JSON numbers.
      .replace('"REJECTED_ID"', rejected.id)
      .replace('"RATED_ID"', rated.id);
    const delivered = await fetch(`${b.url}/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, partner.app_secret),
      },
      body,
    });
    expect(delivered.status, await delivered.clone().text()).toBe(200);
    expect(await delivered.json()).toMatchObject({ received: 2, duplicates: 0 });
    const applied = await read(b);
    expect(applied.steps.find((s) => s.id === "migrate_templates")?.status).toBe("running");
    expect(applied.templates.items.find((i) => i.name === rejected.name)?.outcome).toBe(
      "rejected_on_recheck",
    );
    expect(applied.templates.items.find((i) => i.name === rated.name)?.destinationQuality).toBe(
      "YELLOW",
    );

    // A's write goes on, finds the version B wrote, and saves again from it.
    unlock();
    await holding;
    const deadline = Date.now() + 60_000;
    let final = await read(a);
    while (final.status === "running" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      final = await read(a);
    }
    expect(final.status, JSON.stringify(final.steps)).toBe("completed");
    expect(await read(b)).toEqual(final);

    expect(final.steps.find((s) => s.id === "migrate_templates")).toMatchObject({
      status: "succeeded",
      attempts: 1,
    });
    expect(final.templates.mode).toBe("copied_before_registration");
    expect(final.templates.items).toEqual(
      before.templates.items.map((item) => {
        if (item.name === rejected.name && item.language === rejected.language)
          return {
            ...item,
            destinationTemplateId: rejected.id,
            outcome: "rejected_on_recheck",
            reason: "REJECTED: INCORRECT_CATEGORY",
            statusAt: time,
            // The step's reading of a fresh copy: the webhook said nothing about its quality.
            destinationQuality: "UNKNOWN",
          };
        if (item.name === rated.name && item.language === rated.language)
          return {
            ...item,
            destinationTemplateId: rated.id,
            outcome: "copied",
            destinationQuality: "YELLOW",
          };
        if (item.outcome === "pending")
          return { ...item, outcome: "copied", destinationQuality: "UNKNOWN" };
        return item;
      }),
    );

    const calls = (
      (await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] }
    ).data;
    const count = (operation: string, match: (c: CallRecord) => boolean) =>
      calls.filter((c) => c.operation === operation && match(c)).length;
    expect({
      credit: count(
        "createWhatsAppCreditSharingAndAttach",
        (c) => c.params.waba_id === final.wabaId,
      ),
      subscribe: count("subscribeToWabaWebhooks", (c) => c.path.startsWith(`/${final.wabaId}/`)),
      templates: count("createMigrateMessageTemplates", (c) =>
        c.path.startsWith(`/${final.wabaId}/`),
      ),
      register: count("registerWhatsAppBusinessPhoneNumber", (c) =>
        c.path.startsWith(`/${final.phoneNumberId}/`),
      ),
    }).toEqual({ credit: 1, subscribe: 1, templates: 1, register: 1 });
  });
});
