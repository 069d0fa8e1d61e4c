import * as z from "zod/mini";
import { GraphIdSchema } from "./api.js";

// The operators' event lists. Query values arrive as text, so `limit` is checked as text: digits
// only, 1 to 200, no sign, fraction, exponent or hex. Before these schemas the routes clamped
// whatever `Number()` made of it, and PostgreSQL refused `LIMIT 1.5` (answered 503).

/** Page size of `GET /signup-events` and `GET /webhook-events` without `limit`. */
export const EVENT_LIST_DEFAULT_LIMIT = 50;

/** Largest `limit` of `GET /signup-events` and `GET /webhook-events`. */
export const EVENT_LIST_MAX_LIMIT = 200;

// 1..EVENT_LIST_MAX_LIMIT written plainly (no leading zero).
const EventListLimitSchema = z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/));

/**
 * `GET /signup-events?limit=` query: `limit` 1-200 (default {@link EVENT_LIST_DEFAULT_LIMIT});
 * any other parameter is refused.
 *
 * @example
 * ListSignupEventsQuerySchema.parse({ limit: "100" }); // throws for { limit: "1.5" }
 */
export const ListSignupEventsQuerySchema = z.strictObject({
  limit: z.optional(EventListLimitSchema),
});
/**
 * See {@link ListSignupEventsQuerySchema}.
 *
 * @example
 * const query: ListSignupEventsQuery = { limit: "100" };
 */
export type ListSignupEventsQuery = z.infer<typeof ListSignupEventsQuerySchema>;

/**
 * `GET /webhook-events?wabaId=&limit=` query: `limit` 1-200 (default
 * {@link EVENT_LIST_DEFAULT_LIMIT}), `wabaId` a Graph id; any other parameter is refused.
 *
 * @example
 * ListWebhookEventsQuerySchema.parse({ wabaId: "524126980791429", limit: "20" });
 */
export const ListWebhookEventsQuerySchema = z.strictObject({
  wabaId: z.optional(GraphIdSchema),
  limit: z.optional(EventListLimitSchema),
});
/**
 * See {@link ListWebhookEventsQuerySchema}.
 *
 * @example
 * const query: ListWebhookEventsQuery = { wabaId: "524126980791429" };
 */
export type ListWebhookEventsQuery = z.infer<typeof ListWebhookEventsQuerySchema>;
