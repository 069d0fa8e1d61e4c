import type { Operation } from "../operation.js";

/**
 * Charges WABA-scoped calls to the node's hourly budget (facts §4.4). One request is one call,
 * whatever it expands (`GET /{waba}?fields=phone_numbers{...}` included), as Graph counts them.
 *
 * Only the endpoints Meta lists for this limit carry it (facts §4.4, line 465: 200/h, 5,000/h for
 * an active WABA, "for `GET /<WABA>`, `/<WABA>/assigned_users`, `GET /<WABA>/phone_numbers`,
 * `/<WABA>/message_templates` (GET/POST/DELETE), `/<WABA>/subscribed_apps` (GET/POST/DELETE),
 * `GET /<PHONE_NUMBER_ID>`"). `assigned_users` is listed without a method, so both of its
 * methods are charged. `migrate_message_templates` is not listed but is charged too: the facts
 * put it under these limits (lines 145 and 205, see the operation). Not listed, so not charged:
 * `POST /{waba}/phone_numbers`, `GET /{template}`, `POST /{phone}`, `register`, `deregister`
 * (their own 10 per 72 h, §3.9), `request_code`, `verify_code`. The facts name no other
 * business-use-case limit for those, so they answer without `x-business-use-case-usage`; the
 * app-level count (`x-app-usage`, code 4) still covers every request.
 *
 * @example
 * const op: Operation = { name: "getWhatsAppBusinessAccountDetails", usage: wabaUsage, run };
 */
export const wabaUsage: Operation["usage"] = (ctx) => ({ kind: "waba", id: ctx.nodeId });
