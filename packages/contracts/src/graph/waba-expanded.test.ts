import { describe, expect, test } from "vitest";
import { WabasByIdSchema, WabaWithEdgesSchema } from "./waba-expanded.js";

// The expanded shapes follow Graph's field expansion guide: an edge is a page {data, paging}.

describe("WabaWithEdgesSchema", () => {
  test("parses a WABA with both edges as pages, cursors and next included", () => {
    const parsed = WabaWithEdgesSchema.parse({
      id: "102290129340398",
      account_review_status: "APPROVED",
      phone_numbers: {
        data: [{ id: "1906385232743451", status: "CONNECTED" }],
        paging: { cursors: { before: "QVFI", after: "QVFI" } },
      },
      message_templates: {
        data: [
          {
            id: "1192339204654487",
            name: "hello_world",
            language: "en_US",
            status: "APPROVED",
            category: "UTILITY",
            quality_score: { score: "GREEN" },
          },
        ],
        paging: {
          cursors: { before: "MAZDZD", after: "MjQZD" },
          next: "https://graph.facebook.com/v26.0/102290129340398/message_templates?limit=1&after=MjQZD",
        },
      },
    });
    expect(parsed.phone_numbers?.data[0]?.id).toBe("1906385232743451");
    expect(parsed.message_templates?.paging?.next).toContain("/message_templates");
  });

  test("an edge left out (nothing to list) is fine; an edge as a bare array is not Graph's shape", () => {
    expect(WabaWithEdgesSchema.safeParse({ id: "1" }).success).toBe(true);
    expect(WabaWithEdgesSchema.safeParse({ id: "1", phone_numbers: [{ id: "2" }] }).success).toBe(
      false,
    );
  });
});

describe("WabasByIdSchema", () => {
  test("parses a multiple-id read keyed by id", () => {
    const parsed = WabasByIdSchema.parse({
      "1": { id: "1", account_review_status: "APPROVED" },
      "2": { id: "2", phone_numbers: { data: [{ id: "3" }] } },
    });
    expect(Object.keys(parsed)).toEqual(["1", "2"]);
  });
});
