import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { ERROR_CATALOG } from "@wa-migrate/contracts";
import { parseEncryptionKeys } from "../crypto/secret-box.js";
import { diskPathOf } from "./data-dir-lock.js";
import { journalOptionsFromEnv } from "./journal-env.js";
import { JournalError, type JournalErrorCode, redactUrl } from "./journal-error.js";
import { readJournalReport } from "./journal-report.js";
import { migrateSchema, readSchemaStatus } from "./migrate-schema.js";
import { type JournalOptions, openSqlClient } from "./open-journal-store.js";
import type { SqlClient } from "./sql-client.js";

/**
 * What a `db:*` command printed and how it ended (0 ok, 1 a problem was found, 2 bad usage).
 *
 * @example
 * const { exitCode, stdout, stderr }: JournalCommandResult = await runJournalCommand(["db:status"], process.env);
 */
export interface JournalCommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const USAGE = `usage: wa-migrate-bff db:migrate | db:status
  db:migrate  apply pending schema versions to the journal
  db:status   show the schema version, migrations by status, running steps and key ids in use
The journal is PostgreSQL when DATABASE_URL is set, else PGlite in WA_MIGRATE_DATA_DIR (default ./.wa-migrate/db).`;

function describeTarget(options: JournalOptions): string {
  return options.databaseUrl
    ? `PostgreSQL at ${redactUrl(options.databaseUrl)}`
    : `PGlite at ${resolve(diskPathOf(options.dataDir ?? "") ?? options.dataDir ?? "")}`;
}

function problem(code: JournalErrorCode, detail: string): string {
  return `error ${code}: ${detail} ${ERROR_CATALOG[code].remedy}`;
}

function keyIdsOf(value: string): { ids: string[] } | { error: string } {
  try {
    return { ids: parseEncryptionKeys(value).map((k) => k.id) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "unreadable" };
  }
}

async function status(
  db: SqlClient,
  env: Readonly<Record<string, string | undefined>>,
  out: string[],
  err: string[],
) {
  const schema = await readSchemaStatus(db);
  out.push(`schema: version ${schema.current} (this code knows up to ${schema.latest})`);
  if (schema.current > schema.latest) {
    err.push(problem("schema_too_new", `The database is at version ${schema.current}.`));
    return;
  }
  for (const p of schema.pending) out.push(`  pending: ${p.version} ${p.name}`);
  if (schema.pending.length > 0)
    err.push("pending schema versions: run `wa-migrate-bff db:migrate`.");
  for (const v of schema.modified)
    err.push(`schema version ${v} was changed after it was applied.`);
  if (schema.current < schema.latest) return;

  const report = await readJournalReport(db);
  const counts = Object.entries(report.migrations).map(([s, n]) => `${s} ${n}`);
  out.push(`migrations: ${counts.length > 0 ? counts.join(", ") : "none"}`);
  for (const s of report.runningSteps) {
    out.push(
      `  running: ${s.migrationId} ${s.stepId} (lease ${s.leaseOwner ?? "none"} until ${s.leaseExpiresAt ?? "-"})`,
    );
  }
  const inUse = Object.keys(report.secretsByKeyId);
  out.push(
    `secrets by key id: ${inUse.map((k) => `${k} ${report.secretsByKeyId[k]}`).join(", ") || "none"}`,
  );
  const configured = env.WA_MIGRATE_ENCRYPTION_KEY;
  if (!configured) {
    if (inUse.length > 0)
      out.push("  (set WA_MIGRATE_ENCRYPTION_KEY to check that every key id is configured)");
    return;
  }
  const keys = keyIdsOf(configured);
  if ("error" in keys) {
    err.push(`WA_MIGRATE_ENCRYPTION_KEY is invalid: ${keys.error}`);
    return;
  }
  const unknown = inUse.filter((id) => !keys.ids.includes(id));
  if (unknown.length > 0) {
    err.push(
      problem(
        "unknown_key_id",
        `Secrets sealed with key id(s) ${unknown.join(", ")} cannot be opened.`,
      ),
    );
  }
}

/**
 * Runs `db:migrate` or `db:status` against the journal named by `env` and returns what to print;
 * never throws (an unreachable database or a too-new schema is an error line and exit code 1).
 *
 * @example
 * const { exitCode, stdout, stderr } = await runJournalCommand(["db:status"], process.env);
 * process.stdout.write(stdout); process.stderr.write(stderr); process.exitCode = exitCode;
 */
export async function runJournalCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<JournalCommandResult> {
  const [command, ...rest] = argv;
  if ((command !== "db:migrate" && command !== "db:status") || rest.length > 0) {
    return { exitCode: 2, stdout: "", stderr: `${USAGE}\n` };
  }
  const options = journalOptionsFromEnv(env);
  const out = [`journal: ${describeTarget(options)}`];
  const err: string[] = [];
  const finish = (): JournalCommandResult => ({
    exitCode: err.length > 0 ? 1 : 0,
    stdout: `${out.join("\n")}\n`,
    stderr: err.length > 0 ? `${err.join("\n")}\n` : "",
  });

  const dir = options.dataDir === undefined ? null : diskPathOf(options.dataDir);
  if (command === "db:status" && dir && (!existsSync(dir) || readdirSync(dir).length === 0)) {
    err.push(
      "no journal database exists here yet: run `wa-migrate-bff db:migrate` (or start the server).",
    );
    return finish();
  }
  let db: SqlClient | undefined;
  try {
    db = await openSqlClient(options);
    if (command === "db:migrate") {
      const { applied, status: after } = await migrateSchema(db);
      out.push(
        applied.length > 0
          ? `applied schema version(s) ${applied.join(", ")}; now at version ${after.current}`
          : `schema is up to date at version ${after.current}`,
      );
    } else {
      await status(db, env, out, err);
    }
  } catch (error) {
    if (error instanceof JournalError) err.push(problem(error.code, error.message));
    else
      err.push(
        `error: ${command} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
  } finally {
    await db?.close().catch(() => {});
  }
  return finish();
}
