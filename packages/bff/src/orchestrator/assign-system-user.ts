import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";

// One lookup per runtime: the system token does not change while the BFF runs.
const userIds = new WeakMap<BffRuntime, Promise<string>>();

/**
 * The partner's system user id: configured, or `user_id` of the system token's `debug_token`.
 *
 * @example
 * const userId = await systemUserId(rt);
 */
export function systemUserId(rt: BffRuntime): Promise<string> {
  const configured = rt.options.systemUserId;
  if (configured) return Promise.resolve(configured);
  let id = userIds.get(rt);
  if (!id) {
    id = rt.graph.debugToken(rt.options.systemToken).then(({ data }) => {
      if (!data.user_id)
        throw new BffError("config_invalid", {
          detail: "debug_token of the system token names no user_id; set systemUserId.",
        });
      return data.user_id;
    });
    // A failed lookup (Graph unavailable) is tried again next time.
    id.catch(() => userIds.delete(rt));
    userIds.set(rt, id);
  }
  return id;
}

/**
 * Adds the partner's system user to the customer's new account with the `MANAGE` task
 * (`POST /{waba}/assigned_users`), which Meta names as the prerequisite of
 * `whatsapp_credit_sharing_and_attach` after Embedded Signup ("Onboarding business customers as a
 * Solution Partner", step 3; "Manage System Users"). Check before act: a later attempt first
 * lists the account's users and assigns only when ours is missing.
 *
 * @example
 * await assignSystemUser(rt, wabaId, attempt);
 */
export async function assignSystemUser(
  rt: BffRuntime,
  wabaId: string,
  attempt: number,
): Promise<void> {
  const userId = await systemUserId(rt);
  if (attempt > 1) {
    const users = await rt.graph.listAssignedUsers(wabaId, rt.options.businessId);
    if (users.data.some((u) => u.id === userId)) return;
  }
  await rt.graph.assignSystemUser(wabaId, userId);
}

/**
 * Starts the system user lookup of a migration whose credit share is still to come, once its grant
 * check passed, so that its `debug_token` runs beside the source reads instead of in front of
 * `assigned_users` (one round trip off the critical path of a process's first migration). A
 * failure is left to the credit step, which asks again and reports it.
 *
 * @example
 * prefetchSystemUserId(rt, migration);
 */
export function prefetchSystemUserId(rt: BffRuntime, m: StoredMigration): void {
  const credit = m.steps.find((s) => s.id === "share_credit_line");
  if (credit?.status !== "pending" || m.context.allocationConfigId) return;
  systemUserId(rt).catch(() => {});
}
