/**
 * One row as the database returns it: column name to value.
 *
 * @example
 * const rows: SqlRow[] = await db.query("SELECT id, status FROM wa_migrations LIMIT 5");
 */
export type SqlRow = Record<string, unknown>;

/**
 * Which engine answers: the embedded PGlite or a PostgreSQL server.
 *
 * @example
 * const backend: SqlBackend = db.backend; // "pglite" or "postgres"
 */
export type SqlBackend = "pglite" | "postgres";

/**
 * What a query can run on: the client itself or an open transaction. The journal speaks plain
 * PostgreSQL (numbered `$1` parameters) and nothing else, so the same statements run on both backends.
 *
 * @example
 * const [row] = await db.query<{ n: number }>("select 1 as n"); // row?.n === 1
 */
export interface SqlExecutor {
  /** Runs one statement with numbered parameters and returns its rows. */
  query<T extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (schema migrations). */
  exec(script: string): Promise<void>;
}

/**
 * The tiny adapter the journal uses over `@electric-sql/pglite` and `pg`.
 *
 * @example
 * const db = await createPgliteClient({ dataDir: "memory://" });
 * await db.transaction(async (tx) => {
 *   await tx.query("insert into t (id) values ($1)", ["a"]);
 * });
 * await db.close();
 */
export interface SqlClient extends SqlExecutor {
  readonly backend: SqlBackend;
  /** Runs `fn` inside BEGIN/COMMIT on one connection; any throw rolls back and is rethrown. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Releases the connection pool or the embedded database. */
  close(): Promise<void>;
}
