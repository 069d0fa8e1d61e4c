// The durable journal: the SQL MigrationStore on PGlite (default) or PostgreSQL (DATABASE_URL).
export { type JournalCommandResult, runJournalCommand } from "./cli.js";
export { journalOptionsFromEnv } from "./journal-env.js";
export { JournalError, type JournalErrorCode } from "./journal-error.js";
export { type JournalReport, readJournalReport } from "./journal-report.js";
export {
  type AppliedSchemaVersion,
  migrateSchema,
  readSchemaStatus,
  type SchemaStatus,
} from "./migrate-schema.js";
export {
  DEFAULT_DATA_DIR,
  type JournalOptions,
  openJournalStore,
  openSqlClient,
} from "./open-journal-store.js";
export { createPgliteClient, type PgliteClientOptions } from "./pglite-client.js";
export { createPostgresClient, type PostgresClientOptions } from "./postgres-client.js";
export { SCHEMA_MIGRATIONS, type SchemaMigration } from "./schema-migrations.js";
export type { SqlBackend, SqlClient, SqlExecutor, SqlRow } from "./sql-client.js";
export { createSqlMigrationStore } from "./sql-migration-store.js";
