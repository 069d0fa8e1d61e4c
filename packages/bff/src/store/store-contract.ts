import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { newMigrationFixture } from "./migration-fixture.js";
import type { MigrationStore } from "./migration-store.js";
import { describeRequestLeases } from "./request-lease-contract.js";
import { StoreError } from "./store-error.js";
import { describeWebhookEventMigrations } from "./webhook-event-migrations-contract.js";

// The executable semantics of MigrationStore. Every implementation runs this suite:
//   describeMigrationStore("memory", () => createMemoryStore());
// Each test gets a fresh, empty store from `createStore` and closes it afterwards.

const T0 = "2026-11-25T10:00:00.000Z";
const T1 = "2026-11-25T10:00:01.000Z";
const T5 = "2026-11-25T10:00:05.000Z";
const T31 = "2026-11-25T10:00:31.000Z";
const graphError = {
  code: "pin_mismatch" as const,
  message: "PIN mismatch",
  remedy: "Turn off two-step verification",
  retryable: true,
  graph: { code: 133005, fbtraceId: "AbCdEf123" },
};

/**
 * Registers the store contract suite for one implementation.
 *
 * @example
 * describeMigrationStore("pglite", async () => openJournalStore({ dataDir: "memory://" }));
 */
export function describeMigrationStore(
  name: string,
  createStore: () => MigrationStore | Promise<MigrationStore>,
): void {
  describe(`MigrationStore contract: ${name}`, () => {
    let store: MigrationStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    test("creates a migration at version 1 and reads it back whole", async () => {
      const input = newMigrationFixture({ id: "m1", context: { grantedWabaIds: ["1", "2"] } });
      const { migration, created } = await store.createMigration(input);
      expect(created).toBe(true);
      expect(migration).toEqual({ ...input, version: 1 });
      expect(await store.getMigration("m1")).toEqual({ ...input, version: 1 });
      expect(await store.getMigration("nope")).toBeNull();
    });

    test("refuses a second migration with the same id", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      const error = await store.createMigration(newMigrationFixture({ id: "m1" })).catch((e) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error.kind).toBe("conflict");
    });

    test("an idempotency key returns the first migration, per tenant", async () => {
      const key = { key: "k1", requestHash: "h1", createdAt: T0 };
      const first = await store.createMigration(newMigrationFixture({ id: "m1" }), key);
      expect(first.idempotency).toEqual({ ...key, tenant: "tenant_a", migrationId: "m1" });
      const again = await store.createMigration(newMigrationFixture({ id: "m2" }), {
        ...key,
        requestHash: "h2",
      });
      expect(again.created).toBe(false);
      expect(again.migration.id).toBe("m1");
      expect(again.idempotency?.requestHash).toBe("h1");
      expect(await store.getMigration("m2")).toBeNull();
      const other = await store.createMigration(
        newMigrationFixture({ id: "m3", tenant: "tenant_b" }),
        key,
      );
      expect(other.created).toBe(true);
      expect((await store.getIdempotencyRecord("tenant_b", "k1"))?.migrationId).toBe("m3");
      expect(await store.getIdempotencyRecord("tenant_a", "unknown")).toBeNull();
    });

    test.each([
      ["not base64url JSON", "garbage"],
      ["a number for a date", ["1", "m1"]],
      ["a day that does not exist", ["2020-02-30T00:00:00.000Z", "m1"]],
      ["a six-digit year", ["+275760-09-13T00:00:00.000Z", "m1"]],
      ["a date without a time", ["2026-11-25", "m1"]],
      ["three parts", [T0, "m1", "x"]],
    ])("a cursor it did not write (%s) lists from the top", async (_name, value) => {
      for (const i of [1, 2, 3])
        await store.createMigration(
          newMigrationFixture({ id: `m${i}`, createdAt: `2026-11-25T10:00:0${i}.000Z` }),
        );
      const cursor =
        typeof value === "string"
          ? value
          : Buffer.from(JSON.stringify(value)).toString("base64url");
      const page = await store.listMigrations({ limit: 10, cursor });
      expect(page.items.map((m) => m.id)).toEqual(["m3", "m2", "m1"]);
    });

    test("secrets given with a new migration are stored with it; a replayed key writes none", async () => {
      const key = { key: "k1", requestHash: "h1", createdAt: T0 };
      await store.createMigration(newMigrationFixture({ id: "m1" }), key, {
        business_token: { keyId: "k1", ciphertext: "AAA" },
      });
      expect(await store.getSecret("m1", "business_token")).toEqual({
        keyId: "k1",
        ciphertext: "AAA",
      });
      expect(await store.getSecret("m1", "pin")).toBeNull();
      const again = await store.createMigration(newMigrationFixture({ id: "m2" }), key, {
        business_token: { keyId: "k1", ciphertext: "BBB" },
      });
      expect(again.created).toBe(false);
      expect(await store.getSecret("m1", "business_token")).toEqual({
        keyId: "k1",
        ciphertext: "AAA",
      });
      expect(await store.getSecret("m2", "business_token")).toBeNull();
    });

    test("lists newest first, filtered by tenant and status, in pages", async () => {
      for (const [i, tenant, status] of [
        [1, "a", "running"],
        [2, "a", "completed"],
        [3, "b", "running"],
        [4, "a", "running"],
        [5, "a", "failed"],
      ] as const) {
        await store.createMigration(
          newMigrationFixture({
            id: `m${i}`,
            tenant,
            status,
            createdAt: `2026-11-25T10:00:0${i}.000Z`,
          }),
        );
      }
      const page1 = await store.listMigrations({ tenant: "a", limit: 2 });
      expect(page1.items.map((m) => m.id)).toEqual(["m5", "m4"]);
      expect(page1.nextCursor).not.toBeNull();
      const page2 = await store.listMigrations({
        tenant: "a",
        limit: 2,
        cursor: page1.nextCursor ?? "",
      });
      expect(page2.items.map((m) => m.id)).toEqual(["m2", "m1"]);
      expect(page2.nextCursor).toBeNull();
      const running = await store.listMigrations({ status: "running", limit: 10 });
      expect(running.items.map((m) => m.id)).toEqual(["m4", "m3", "m1"]);
      expect((await store.listMigrations({ limit: 100, cursor: "garbage" })).items).toHaveLength(5);
    });

    test("lists running migrations to resume, oldest first", async () => {
      await store.createMigration(newMigrationFixture({ id: "m2", createdAt: T1 }));
      await store.createMigration(newMigrationFixture({ id: "m1", createdAt: T0 }));
      await store.createMigration(
        newMigrationFixture({ id: "m3", createdAt: T5, status: "completed" }),
      );
      expect(await store.listResumableMigrations()).toEqual(["m1", "m2"]);
    });

    test("finds the newest migration of a WABA, destination before source", async () => {
      await store.createMigration(newMigrationFixture({ id: "old", wabaId: "111", createdAt: T0 }));
      await store.createMigration(newMigrationFixture({ id: "new", wabaId: "111", createdAt: T1 }));
      await store.createMigration(
        newMigrationFixture({ id: "src", wabaId: "333", sourceWabaId: "222" }),
      );
      expect((await store.findMigrationByWaba("111"))?.id).toBe("new");
      expect((await store.findMigrationByWaba("222"))?.id).toBe("src");
      expect(await store.findMigrationByWaba("999")).toBeNull();
    });

    test("a WABA's destination migration wins over a newer one that has it only as source", async () => {
      // The newer migration moves a number out of WABA 111 and has no destination WABA yet.
      await store.createMigration(
        newMigrationFixture({ id: "dest", wabaId: "111", createdAt: T0 }),
      );
      await store.createMigration(
        newMigrationFixture({ id: "leaving", wabaId: null, sourceWabaId: "111", createdAt: T1 }),
      );
      expect((await store.findMigrationByWaba("111"))?.id).toBe("dest");
    });

    test("updates fields, merges the context and bumps the version", async () => {
      await store.createMigration(
        newMigrationFixture({ id: "m1", context: { creditLineId: "c1" } }),
      );
      const updated = await store.updateMigration(
        "m1",
        {
          status: "completed",
          billingCutoverAt: T5,
          warnings: ["on_prem_source"],
          context: { registeredAt: T5 },
        },
        T5,
      );
      expect(updated).toMatchObject({
        status: "completed",
        billingCutoverAt: T5,
        warnings: ["on_prem_source"],
        updatedAt: T5,
        version: 2,
        context: { creditLineId: "c1", registeredAt: T5 },
        wabaId: "524126980791429",
      });
      expect(await store.getMigration("m1")).toEqual(updated);
    });

    test("keeps a report line's webhook times, which only the BFF reads", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      const templates = {
        mode: "meta_automatic" as const,
        sourceReadable: false,
        items: [
          {
            destinationTemplateId: "900",
            name: "order_confirmation",
            language: "en_US",
            category: "MARKETING" as const,
            sourceStatus: "APPROVED" as const,
            sourceQuality: null,
            destinationQuality: "YELLOW" as const,
            outcome: "copied" as const,
            statusAt: 1_800_000_000,
            qualityAt: 1_800_003_600,
            categoryAt: 1_800_007_200,
          },
        ],
      };
      await store.updateMigration("m1", { templates }, T5);
      expect((await store.getMigration("m1"))?.templates).toEqual(templates);
    });

    test("an update with a stale expected version changes nothing", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      await store.updateMigration("m1", { status: "failed" }, T1);
      expect(await store.updateMigration("m1", { status: "completed" }, T5, 1)).toBeNull();
      expect((await store.getMigration("m1"))?.status).toBe("failed");
      expect((await store.updateMigration("m1", { status: "completed" }, T5, 2))?.version).toBe(3);
      const error = await store.updateMigration("nope", {}, T5).catch((e) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error.kind).toBe("not_found");
    });

    test("claims a pending step under a lease and counts the attempt", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      const claimed = await store.claimStep("m1", "capture_assets", {
        owner: "i1",
        leaseMs: 30_000,
        now: T0,
      });
      const step = claimed?.steps.find((s) => s.id === "capture_assets");
      expect(step).toMatchObject({
        status: "running",
        attempts: 1,
        startedAt: T0,
        finishedAt: null,
        leaseOwner: "i1",
        leaseExpiresAt: "2026-11-25T10:00:30.000Z",
      });
      expect(claimed?.version).toBe(2);
    });

    test("a live lease keeps other owners out until it expires", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      await store.claimStep("m1", "register_phone", { owner: "i1", leaseMs: 30_000, now: T0 });
      expect(
        await store.claimStep("m1", "register_phone", { owner: "i2", leaseMs: 30_000, now: T5 }),
      ).toBeNull();
      const same = await store.claimStep("m1", "register_phone", {
        owner: "i1",
        leaseMs: 30_000,
        now: T5,
      });
      expect(same?.steps.find((s) => s.id === "register_phone")?.attempts).toBe(2);
      const taken = await store.claimStep("m1", "register_phone", {
        owner: "i2",
        leaseMs: 30_000,
        now: "2026-11-25T10:00:35.000Z",
      });
      expect(taken?.steps.find((s) => s.id === "register_phone")).toMatchObject({
        leaseOwner: "i2",
        attempts: 3,
      });
      // The first owner lost the step: its late result is refused.
      const late = await store.finishStep("m1", "register_phone", "i1", {
        status: "succeeded",
        lastError: null,
        now: T31,
      });
      expect(late).toBeNull();
    });

    test("of many concurrent claims exactly one wins", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.claimStep("m1", "share_credit_line", { owner: `i${i}`, leaseMs: 30_000, now: T0 }),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const step = (await store.getMigration("m1"))?.steps.find(
        (s) => s.id === "share_credit_line",
      );
      expect(step?.attempts).toBe(1);
    });

    test("renews only a held lease", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      await store.claimStep("m1", "migrate_templates", { owner: "i1", leaseMs: 30_000, now: T0 });
      expect(
        await store.renewStepLease("m1", "migrate_templates", {
          owner: "i1",
          leaseMs: 30_000,
          now: T5,
        }),
      ).toBe(true);
      expect(
        await store.renewStepLease("m1", "migrate_templates", {
          owner: "i2",
          leaseMs: 30_000,
          now: T5,
        }),
      ).toBe(false);
      // Renewed at T5 for 30 s: still held at T31.
      expect(
        await store.claimStep("m1", "migrate_templates", {
          owner: "i2",
          leaseMs: 30_000,
          now: T31,
        }),
      ).toBeNull();
    });

    test("finishing keeps the error with its fbtrace_id and frees the lease", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      await store.claimStep("m1", "register_phone", { owner: "i1", leaseMs: 30_000, now: T0 });
      expect(
        await store.finishStep("m1", "register_phone", "i2", {
          status: "succeeded",
          lastError: null,
          now: T1,
        }),
      ).toBeNull();
      const done = await store.finishStep("m1", "register_phone", "i1", {
        status: "action_required",
        lastError: graphError,
        now: T1,
      });
      expect(done?.steps.find((s) => s.id === "register_phone")).toEqual({
        id: "register_phone",
        status: "action_required",
        attempts: 1,
        startedAt: T0,
        finishedAt: T1,
        lastError: graphError,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      expect(done?.version).toBe(3);
      // A finished step cannot be claimed again without a retry.
      expect(
        await store.claimStep("m1", "register_phone", { owner: "i1", leaseMs: 30_000, now: T5 }),
      ).toBeNull();
    });

    test("a retry reopens failed and action-required steps, once", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      expect(await store.beginRetry("m1", T1)).toBeNull();
      await store.claimStep("m1", "capture_assets", { owner: "i1", leaseMs: 30_000, now: T0 });
      await store.finishStep("m1", "capture_assets", "i1", {
        status: "succeeded",
        lastError: null,
        now: T0,
      });
      await store.claimStep("m1", "share_credit_line", { owner: "i1", leaseMs: 30_000, now: T0 });
      await store.finishStep("m1", "share_credit_line", "i1", {
        status: "failed",
        lastError: graphError,
        now: T0,
      });
      await store.claimStep("m1", "register_phone", { owner: "i1", leaseMs: 30_000, now: T0 });
      await store.finishStep("m1", "register_phone", "i1", {
        status: "action_required",
        lastError: graphError,
        now: T0,
      });
      await store.updateMigration("m1", { status: "action_required" }, T0);
      const retried = await store.beginRetry("m1", T1);
      expect(retried?.status).toBe("running");
      const statuses = Object.fromEntries(retried?.steps.map((s) => [s.id, s.status]) ?? []);
      expect(statuses).toMatchObject({
        capture_assets: "succeeded",
        share_credit_line: "pending",
        register_phone: "pending",
      });
      expect(retried?.steps.find((s) => s.id === "register_phone")).toMatchObject({
        attempts: 1,
        lastError: graphError,
      });
      expect(await store.beginRetry("m1", T5)).toBeNull();
      const error = await store.beginRetry("nope", T5).catch((e) => e);
      expect(error.kind).toBe("not_found");
    });

    test("a retry of a completed migration returns it unchanged, still completed", async () => {
      // Nothing to retry: flipping it to running would show every open page a finished move as
      // running again, and start its steps on whichever instance resumes it.
      await store.createMigration(newMigrationFixture({ id: "m1", status: "completed" }));
      const before = await store.getMigration("m1");
      expect(await store.beginRetry("m1", T5)).toEqual(before);
      expect(await store.getMigration("m1")).toEqual(before);
      expect(await store.listResumableMigrations()).toEqual([]);
    });

    test("keeps sealed secrets per migration and kind", async () => {
      await store.createMigration(newMigrationFixture({ id: "m1" }));
      await store.putSecret("m1", "business_token", { keyId: "k1", ciphertext: "AAA" });
      await store.putSecret("m1", "pin", { keyId: "k1", ciphertext: "BBB" });
      await store.putSecret("m1", "pin", { keyId: "k2", ciphertext: "CCC" });
      expect(await store.getSecret("m1", "business_token")).toEqual({
        keyId: "k1",
        ciphertext: "AAA",
      });
      expect(await store.getSecret("m1", "pin")).toEqual({ keyId: "k2", ciphertext: "CCC" });
      expect(await store.getSecret("m2", "pin")).toBeNull();
    });

    test("lists a tenant's signup events newest first", async () => {
      const base = {
        event: "CANCEL",
        currentStep: null,
        errorMessage: null,
        errorId: null,
        sessionId: null,
        migrationId: null,
      };
      await store.addSignupEvent({ ...base, id: "s1", tenant: "a", receivedAt: T0 });
      await store.addSignupEvent({
        ...base,
        id: "s2",
        tenant: "a",
        receivedAt: T1,
        currentStep: "PERMISSIONS",
      });
      await store.addSignupEvent({ ...base, id: "s3", tenant: "b", receivedAt: T5 });
      expect((await store.listSignupEvents("a", 10)).map((e) => e.id)).toEqual(["s2", "s1"]);
      expect((await store.listSignupEvents("a", 1))[0]).toEqual({
        ...base,
        id: "s2",
        tenant: "a",
        receivedAt: T1,
        currentStep: "PERMISSIONS",
      });
    });

    test("stores a webhook change once per dedupe key", async () => {
      const event = {
        id: "w1",
        field: "account_update",
        wabaId: "111",
        migrationId: null,
        value: { event: "PARTNER_ADDED" },
        receivedAt: T0,
        dedupeKey: "d1",
      };
      expect(await store.addWebhookEvent(event)).toBe(true);
      expect(await store.addWebhookEvent({ ...event, id: "w2", receivedAt: T1 })).toBe(false);
      expect(
        await store.addWebhookEvent({
          ...event,
          id: "w3",
          wabaId: "222",
          dedupeKey: "d3",
          receivedAt: T5,
        }),
      ).toBe(true);
      expect((await store.listWebhookEvents({ limit: 10 })).map((e) => e.id)).toEqual(["w3", "w1"]);
      expect(await store.listWebhookEvents({ wabaId: "111", limit: 10 })).toEqual([event]);
    });

    test("lists a tenant's webhook changes before the limit, whatever other tenants receive", async () => {
      await store.createMigration(
        newMigrationFixture({ id: "ours", tenant: "acme", wabaId: "111", sourceWabaId: "100" }),
      );
      await store.createMigration(
        newMigrationFixture({ id: "theirs", tenant: "evil", wabaId: "222" }),
      );
      const change = (id: string, wabaId: string, migrationId: string | null, at: string) => ({
        id,
        field: "account_update",
        wabaId,
        migrationId,
        value: { event: "PARTNER_ADDED" },
        receivedAt: at,
        dedupeKey: `d-${id}`,
      });
      await store.addWebhookEvent(change("claimed", "111", "ours", T0));
      await store.addWebhookEvent(change("unclaimed", "111", null, T0));
      await store.addWebhookEvent(change("from-source", "100", null, T0));
      await store.addWebhookEvent(change("nobodys", "999", null, T1));
      for (let i = 0; i < 5; i++)
        await store.addWebhookEvent(change(`foreign-${i}`, "222", "theirs", T5));
      const ours = await store.listWebhookEvents({ tenant: "acme", limit: 3 });
      expect(ours.map((e) => e.id).sort()).toEqual(["claimed", "from-source", "unclaimed"]);
      expect(await store.listWebhookEvents({ tenant: "nobody", limit: 10 })).toEqual([]);
      expect(await store.listWebhookEvents({ limit: 3 })).toHaveLength(3);
    });

    test("an id with a NUL or a lone surrogate finds nothing instead of failing", async () => {
      // Such ids come from outside (a URL path, a cursor, a webhook): bad input, not an outage.
      await store.createMigration(newMigrationFixture({ id: "m1", wabaId: "111" }));
      expect(await store.getMigration("m1\u0000")).toBeNull();
      expect(await store.getMigration("m\ud800")).toBeNull();
      expect(await store.findMigrationByWaba("111\u0000")).toBeNull();
      expect(await store.getIdempotencyRecord("tenant_a", "key\u0000")).toBeNull();
      expect(await store.getSecret("m1\u0000", "pin")).toBeNull();
      const cursor = Buffer.from(JSON.stringify([T0, "m\u0000"])).toString("base64url");
      expect((await store.listMigrations({ limit: 10, cursor })).items).toBeInstanceOf(Array);
    });

    test("a NUL or a lone surrogate in a signup event or a webhook change is stored, not refused", async () => {
      await store.addSignupEvent({
        id: "s1",
        tenant: "a",
        event: "ERROR",
        currentStep: null,
        errorMessage: "bad\u0000input \ud83d",
        errorId: null,
        sessionId: null,
        migrationId: null,
        receivedAt: T0,
      });
      expect((await store.listSignupEvents("a", 10)).map((e) => e.id)).toEqual(["s1"]);
      const change = {
        id: "w1",
        dedupeKey: "d1",
        field: "message_template_status_update",
        wabaId: "111",
        migrationId: null,
        value: { reason: "cut \ud83d", "odd\u0000key": "nul\u0000value" },
        receivedAt: T0,
      };
      expect(await store.addWebhookEvent(change)).toBe(true);
      expect(await store.addWebhookEvent(change)).toBe(false);
      expect((await store.listWebhookEvents({ limit: 10 })).map((e) => e.id)).toEqual(["w1"]);
    });

    test("answers ping and hands out copies, not its own state", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      const { migration } = await store.createMigration(newMigrationFixture({ id: "m1" }));
      migration.status = "failed";
      migration.context.registeredAt = T0;
      const again = await store.getMigration("m1");
      expect(again?.status).toBe("running");
      expect(again?.context).toEqual({});
    });
  });
  describeRequestLeases(name, createStore);
  describeWebhookEventMigrations(name, createStore);
}
