import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";
import { sameNumber } from "./same-number.js";

/**
 * The newest migration of `m`'s tenant created after `m` that captured the same phone number (the
 * same phone number id, or the same digits of its display number, in case Meta gives the number a
 * new id in a new account), whatever its status; null when there is none. Meta moves a number into
 * the account of its latest Embedded Signup, so such a migration has taken the number over.
 *
 * @example
 * const later = await findLaterRun(rt, migration);
 * if (later) throw new BffError("migration_superseded", { detail: `Migration ${later.id} ...` });
 */
export async function findLaterRun(
  rt: BffRuntime,
  m: StoredMigration,
): Promise<StoredMigration | null> {
  const same = sameNumber(m);
  const created = Date.parse(m.createdAt);
  const isLater = (o: StoredMigration) => {
    const at = Date.parse(o.createdAt);
    return at > created || (at === created && o.id > m.id);
  };
  // Newest first: the walk ends at the first page that reaches back to `m` itself.
  let cursor: string | undefined;
  do {
    const page = await rt.store.listMigrations({ tenant: m.tenant, cursor, limit: 100 });
    const later = page.items.filter((o) => o.id !== m.id && isLater(o));
    const found = later.find(same);
    if (found) return found;
    if (later.length < page.items.length) return null;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}
