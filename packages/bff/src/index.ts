/**
 * @wa-migrate/bff: the Hono app that carries out a WhatsApp number migration, and its journal.
 *
 * @example
 * import { createMigrationBff, createMemoryStore } from "@wa-migrate/bff";
 * app.route("/wa", createMigrationBff({ ...options, store: createMemoryStore() }));
 */
export { createMigrationBff, type MigrationBff } from "./app/create-migration-bff.js";
export type { MigrationBffOptions } from "./config/bff-options.js";
export { ConfigError, type EnvConfig, loadEnvConfig } from "./config/env-config.js";
export {
  createSecretBox,
  type EncryptionKey,
  parseEncryptionKeys,
  type SecretBox,
  SecretBoxError,
  secretContext,
} from "./crypto/secret-box.js";
export { BffError, migrationError } from "./errors/bff-error.js";
export { problemDetails } from "./errors/problem-details.js";
export {
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
} from "./graph/graph-client.js";
export { errorCodeOfGraph, GraphError } from "./graph/graph-error.js";
export * from "./journal/index.js";
export { createLogger, type LogFields, type Logger, type LoggerOptions } from "./log/logger.js";
export { openApiDocument } from "./routes/openapi-document.js";
export { main, type RunningServer, startServer } from "./server/start-server.js";
export { createMemoryStore } from "./store/memory-store.js";
export { newMigrationFixture } from "./store/migration-fixture.js";
export type * from "./store/migration-store.js";
export { StoreError, type StoreErrorKind } from "./store/store-error.js";
export type * from "./store/stored-templates-report.js";
export { toMigration } from "./store/to-migration.js";
