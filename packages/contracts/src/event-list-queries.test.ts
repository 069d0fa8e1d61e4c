import { expect, test } from "vitest";
import {
  EVENT_LIST_MAX_LIMIT,
  ListSignupEventsQuerySchema,
  ListWebhookEventsQuerySchema,
} from "./event-list-queries.js";

// Query values are text: only a plain 1..200 is a page size (the routes used to clamp the rest).
test.each([
  [{}, true],
  [{ limit: "1" }, true],
  [{ limit: "50" }, true],
  [{ limit: String(EVENT_LIST_MAX_LIMIT) }, true],
  [{ limit: String(EVENT_LIST_MAX_LIMIT + 1) }, false],
  [{ limit: "1.5" }, false],
  [{ limit: "abc" }, false],
  [{ limit: "0" }, false],
  [{ limit: "-3" }, false],
  [{ limit: "0x10" }, false],
  [{ limit: "Infinity" }, false],
  [{ limit: "" }, false],
  [{ other: "1" }, false],
])("event list query %j is accepted: %s", (query, ok) => {
  expect(ListSignupEventsQuerySchema.safeParse(query).success).toBe(ok);
  expect(ListWebhookEventsQuerySchema.safeParse(query).success).toBe(ok);
});

test("a webhook event list filters by a Graph id only", () => {
  expect(ListWebhookEventsQuerySchema.safeParse({ wabaId: "524126980791429" }).success).toBe(true);
  expect(ListWebhookEventsQuerySchema.safeParse({ wabaId: "abc" }).success).toBe(false);
});
