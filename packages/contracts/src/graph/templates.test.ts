import { expect, test } from "vitest";
import { MigrateTemplatesResponseSchema } from "./templates.js";

// Meta's template migration page writes `failed_templates` as an array in its syntax block and
// as a map id → reason in its example (facts §2.3). An answer with `failed_templates: []` failed
// the schema, so a copy that went through was retried as an invalid answer.

test("failed_templates is read as a map whether Meta sends a map or an array", () => {
  const parse = (body: unknown) => MigrateTemplatesResponseSchema.safeParse(body);
  expect(
    [
      { migrated_templates: ["1"], failed_templates: [] },
      { migrated_templates: ["1"], failed_templates: [{ "2": "Incorrect category" }] },
      { migrated_templates: ["1"], failed_templates: { "2": "Incorrect category" } },
      { failed_templates: { "2": "Incorrect category" } },
    ].map((body) => {
      const parsed = parse(body);
      return parsed.success ? parsed.data : "invalid";
    }),
  ).toEqual([
    { migrated_templates: ["1"], failed_templates: {} },
    { migrated_templates: ["1"], failed_templates: { "2": "Incorrect category" } },
    { migrated_templates: ["1"], failed_templates: { "2": "Incorrect category" } },
    { failed_templates: { "2": "Incorrect category" } },
  ]);
  expect(parse({ migrated_templates: ["1"], failed_templates: "none" }).success).toBe(false);
});
