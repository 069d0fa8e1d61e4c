import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";
import { sameNumber } from "./same-number.js";

/**
 * The newest completed migration of `m`'s tenant, created before `m`, that moved the same phone
 * number; null when there is none. Asked only when Meta refuses a registration for two-step
 * verification: a number this partner already registered has the PIN that registration set.
 *
 * @example
 * const earlier = await findEarlierMove(rt, migration);
 * if (earlier) throw new BffError("number_already_moved", { detail: `Migration ${earlier.id} ...` });
 */
export async function findEarlierMove(
  rt: BffRuntime,
  m: StoredMigration,
): Promise<StoredMigration | null> {
  const same = sameNumber(m);
  const created = Date.parse(m.createdAt);
  let cursor: string | undefined;
  do {
    const page = await rt.store.listMigrations({
      tenant: m.tenant,
      status: "completed",
      cursor,
      limit: 100,
    });
    const found = page.items.find((o) => same(o) && Date.parse(o.createdAt) <= created);
    if (found) return found;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}
