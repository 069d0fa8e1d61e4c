import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { newMigrationFixture } from "../store/migration-fixture.js";
import { StoreError } from "../store/store-error.js";
import { JournalError } from "./journal-error.js";
import { openJournalStore } from "./open-journal-store.js";

const T0 = "2026-11-25T10:00:00.000Z";
const T1 = "2026-11-25T10:00:01.000Z";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wa-journal-open-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("a PGlite journal keeps migrations across a restart and frees the dead process's leases", {
  timeout: 60_000,
}, async () => {
  const dataDir = join(dir, "db");
  const first = await openJournalStore({ dataDir });
  await first.createMigration(newMigrationFixture({ id: "m1" }));
  await first.claimStep("m1", "capture_assets", { owner: "i-1", leaseMs: 600_000, now: T0 });
  await first.putSecret("m1", "business_token", { keyId: "k1", ciphertext: "AAAA" });
  await first.close();

  const second = await openJournalStore({ dataDir });
  try {
    expect(await second.listResumableMigrations()).toEqual(["m1"]);
    expect(await second.getSecret("m1", "business_token")).toEqual({
      keyId: "k1",
      ciphertext: "AAAA",
    });
    // The lease of i-1 ran for ten minutes, but i-1 is gone: the new process claims at once.
    const claimed = await second.claimStep("m1", "capture_assets", {
      owner: "i-2",
      leaseMs: 60_000,
      now: T1,
    });
    expect(claimed?.steps.find((s) => s.id === "capture_assets")).toMatchObject({
      status: "running",
      attempts: 2,
      leaseOwner: "i-2",
    });
  } finally {
    await second.close();
  }
});

test("an unreachable PostgreSQL fails at open with store_unavailable", async () => {
  const error = await openJournalStore({
    databaseUrl: "postgres://postgres@127.0.0.1:1/test",
  }).catch((e) => e);
  expect(error).toBeInstanceOf(JournalError);
  expect(error.code).toBe("store_unavailable");
});

test.skipIf(!process.env.TEST_DATABASE_URL)(
  "a store whose database goes away answers StoreError unavailable (skipped without TEST_DATABASE_URL)",
  async () => {
    const store = await openJournalStore({ databaseUrl: process.env.TEST_DATABASE_URL ?? "" });
    await store.close();
    const error = await store.ping().catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.kind).toBe("unavailable");
  },
);
