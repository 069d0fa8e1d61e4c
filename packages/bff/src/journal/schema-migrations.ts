import { initialSchema } from "./schema/0001-initial.js";
import { requestLeasesSchema } from "./schema/0002-request-leases.js";

/**
 * One forward-only change of the journal's schema. Versions are consecutive from 1; a released
 * migration is never edited (its checksum is recorded), a change is a new version.
 *
 * @example
 * const m: SchemaMigration = { version: 2, name: "webhook_index", sql: "CREATE INDEX ..." };
 */
export interface SchemaMigration {
  readonly version: number;
  readonly name: string;
  /** PostgreSQL statements that run unchanged on PGlite (Postgres 18) and PostgreSQL >= 13. */
  readonly sql: string;
}

/**
 * Every schema version this code knows, oldest first. The last one is the version the code needs.
 *
 * @example
 * SCHEMA_MIGRATIONS.at(-1)?.version; // the newest version
 */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [initialSchema, requestLeasesSchema];
