import { DEFAULT_DATA_DIR, type JournalOptions } from "./open-journal-store.js";

/**
 * The journal's settings from the environment: PostgreSQL when `DATABASE_URL` is set, else PGlite
 * in `WA_MIGRATE_DATA_DIR` (default `./.wa-migrate/db`). Used by the server and by `db:*` commands,
 * so both always open the same database.
 *
 * @example
 * const store = await openJournalStore(journalOptionsFromEnv(process.env));
 */
export function journalOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): JournalOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  return { dataDir: env.WA_MIGRATE_DATA_DIR?.trim() || DEFAULT_DATA_DIR };
}
