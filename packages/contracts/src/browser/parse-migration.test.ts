import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  MESSAGING_LIMIT_TIERS,
  MIGRATION_STATUSES,
  NAME_STATUSES,
  PLATFORM_TYPES,
  QUALITY_RATINGS,
  STEP_IDS,
  STEP_STATUSES,
  TEMPLATE_CATEGORIES,
  TEMPLATE_OUTCOMES,
  TEMPLATE_STATUSES,
  TEMPLATES_MODES,
} from "../closed-lists.js";
import { ERROR_CODE_LIST } from "../error-code-list.js";
import { MigrationSchema } from "../migration.js";
import { hostileVariants, variantOf } from "../test-support/hostile-variants.js";
import { parseMigration } from "./parse-migration.js";

// The lean parser must answer exactly as the zod schema: the same values accepted (with the same
// output, unknown keys stripped) and the same rejected. A zod parse that throws counts as rejected.
function viaZod(value: unknown) {
  try {
    const parsed = MigrationSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const pick = <T>(list: readonly T[]) => fc.constantFrom(...list);
const text = fc.string({ maxLength: 8 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const error = fc.record(
  {
    code: pick(ERROR_CODE_LIST),
    message: text,
    remedy: text,
    retryable: fc.boolean(),
    graph: fc.record(
      { code: fc.integer(), subcode: fc.integer(), fbtraceId: text, message: text },
      { requiredKeys: ["code"] },
    ),
  },
  { requiredKeys: ["code", "message", "remedy", "retryable"] },
);

export const validMigration = fc.record({
  id: text,
  status: pick(MIGRATION_STATUSES),
  businessId: maybe(text),
  wabaId: maybe(text),
  phoneNumberId: maybe(text),
  sourceWabaId: maybe(text),
  phone: maybe(
    fc.record({
      displayPhoneNumber: text,
      verifiedName: text,
      nameStatus: maybe(pick(NAME_STATUSES)),
      qualityRating: maybe(pick(QUALITY_RATINGS)),
      messagingLimit: maybe(pick(MESSAGING_LIMIT_TIERS)),
      officialBusinessAccount: maybe(fc.boolean()),
      platformType: maybe(pick(PLATFORM_TYPES)),
      status: maybe(text),
    }),
  ),
  steps: fc.array(
    fc.record(
      {
        id: pick(STEP_IDS),
        status: pick(STEP_STATUSES),
        attempts: fc.double({ noNaN: true, noDefaultInfinity: true }),
        startedAt: maybe(text),
        finishedAt: maybe(text),
        lastError: maybe(error),
      },
      { requiredKeys: ["id", "status", "attempts"] },
    ),
    { maxLength: 3 },
  ),
  templates: fc.record({
    mode: pick(TEMPLATES_MODES),
    sourceReadable: fc.boolean(),
    items: fc.array(
      fc.record(
        {
          sourceTemplateId: text,
          destinationTemplateId: maybe(text),
          name: text,
          language: text,
          category: pick(TEMPLATE_CATEGORIES),
          sourceStatus: pick(TEMPLATE_STATUSES),
          sourceQuality: maybe(pick(QUALITY_RATINGS)),
          destinationQuality: maybe(pick(QUALITY_RATINGS)),
          outcome: pick(TEMPLATE_OUTCOMES),
          reason: maybe(text),
          statusAt: fc.option(fc.integer({ min: 0 }), { nil: null }),
        },
        {
          requiredKeys: [
            "name",
            "language",
            "category",
            "sourceStatus",
            "sourceQuality",
            "outcome",
          ],
        },
      ),
      { maxLength: 2 },
    ),
  }),
  warnings: fc.array(pick(ERROR_CODE_LIST), { maxLength: 2 }),
  billingCutoverAt: maybe(text),
  createdAt: text,
  updatedAt: text,
});

describe("parseMigration agrees with MigrationSchema", () => {
  test("on generated valid records", () => {
    fc.assert(
      fc.property(validMigration, (m) => {
        expect(parseMigration(m)).toStrictEqual(viaZod(m));
        expect(parseMigration(m)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  test("on records with one change anywhere (missing, undefined, odd or extra values)", () => {
    let rejected = 0;
    fc.assert(
      fc.property(variantOf(validMigration), (m) => {
        const expected = viaZod(m);
        if (expected === undefined) rejected++;
        expect(parseMigration(m)).toStrictEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // The variants must reach the rejecting paths, or the agreement above says little.
    expect(rejected).toBeGreaterThan(1000);
  });

  test("on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(parseMigration(v)).toStrictEqual(viaZod(v));
      }),
      { numRuns: 500 },
    );
  });

  const sample = fc.sample(
    validMigration.filter((m) => m.phone !== null && m.steps.length > 0),
    { numRuns: 1, seed: 7 },
  )[0] as Record<string, unknown>;
  test.each(hostileVariants(sample))("on hostile input: %s", (_name, input) => {
    expect(parseMigration(input)).toStrictEqual(viaZod(input));
  });

  test("keeps an optional key that is present as undefined, as zod does", () => {
    const m = {
      ...sample,
      steps: [{ id: "capture_assets", status: "running", attempts: 1, startedAt: undefined }],
    };
    expect(parseMigration(m)?.steps[0]).toHaveProperty("startedAt");
    expect(parseMigration(m)).toStrictEqual(viaZod(m));
  });

  test("accepts a number whose official-business status Meta did not report (null)", () => {
    const m = {
      ...sample,
      phone: { ...(sample.phone as object), officialBusinessAccount: null },
    };
    expect(parseMigration(m)?.phone?.officialBusinessAccount).toBeNull();
    expect(parseMigration(m)).toStrictEqual(viaZod(m));
  });
});
