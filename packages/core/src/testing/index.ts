/**
 * @wa-migrate/core/testing: a fake of Meta's JavaScript SDK and an in-memory BFF client, for tests,
 * stories and demos without Meta or a server. Not for production code.
 *
 * @example
 * import { createFakeFacebookSdk, createMemoryBffClient } from "@wa-migrate/core/testing";
 * const flow = createMigrationFlow({ appId: "1", configId: "2", sdk: createFakeFacebookSdk(), client: createMemoryBffClient() });
 */
export { buildMigration, migrationError } from "./build-migration.js";
export {
  createFakeFacebookSdk,
  type FakeFacebookSdk,
  type FakeFacebookSdkOptions,
  type FakeSignupOutcome,
} from "./create-fake-facebook-sdk.js";
export {
  createMemoryBffClient,
  type MemoryBffClient,
  type MemoryBffClientOptions,
} from "./create-memory-bff-client.js";
