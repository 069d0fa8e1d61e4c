import pg from "pg";
import { storableParams } from "../store/storable-text.js";
import { isConnectionFailure, JournalError, redactUrl } from "./journal-error.js";
import type { SqlClient, SqlExecutor, SqlRow } from "./sql-client.js";

/**
 * How to reach PostgreSQL.
 *
 * @example
 * const options: PostgresClientOptions = { connectionString: process.env.DATABASE_URL!, max: 20, connectTimeoutMs: 10_000 };
 * const db = await createPostgresClient(options);
 */
export interface PostgresClientOptions {
  connectionString: string;
  /** Schema for every connection's `search_path` (tests give each file its own); default `public`. */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
  /** How long the start-up check waits for the server before `store_unavailable`; default 5000 ms. */
  connectTimeoutMs?: number;
  /**
   * How long a query may wait for a free pooled connection (pg counts the queue and the connect
   * together); default 60000 ms, so a burst of work queues instead of failing.
   */
  acquireTimeoutMs?: number;
}

function unavailable(url: string, cause: unknown): JournalError {
  return new JournalError(
    "store_unavailable",
    `PostgreSQL at ${redactUrl(url)} is not reachable.`,
    {
      cause,
    },
  );
}

/**
 * Opens a `pg` pool and checks that the server answers, so a wrong `DATABASE_URL` fails at start
 * with `store_unavailable` instead of at the first migration.
 *
 * @example
 * const db = await createPostgresClient({ connectionString: process.env.DATABASE_URL! });
 */
export async function createPostgresClient(options: PostgresClientOptions): Promise<SqlClient> {
  const { connectionString } = options;
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new TypeError("schema must be a lower-case SQL identifier");
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 60_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    // Session settings the journal relies on, whatever the server, database or role defaults to:
    // pg parses timestamptz text only in the ISO style (`SQL, DMY` would read every time back as
    // null), and leases expect each statement to see what committed before it (read committed).
    onConnect: (conn) =>
      conn.query("SET DateStyle = ISO; SET default_transaction_isolation = 'read committed'"),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});

  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (cause) {
      throw isConnectionFailure(cause) ? unavailable(connectionString, cause) : cause;
    }
  };
  const on = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    query: <T extends SqlRow>(text: string, params: readonly unknown[] = []) =>
      wrap(async () => (await target.query<T>(text, storableParams(params))).rows),
    // Without parameters pg uses the simple protocol, which accepts several statements.
    exec: (script: string) => wrap(async () => void (await target.query(script))),
  });

  const client: SqlClient = {
    backend: "postgres",
    ...on(pool),
    async transaction(fn) {
      const conn = await wrap(() => pool.connect());
      try {
        // Leases and the schema lock rely on each statement seeing what committed before it,
        // whatever default_transaction_isolation the server was given.
        await conn.query("BEGIN ISOLATION LEVEL READ COMMITTED");
        const result = await fn(on(conn));
        await conn.query("COMMIT");
        return result;
      } catch (error) {
        await conn.query("ROLLBACK").catch(() => {});
        throw isConnectionFailure(error) ? unavailable(connectionString, error) : error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
  // The start-up check uses its own short-lived connection with the short timeout: a wrong
  // DATABASE_URL fails in seconds, while the pool above may wait longer under load.
  const probe = new pg.Client({
    connectionString,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  try {
    await probe.connect();
    await probe.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw unavailable(connectionString, error);
  } finally {
    await probe.end().catch(() => {});
  }
  return client;
}
