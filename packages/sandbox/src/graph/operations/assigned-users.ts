import type { TokenRecord } from "../../state/types.js";
import { requireSystemToken, requireToken } from "../auth.js";
import { apiError, invalidParam, missingParam, unsupportedRequest } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { list, requireStr, str } from "../params.js";
import { wabaUsage } from "./waba-usage.js";

/** Tasks a WABA user may get (codegen `whatsappbusinessaccountassigned_users_tasks_enum_param`). */
export const WABA_TASKS = [
  "DEVELOP",
  "MANAGE",
  "MANAGE_EXTENSIONS",
  "MANAGE_PHONE",
  "MANAGE_PHONE_ASSETS",
  "MANAGE_TEMPLATES",
  "MESSAGING",
  "VIEW_COST",
  "VIEW_PHONE_ASSETS",
  "VIEW_TEMPLATES",
] as const;

const SCOPES = ["whatsapp_business_management", "whatsapp_business_messaging"];

/** The WABA of the route, seen by the partner only once the customer shared it with them. */
function sharedWaba(ctx: OperationContext) {
  const waba = ctx.sandbox.state.wabas.get(ctx.nodeId);
  if (!waba?.partnerBusinessIds.includes(ctx.sandbox.state.partner.businessId))
    throw unsupportedRequest(ctx.method, ctx.nodeId);
  return waba;
}

/** The token's grant on a WABA: `whatsapp_business_management` and `_messaging`, newest first. */
function grant(token: TokenRecord, wabaId: string): void {
  for (const scope of SCOPES) {
    let entry = token.granularScopes.find((g) => g.scope === scope);
    if (!entry) {
      entry = { scope, target_ids: [] };
      token.granularScopes.push(entry);
    }
    entry.target_ids = [wabaId, ...entry.target_ids.filter((id) => id !== wabaId)];
  }
}

/**
 * `POST /{waba-id}/assigned_users?user=&tasks=` (OpenAPI `addAssignedUser`; Meta's "Manage System
 * Users"; codegen params `user`, `tasks`, both required), with the partner's admin system user
 * token: gives one of the partner's system users tasks on a WABA the customer shared with the
 * partner. `MANAGE` gives the system token access to the account, which
 * `whatsapp_credit_sharing_and_attach` needs. Assigning again replaces the tasks.
 */
export const addAssignedUser: Operation = {
  name: "addAssignedUser",
  usage: wabaUsage,
  run(ctx) {
    requireSystemToken(ctx);
    const waba = sharedWaba(ctx);
    const { partner } = ctx.sandbox.state;
    const user = requireStr(ctx.params, "user");
    const tasks = list(ctx.params, "tasks");
    if (!tasks || tasks.length === 0) throw missingParam("tasks");
    const unknown = tasks.filter((t) => !(WABA_TASKS as readonly string[]).includes(t));
    if (unknown.length > 0) throw invalidParam("tasks", `must be some of ${WABA_TASKS.join(", ")}`);
    if (user !== partner.systemUserId)
      throw apiError(100, { details: `${user} is not a system user of your business.` });
    waba.assignedUsers = [
      ...waba.assignedUsers.filter((u) => u.id !== user),
      { id: user, tasks: [...new Set(tasks)] },
    ];
    const system = ctx.sandbox.state.tokens.get(partner.systemToken);
    if (system && tasks.includes("MANAGE")) grant(system, waba.id);
    return { body: { success: true } };
  },
};

/**
 * `GET /{waba-id}/assigned_users?business=` (OpenAPI `getAssignedUsers`, `business` required): the
 * account's users with their tasks, as Meta's "Manage System Users" example lists them.
 */
export const getAssignedUsers: Operation = {
  name: "getAssignedUsers",
  usage: wabaUsage,
  run(ctx) {
    requireToken(ctx);
    const waba = sharedWaba(ctx);
    if (!str(ctx.params, "business"))
      throw apiError(100, { details: "The parameter business is required to specify a business" });
    return {
      body: {
        data: waba.assignedUsers.map((u) => ({
          id: u.id,
          name: "Partner system user",
          tasks: [...u.tasks],
        })),
      },
    };
  },
};
