import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newMigrationFixture } from "../store/migration-fixture.js";
import { runJournalCommand } from "./cli.js";
import { JournalError } from "./journal-error.js";
import { openJournalStore } from "./open-journal-store.js";
import { createPostgresClient } from "./postgres-client.js";
import type { SqlClient } from "./sql-client.js";

const url = process.env.TEST_DATABASE_URL;
const key32 = (fill: number) => Buffer.alloc(32, fill).toString("base64");

test("an unknown command prints the usage and exits 2", async () => {
  const result = await runJournalCommand(["db:drop"], {});
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("usage: wa-migrate-bff db:migrate | db:status");
});

test("an unreachable PostgreSQL is a clear store_unavailable error without the password", async () => {
  const result = await runJournalCommand(["db:status"], {
    DATABASE_URL: "postgres://postgres:hunter2@127.0.0.1:1/test",
  });
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toContain(
    "error store_unavailable: PostgreSQL at postgres://postgres:***@127.0.0.1:1/test",
  );
  expect(result.stderr).toContain("Check DATABASE_URL");
  expect(`${result.stdout}${result.stderr}`).not.toContain("hunter2");
});

test.each([
  ["password", "postgres://postgres@127.0.0.1:1/test?password=hunter2"],
  ["sslpassword", "postgres://postgres@127.0.0.1:1/test?sslmode=require&sslpassword=hunter2"],
  ["PASSWORD", "postgres://postgres@127.0.0.1:1/test?PASSWORD=hunter2"],
])(
  "a password given as the query parameter %s never reaches the output",
  async (_name, databaseUrl) => {
    // pg reads every query parameter as a connection setting, `password` included.
    const result = await runJournalCommand(["db:status"], { DATABASE_URL: databaseUrl });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      "error store_unavailable: PostgreSQL at postgres://postgres@127.0.0.1:1/test",
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain("hunter2");
  },
);

describe("on PGlite", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wa-journal-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("status before any database, then migrate, then status", { timeout: 60_000 }, async () => {
    const env = { WA_MIGRATE_DATA_DIR: join(dir, "db") };
    const before = await runJournalCommand(["db:status"], env);
    expect(before.exitCode).toBe(1);
    expect(before.stderr).toContain("no journal database exists here yet");

    const migrated = await runJournalCommand(["db:migrate"], env);
    expect(migrated).toMatchObject({ exitCode: 0, stderr: "" });
    expect(migrated.stdout).toContain(`journal: PGlite at ${join(dir, "db")}`);
    expect(migrated.stdout).toContain("applied schema version(s) 1, 2; now at version 2");

    const after = await runJournalCommand(["db:status"], env);
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain("schema: version 2 (this code knows up to 2)");
    expect(after.stdout).toContain("migrations: none");
  });
});

describe.skipIf(!url)("on PostgreSQL (skipped without TEST_DATABASE_URL)", () => {
  const schema = `wa_test_${randomBytes(6).toString("hex")}`;
  const env = () => ({ DATABASE_URL: `${url}?options=-c%20search_path%3D${schema}` });
  let admin: SqlClient;
  beforeAll(async () => {
    admin = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  test("status lists the pending version, migrate applies it once", async () => {
    const before = await runJournalCommand(["db:status"], env());
    expect(before.exitCode).toBe(1);
    expect(before.stdout).toContain("schema: version 0 (this code knows up to 2)");
    expect(before.stdout).toContain("pending: 1 initial");
    expect(before.stderr).toContain("run `wa-migrate-bff db:migrate`");

    expect((await runJournalCommand(["db:migrate"], env())).stdout).toContain(
      "applied schema version(s) 1, 2",
    );
    const again = await runJournalCommand(["db:migrate"], env());
    expect(again.stdout).toContain("schema is up to date at version 2");
    const rows = await admin.query(`SELECT version, name FROM ${schema}.wa_schema_migrations`);
    expect(rows).toEqual([
      { version: 1, name: "initial" },
      { version: 2, name: "request_leases" },
    ]);
  });

  test("status counts migrations, shows running leases and flags secrets under an unknown key id", async () => {
    await runJournalCommand(["db:migrate"], env());
    const store = await openJournalStore({ databaseUrl: url ?? "", schema });
    await store.createMigration(newMigrationFixture({ id: "m1" }));
    await store.createMigration(newMigrationFixture({ id: "m2", status: "completed" }));
    await store.claimStep("m1", "register_phone", {
      owner: "i-1",
      leaseMs: 30_000,
      now: "2026-11-25T10:00:00.000Z",
    });
    await store.putSecret("m1", "business_token", { keyId: "old", ciphertext: "AAAA" });
    await store.close();

    const withNewKey = await runJournalCommand(["db:status"], {
      ...env(),
      WA_MIGRATE_ENCRYPTION_KEY: `new:${key32(1)}`,
    });
    expect(withNewKey.exitCode).toBe(1);
    expect(withNewKey.stdout).toContain("migrations: completed 1, running 1");
    expect(withNewKey.stdout).toContain(
      "running: m1 register_phone (lease i-1 until 2026-11-25T10:00:30.000Z)",
    );
    expect(withNewKey.stdout).toContain("secrets by key id: old 1");
    expect(withNewKey.stderr).toContain(
      "error unknown_key_id: Secrets sealed with key id(s) old cannot be opened.",
    );

    const withBoth = await runJournalCommand(["db:status"], {
      ...env(),
      WA_MIGRATE_ENCRYPTION_KEY: `new:${key32(1)},old:${key32(2)}`,
    });
    expect(withBoth).toMatchObject({ exitCode: 0, stderr: "" });
  });

  test("a schema newer than the code is refused by status, migrate and the server's store", async () => {
    await runJournalCommand(["db:migrate"], env());
    await admin.query(
      `INSERT INTO ${schema}.wa_schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')`,
    );
    try {
      const status = await runJournalCommand(["db:status"], env());
      expect(status.exitCode).toBe(1);
      expect(status.stderr).toContain("error schema_too_new");
      const migrate = await runJournalCommand(["db:migrate"], env());
      expect(migrate.stderr).toContain(
        "error schema_too_new: The database schema is at version 99",
      );
      const error = await openJournalStore({ databaseUrl: url ?? "", schema }).catch((e) => e);
      expect(error).toBeInstanceOf(JournalError);
      expect(error.code).toBe("schema_too_new");
    } finally {
      await admin.query(`DELETE FROM ${schema}.wa_schema_migrations WHERE version = 99`);
    }
  });
});
