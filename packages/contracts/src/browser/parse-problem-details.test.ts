import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ERROR_CODE_LIST } from "../error-code-list.js";
import { ProblemDetailsSchema } from "../errors.js";
import { hostileVariants, variantOf } from "../test-support/hostile-variants.js";
import { parseProblemDetails } from "./parse-problem-details.js";

// Same answers as the zod schema on valid, near-valid, arbitrary and hostile bodies.
function viaZod(value: unknown) {
  try {
    const parsed = ProblemDetailsSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const text = fc.string({ maxLength: 8 });
const validProblem = fc.record(
  {
    type: text,
    title: text,
    status: fc.integer({ min: 400, max: 599 }),
    code: fc.constantFrom(...ERROR_CODE_LIST),
    detail: text,
    remedy: text,
    retryable: fc.boolean(),
    instance: text,
    requestId: text,
    graph: fc.record(
      { code: fc.integer(), subcode: fc.integer(), fbtraceId: text, message: text },
      { requiredKeys: ["code"] },
    ),
    errors: fc.array(fc.record({ path: text, message: text }), { maxLength: 2 }),
  },
  { requiredKeys: ["type", "title", "status", "code", "remedy", "retryable"] },
);

describe("parseProblemDetails agrees with ProblemDetailsSchema", () => {
  test("on generated valid bodies", () => {
    fc.assert(
      fc.property(validProblem, (p) => {
        expect(parseProblemDetails(p)).toBeDefined();
        expect(parseProblemDetails(p)).toStrictEqual(viaZod(p));
      }),
      { numRuns: 300 },
    );
  });

  test("on bodies with one change anywhere", () => {
    let rejected = 0;
    fc.assert(
      fc.property(variantOf(validProblem), (p) => {
        const expected = viaZod(p);
        if (expected === undefined) rejected++;
        expect(parseProblemDetails(p)).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(rejected).toBeGreaterThan(500);
  });

  test("on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(parseProblemDetails(v)).toStrictEqual(viaZod(v));
      }),
      { numRuns: 500 },
    );
  });

  const sample = {
    type: "https://wa-migrate.dev/errors/validation_failed",
    title: "t",
    status: 422,
    code: "validation_failed",
    remedy: "r",
    retryable: false,
    graph: { code: 100, fbtraceId: "A" },
    errors: [{ path: "code", message: "m" }],
  };
  test.each(hostileVariants(sample))("on hostile input: %s", (_name, input) => {
    expect(parseProblemDetails(input)).toStrictEqual(viaZod(input));
  });
});
