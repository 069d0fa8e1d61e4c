import { describe, expect, test } from "vitest";
import { DESTINATION_FIELDS, sourceFields } from "./graph-fields.js";

describe("the fields the BFF asks Graph for", () => {
  test("the destination read expands its numbers with the snapshot fields", () => {
    expect(DESTINATION_FIELDS).toMatch(
      /^id,name,.*,owner_business_info,phone_numbers\.limit\(100\)\{id,/,
    );
    expect(DESTINATION_FIELDS).not.toContain("message_templates");
  });

  test("a source read expands its templates, and its number ids only while discovering", () => {
    expect(sourceFields(true)).toContain(
      ",phone_numbers.limit(100){id},message_templates.limit(100){id,name,language,status,category,quality_score}",
    );
    expect(sourceFields(false)).not.toContain("phone_numbers");
    expect(sourceFields(false)).toMatch(/,message_templates\.limit\(100\)\{[a-z_,]+\}$/);
  });
});
