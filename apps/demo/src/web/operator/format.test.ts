import { expect, test } from "vitest";
import { formatDuration, formatTime } from "./format.js";

test("an operator's time names the month, so day and month cannot be mistaken", () => {
  expect(formatTime("2026-12-06T12:00:00.000Z")).toMatch(/^\d{1,2} Dec 2026, \d{2}:\d{2}:\d{2}$/);
});

test.each([
  [null, "–"],
  ["not a time", "not a time"],
])("formatTime(%s) is %s", (iso, shown) => {
  expect(formatTime(iso)).toBe(shown);
});

test.each([
  ["2026-11-25T12:00:00Z", "2026-11-25T12:00:00.850Z", "850 ms"],
  ["2026-11-25T12:00:00Z", "2026-11-25T12:00:02.400Z", "2.4 s"],
  ["2026-11-25T12:00:00Z", "2026-11-25T12:03:05Z", "3 min 5 s"],
  ["2026-11-25T12:00:05Z", "2026-11-25T12:00:00Z", "–"],
  [null, "2026-11-25T12:00:00Z", "–"],
])("formatDuration(%s, %s) is %s", (from, to, shown) => {
  expect(formatDuration(from, to)).toBe(shown);
});
