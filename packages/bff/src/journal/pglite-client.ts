import { PGlite, type Transaction } from "@electric-sql/pglite";
import { storableParams } from "../store/storable-text.js";
import { type DataDirLock, diskPathOf, lockDataDir } from "./data-dir-lock.js";
import { JournalError } from "./journal-error.js";
import type { SqlClient, SqlExecutor, SqlRow } from "./sql-client.js";

/**
 * Where the embedded database lives.
 *
 * @example
 * const options: PgliteClientOptions = { dataDir: "memory://" };
 * const db = await createPgliteClient(options);
 */
export interface PgliteClientOptions {
  /** A directory on disk (a path or `file://path`, locked), or `memory://` / absent for a throw-away one. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (tests: skips initdb, about three times faster). */
  loadDataDir?: Blob;
}

function executor(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<T extends SqlRow>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(text, storableParams(params));
      return result.rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  };
}

/**
 * Opens the embedded PostgreSQL (PGlite). It has one connection: transactions are serialised by
 * PGlite's own mutex, so row locks never contend, and the same SQL as on PostgreSQL stays correct.
 *
 * @example
 * const db = await createPgliteClient({ dataDir: "./.wa-migrate/db" });
 */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  // A directory on disk belongs to one process at a time (see lockDataDir); memory is private.
  const disk = options.dataDir === undefined ? null : diskPathOf(options.dataDir);
  const lock: DataDirLock | null = disk === null ? null : await lockDataDir(disk);
  let db: PGlite;
  try {
    db = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
  } catch (cause) {
    await lock?.release();
    const where = options.dataDir ?? "memory";
    throw new JournalError(
      "store_unavailable",
      `The embedded database at ${where} could not be opened.`,
      {
        cause,
      },
    );
  }
  const base = executor(db);
  return {
    backend: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    async close() {
      if (!db.closed) await db.close();
      await lock?.release();
    },
  };
}
