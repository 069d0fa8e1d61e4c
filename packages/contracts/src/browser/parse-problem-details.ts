import type { ProblemDetails } from "../errors.js";
import { errorCode, graphErrorRef } from "./error-checks.js";
import {
  array,
  boolean,
  type Check,
  check,
  number,
  object,
  optional,
  string,
} from "./lean-check.js";

// Field for field `ProblemDetailsSchema` (errors.ts); problem-details.lean.test.ts proves they agree.
const problem: Check<ProblemDetails> = object({
  type: string,
  title: string,
  status: number,
  code: errorCode,
  detail: optional(string),
  remedy: string,
  retryable: boolean,
  instance: optional(string),
  requestId: optional(string),
  graph: optional(graphErrorRef),
  errors: optional(array(object({ path: string, message: string }))),
});

/**
 * A BFF problem+json body, or `undefined` when the value is not one: accepts and returns exactly
 * what `ProblemDetailsSchema.safeParse` does, without zod.
 *
 * @example
 * const problem = parseProblemDetails(await response.json());
 * if (problem) console.log(problem.code);
 */
export function parseProblemDetails(value: unknown): ProblemDetails | undefined {
  return check(problem, value);
}
