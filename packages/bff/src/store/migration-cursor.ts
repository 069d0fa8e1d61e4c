import type { StoredMigration } from "./migration-store.js";

/** Where a page of migrations ends: the last item's `createdAt` and id (newest first). */
export interface MigrationCursor {
  createdAt: string;
  id: string;
}

// Only the exact form `toISOString` writes, for a real instant: a cursor comes back from outside
// (a query string), and PostgreSQL's `timestamptz` refuses some dates `Date.parse` takes
// ("2020-02-30", "+275760-09-13T00:00:00.000Z", "1"), which would turn bad input into an outage.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The opaque `nextCursor` of a page that ends with `last`.
 *
 * @example
 * const nextCursor = encodeMigrationCursor(items.at(-1));
 */
export function encodeMigrationCursor(last: Pick<StoredMigration, "createdAt" | "id">): string {
  return Buffer.from(JSON.stringify([last.createdAt, last.id])).toString("base64url");
}

/**
 * Reads a cursor {@link encodeMigrationCursor} wrote; anything else is null, and the listing starts
 * from the top, as `MigrationStore.listMigrations` promises.
 *
 * @example
 * decodeMigrationCursor(encodeMigrationCursor(m)); // { createdAt: m.createdAt, id: m.id }
 * decodeMigrationCursor("garbage"); // null
 */
export function decodeMigrationCursor(cursor: string | undefined): MigrationCursor | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      ISO_INSTANT.test(value[0]) &&
      new Date(value[0]).toISOString() === value[0]
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // Not base64url JSON: not a cursor this store wrote.
  }
  return null;
}
