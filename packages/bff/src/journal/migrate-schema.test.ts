import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { migrateSchema, readSchemaStatus } from "./migrate-schema.js";
import { createPostgresClient } from "./postgres-client.js";
import { SCHEMA_MIGRATIONS, type SchemaMigration } from "./schema-migrations.js";
import type { SqlClient } from "./sql-client.js";

const url = process.env.TEST_DATABASE_URL;
// Every version this code knows, and the newest: new versions need no change here.
const VERSIONS = SCHEMA_MIGRATIONS.map((m) => m.version);
const LATEST = VERSIONS.at(-1) ?? 0;

describe.skipIf(!url)("schema migrations on PostgreSQL (skipped without TEST_DATABASE_URL)", () => {
  let schema: string;
  let admin: SqlClient;
  let a: SqlClient;
  let b: SqlClient;
  beforeEach(async () => {
    schema = `wa_test_${randomBytes(6).toString("hex")}`;
    admin = await createPostgresClient({ connectionString: url ?? "", max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    a = await createPostgresClient({ connectionString: url ?? "", schema, max: 2 });
    b = await createPostgresClient({ connectionString: url ?? "", schema, max: 2 });
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
    await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.close();
  });

  test("two instances starting together apply each version exactly once", async () => {
    const [first, second] = await Promise.all([migrateSchema(a), migrateSchema(b)]);
    expect([...first.applied, ...second.applied]).toEqual(VERSIONS);
    expect(first.status.current).toBe(LATEST);
    expect(second.status.current).toBe(LATEST);
    expect(
      await admin.query(`SELECT version FROM ${schema}.wa_schema_migrations ORDER BY version`),
    ).toEqual(VERSIONS.map((version) => ({ version })));
  });

  test("two instances starting together on a server that defaults to repeatable read", async () => {
    // e.g. ALTER DATABASE ... SET default_transaction_isolation = 'repeatable read'
    const withDefault = new URL(url ?? "");
    withDefault.searchParams.set(
      "options",
      `-c search_path=${schema} -c default_transaction_isolation=repeatable\\ read`,
    );
    const c = await createPostgresClient({ connectionString: withDefault.toString(), max: 2 });
    const d = await createPostgresClient({ connectionString: withDefault.toString(), max: 2 });
    try {
      const [first, second] = await Promise.all([migrateSchema(c), migrateSchema(d)]);
      expect([...first.applied, ...second.applied]).toEqual(VERSIONS);
      expect(second.status.current).toBe(LATEST);
    } finally {
      await c.close();
      await d.close();
    }
  });

  test("a later version is applied forward on top and recorded; an edited one is reported", async () => {
    await migrateSchema(a);
    const next: SchemaMigration = {
      version: LATEST + 1,
      name: "migration_note",
      sql: "ALTER TABLE wa_migrations ADD COLUMN note text",
    };
    const result = await migrateSchema(a, [...SCHEMA_MIGRATIONS, next]);
    expect(result.applied).toEqual([LATEST + 1]);
    expect(result.status.applied.map((v) => [v.version, v.name])).toEqual([
      ...SCHEMA_MIGRATIONS.map((m) => [m.version, m.name]),
      [LATEST + 1, "migration_note"],
    ]);
    await a.query(
      "INSERT INTO wa_migrations (id, tenant, status, templates, note, created_at, updated_at) VALUES ('m', 't', 'running', '{}', 'hi', now(), now())",
    );

    const edited = { ...next, sql: `${next.sql} NOT NULL` };
    const status = await readSchemaStatus(a, [...SCHEMA_MIGRATIONS, edited]);
    expect(status).toMatchObject({
      current: LATEST + 1,
      latest: LATEST + 1,
      pending: [],
      modified: [LATEST + 1],
    });
  });

  test("a failing version rolls back entirely and leaves the database where it was", async () => {
    await migrateSchema(a);
    const broken: SchemaMigration[] = [
      ...SCHEMA_MIGRATIONS,
      { version: LATEST + 1, name: "ok_part", sql: "CREATE TABLE wa_extra (id text)" },
      { version: LATEST + 2, name: "broken", sql: "ALTER TABLE wa_missing ADD COLUMN x text" },
    ];
    await expect(migrateSchema(a, broken)).rejects.toThrow(/wa_missing/);
    const status = await readSchemaStatus(a, broken);
    expect(status.current).toBe(LATEST);
    expect(await a.query("SELECT to_regclass('wa_extra') IS NULL AS absent")).toEqual([
      { absent: true },
    ]);
  });
});
