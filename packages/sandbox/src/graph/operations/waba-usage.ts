import type { Operation } from "../operation.js";

/**
 * Charges WABA-scoped calls to the node's hourly budget (facts §4.4). One request is one call,
 * whatever it expands (`GET /{waba}?fields=phone_numbers{...}` included), as Graph counts them.
 *
 * @example
 * const op: Operation = { name: "getWhatsAppBusinessAccountDetails", usage: wabaUsage, run };
 */
export const wabaUsage: Operation["usage"] = (ctx) => ({ kind: "waba", id: ctx.nodeId });
