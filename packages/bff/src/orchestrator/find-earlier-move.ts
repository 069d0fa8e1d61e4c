import type { PhoneNumber } from "@wa-migrate/contracts";
import { GraphError } from "../graph/graph-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import { followCursors, MAX_PHONE_PAGES } from "./follow-cursors.js";
import type { BffRuntime } from "./runtime.js";
import { phoneDigits, sameNumber } from "./same-number.js";

/** What is read of the earlier destination's numbers: enough to find ours and its state. */
const FIELDS = ["id", "display_phone_number", "status", "platform_type", "last_onboarded_time"];

/**
 * Whether Meta shows the number `earlier` moved still where that migration put it, sending through
 * us: listed in its destination account (read with our system token, which that migration's
 * `assigned_users` gave MANAGE on it), CONNECTED on CLOUD_API, and not onboarded again since our
 * registration (Meta's `last_onboarded_time`, whole seconds: a later one is someone else's
 * registration). A permanent refusal of the read (the account no longer lets us in) is "no"; so
 * is a transient one, after a warning: the caller then reports Meta's own refusal, and a retry
 * asks again.
 */
async function stillOurs(
  rt: BffRuntime,
  m: StoredMigration,
  earlier: StoredMigration,
): Promise<boolean> {
  const wabaId = earlier.wabaId;
  if (!wabaId) return false;
  const ids = [earlier.phoneNumberId, m.phoneNumberId].filter((id) => id !== null);
  const number = phoneDigits(earlier.phone?.displayPhoneNumber ?? m.phone?.displayPhoneNumber);
  const isIt = (p: PhoneNumber) =>
    ids.includes(p.id) || (number !== "" && phoneDigits(p.display_phone_number) === number);
  const token = rt.options.systemToken;
  try {
    const first = await rt.graph.listPhones(wabaId, token, undefined, FIELDS);
    const phones = await followCursors(
      first,
      (after) => rt.graph.listPhones(wabaId, token, after, FIELDS),
      { maxPages: MAX_PHONE_PAGES, done: (items) => items.some(isIt) },
    );
    const phone = phones.find(isIt);
    if (phone?.status !== "CONNECTED" || phone.platform_type !== "CLOUD_API") return false;
    const onboarded = Date.parse(phone.last_onboarded_time ?? "");
    const cutover = Date.parse(earlier.billingCutoverAt ?? "");
    return !(onboarded > cutover);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.transient)
      rt.log.warn("earlier move not confirmed", { migrationId: m.id, earlier: earlier.id, error });
    return false;
  }
}

/**
 * The newest completed migration of `m`'s tenant, created before `m`, that moved the same phone
 * number and that Meta still shows sending through us (see `stillOurs`); null when there is none.
 * Asked only when Meta refuses a registration for two-step verification: a number this partner
 * already registered has the PIN that registration set. A number that left since (moved to
 * another account, deregistered) is not claimed: the caller reports Meta's refusal as it is.
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
  // The number is in one account at a time: each earlier destination is asked once.
  const asked = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await rt.store.listMigrations({
      tenant: m.tenant,
      status: "completed",
      cursor,
      limit: 100,
    });
    for (const o of page.items) {
      if (!same(o) || Date.parse(o.createdAt) > created || asked.has(o.wabaId ?? "")) continue;
      asked.add(o.wabaId ?? "");
      if (await stillOurs(rt, m, o)) return o;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return null;
}
