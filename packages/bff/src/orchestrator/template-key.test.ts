import { expect, test } from "vitest";
import { statusReason, templateKey } from "./template-key.js";

test.each([
  ["APPROVED", "NONE", null],
  ["REJECTED", "INCORRECT_CATEGORY", "REJECTED: INCORRECT_CATEGORY"],
  ["REJECTED", "NONE", "REJECTED"],
  ["PAUSED", null, "PAUSED"],
  ["DISABLED", undefined, "DISABLED"],
])("statusReason(%s, %s) is %s", (status, reason, expected) => {
  expect(statusReason(status, reason)).toBe(expected);
});

test("templateKey tells templates apart by name and language only", () => {
  expect(templateKey({ name: "welcome", language: "en_US" })).toBe(
    templateKey({ name: "welcome", language: "en_US" }),
  );
  expect(templateKey({ name: "welcome", language: "en_US" })).not.toBe(
    templateKey({ name: "welcome", language: "de" }),
  );
});
