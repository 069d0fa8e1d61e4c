import { ERROR_CODE_LIST } from "../error-code-list.js";
import type { GraphErrorRef, MigrationError } from "../errors.js";
import { boolean, type Check, number, object, oneOf, optional, string } from "./lean-check.js";

/**
 * Lean twin of `MigrationErrorCodeSchema`.
 *
 * @example
 * check(errorCode, "pin_mismatch"); // "pin_mismatch"
 */
export const errorCode = oneOf(ERROR_CODE_LIST);

/**
 * Lean twin of `GraphErrorRefSchema`.
 *
 * @example
 * check(graphErrorRef, { code: 100, fbtraceId: "A1" });
 */
export const graphErrorRef: Check<GraphErrorRef> = object({
  code: number,
  subcode: optional(number),
  fbtraceId: optional(string),
  message: optional(string),
});

/**
 * Lean twin of `MigrationErrorSchema`.
 *
 * @example
 * check(migrationError, { code: "pin_mismatch", message: "m", remedy: "r", retryable: true });
 */
export const migrationError: Check<MigrationError> = object({
  code: errorCode,
  message: string,
  remedy: string,
  retryable: boolean,
  graph: optional(graphErrorRef),
  retryAt: optional(string),
});
