import type { SandboxState } from "../state/sandbox-state.js";
import { GraphError, unsupportedRequest } from "./graph-error.js";
import type { Operation } from "./operation.js";
import { getAppSubscriptions } from "./operations/app-subscriptions.js";
import { addAssignedUser, getAssignedUsers } from "./operations/assigned-users.js";
import { getBusiness } from "./operations/business.js";
import {
  deleteAllocationConfig,
  getAllocationConfig,
  getCreditLines,
  getOwningAllocationConfigs,
  shareCreditLine,
} from "./operations/credit.js";
import { multiIdRead } from "./operations/multi-id-read.js";
import { debugToken, exchangeCode } from "./operations/oauth.js";
import { getPhone, requestCode, updatePhone, verifyCode } from "./operations/phone.js";
import { deregister, register } from "./operations/registration.js";
import { getSubscribedApps, subscribeApp, unsubscribeApp } from "./operations/subscribed-apps.js";
import { getTemplate, getTemplates, migrateTemplates } from "./operations/templates.js";
import { createPhoneNumber, getPhoneNumbers, getWaba, unknownEdge } from "./operations/waba.js";
import type { Params } from "./params.js";

type NodeKind = NonNullable<ReturnType<SandboxState["kindOf"]>>;
type MethodTable = Partial<Record<"GET" | "POST" | "DELETE", Operation>>;

// Graph is node-based: the node's type decides which operations exist on it.
const NODE_OPS: Record<NodeKind, MethodTable> = {
  business: { GET: getBusiness },
  waba: { GET: getWaba },
  phone: { GET: getPhone, POST: updatePhone },
  template: { GET: getTemplate },
  allocation: { GET: getAllocationConfig, DELETE: deleteAllocationConfig },
  creditLine: {},
  app: {},
};

const EDGE_OPS: Record<NodeKind, Record<string, MethodTable>> = {
  business: { extendedcredits: { GET: getCreditLines } },
  creditLine: {
    whatsapp_credit_sharing_and_attach: { POST: shareCreditLine },
    owning_credit_allocation_configs: { GET: getOwningAllocationConfigs },
  },
  waba: {
    phone_numbers: { GET: getPhoneNumbers, POST: createPhoneNumber },
    subscribed_apps: { GET: getSubscribedApps, POST: subscribeApp, DELETE: unsubscribeApp },
    message_templates: { GET: getTemplates },
    migrate_message_templates: { POST: migrateTemplates },
    assigned_users: { GET: getAssignedUsers, POST: addAssignedUser },
  },
  phone: {
    register: { POST: register },
    deregister: { POST: deregister },
    request_code: { POST: requestCode },
    verify_code: { POST: verifyCode },
  },
  template: {},
  allocation: {},
  app: { subscriptions: { GET: getAppSubscriptions } },
};

/** `GET /?ids=...`: each id read with its node's own `GET /{id}`. */
const getNodesByIds = multiIdRead((ctx, id) => {
  const kind = ctx.sandbox.state.kindOf(id);
  return kind ? NODE_OPS[kind].GET : undefined;
});

/**
 * Every operation the fake serves, by name (for the README table and the fault API).
 *
 * @example
 * OPERATION_NAMES.includes("registerWhatsAppBusinessPhoneNumber"); // true
 */
export const OPERATION_NAMES: readonly string[] = [
  exchangeCode,
  debugToken,
  getNodesByIds,
  ...Object.values(NODE_OPS).flatMap((t) => Object.values(t)),
  ...Object.values(EDGE_OPS).flatMap((edges) =>
    Object.values(edges).flatMap((t) => Object.values(t)),
  ),
].map((op) => op.name);

/** The operation a request addresses, and its node id. */
export interface Route {
  operation: Operation;
  nodeId: string;
}

/**
 * Resolves `method` + path segments (version already stripped) to an operation (`GET /?ids=`
 * when the root is read with `ids`), or throws
 * Graph's error for an unknown node (100/33) or edge (2500).
 *
 * @example
 * routeGraph(state, "POST", ["106540352242922", "register"]).operation.name; // "registerWhatsAppBusinessPhoneNumber"
 */
export function routeGraph(
  state: SandboxState,
  method: string,
  segments: string[],
  params: Params = {},
): Route {
  const verb = method.toUpperCase() as "GET" | "POST" | "DELETE";
  const [first = "", second, ...rest] = segments;
  if (segments.length === 0 && verb === "GET" && params.ids !== undefined)
    return { operation: getNodesByIds, nodeId: "" };
  if (first === "oauth" && second === "access_token" && rest.length === 0 && verb === "GET") {
    return { operation: exchangeCode, nodeId: "oauth" };
  }
  if (first === "debug_token" && second === undefined && verb === "GET")
    return { operation: debugToken, nodeId: "debug_token" };
  const kind = state.kindOf(first);
  if (!kind) throw unsupportedRequest(method, first);
  if (rest.length > 0) throw unknownEdge(segments.slice(1).join("/"));
  const table = second === undefined ? NODE_OPS[kind] : EDGE_OPS[kind][second];
  if (!table) throw unknownEdge(second ?? "");
  const operation = table[verb];
  if (!operation) {
    if (second === undefined) throw unsupportedRequest(method, first);
    throw new GraphError({
      code: 100,
      subcode: 33,
      type: "GraphMethodException",
      message: `Unsupported ${verb.toLowerCase()} request.`,
    });
  }
  return { operation, nodeId: first };
}
