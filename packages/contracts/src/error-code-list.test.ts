import { expect, test } from "vitest";
import { ERROR_CODE_LIST } from "./error-code-list.js";
import { MIGRATION_ERROR_CODES } from "./error-codes.js";

test("the literal code list is the catalogue's codes, in the same order", () => {
  expect([...ERROR_CODE_LIST]).toEqual(MIGRATION_ERROR_CODES);
});
