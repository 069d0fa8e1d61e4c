import { expect, test } from "vitest";
import { decodeMigrationCursor, encodeMigrationCursor } from "./migration-cursor.js";

test("a cursor reads back as the item it was written for", () => {
  const last = { createdAt: "2026-11-25T10:00:01.000Z", id: "mig_01" };
  expect(decodeMigrationCursor(encodeMigrationCursor(last))).toEqual(last);
});

test.each([
  ["nothing", undefined],
  ["empty", ""],
  ["not base64url JSON", "%%%"],
  ["an object", Buffer.from('{"a":1}').toString("base64url")],
  ["a local time", Buffer.from('["2026-11-25T10:00:01","m"]').toString("base64url")],
  ["an offset", Buffer.from('["2026-11-25T10:00:01.000+01:00","m"]').toString("base64url")],
  ["31 February", Buffer.from('["2026-02-31T10:00:01.000Z","m"]').toString("base64url")],
  ["a number id", Buffer.from('["2026-11-25T10:00:01.000Z",1]').toString("base64url")],
])("%s is no cursor", (_name, cursor) => {
  expect(decodeMigrationCursor(cursor)).toBeNull();
});
