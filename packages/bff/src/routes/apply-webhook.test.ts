import type { TemplatesReport } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import type { StoredTemplatesReport } from "../store/stored-templates-report.js";
import { applyTemplateChange } from "./apply-webhook.js";

const report: TemplatesReport = {
  mode: "copied_before_registration",
  sourceReadable: true,
  items: [
    {
      sourceTemplateId: "111",
      destinationTemplateId: "900",
      name: "order_confirmation",
      language: "en_US",
      category: "UTILITY",
      sourceStatus: "APPROVED",
      sourceQuality: "GREEN",
      destinationQuality: "UNKNOWN",
      outcome: "copied",
      reason: null,
      statusAt: 1_800_000_000,
    },
  ],
};

const template = {
  message_template_id: 900,
  message_template_name: "order_confirmation",
  message_template_language: "en_US",
};

describe("applyTemplateChange", () => {
  test.each([
    ["a newer REJECTED", 1_800_000_060, "rejected_on_recheck"],
    ["a REJECTED of the same second", 1_800_000_000, "rejected_on_recheck"],
    ["a REJECTED without a time (Meta's envelope may omit it)", undefined, "rejected_on_recheck"],
  ])("%s is applied", (_name, time, outcome) => {
    const next = applyTemplateChange(
      report,
      "message_template_status_update",
      { ...template, event: "REJECTED", reason: "SCAM" },
      time,
    );
    expect(next?.items[0]).toMatchObject({ outcome, reason: "REJECTED: SCAM" });
  });

  test("a status older than the one applied is ignored", () => {
    const next = applyTemplateChange(
      report,
      "message_template_status_update",
      { ...template, event: "REJECTED", reason: "SCAM" },
      1_799_999_940,
    );
    expect(next).toBeNull();
  });

  test("a change applied again (Meta's redelivery) changes nothing", () => {
    const once = applyTemplateChange(
      report,
      "message_template_quality_update",
      { ...template, previous_quality_score: "UNKNOWN", new_quality_score: "GREEN" },
      1_800_000_100,
    );
    expect(once?.items[0]?.destinationQuality).toBe("GREEN");
    const twice = applyTemplateChange(
      once as TemplatesReport,
      "message_template_quality_update",
      { ...template, previous_quality_score: "UNKNOWN", new_quality_score: "GREEN" },
      1_800_000_100,
    );
    expect(twice).toBeNull();
  });

  test("template_category_update gives the copy the category Meta now bills it as", () => {
    const next = applyTemplateChange(
      report,
      "template_category_update",
      { ...template, previous_category: "UTILITY", new_category: "MARKETING" },
      1_800_000_100,
    );
    expect(next?.items[0]).toMatchObject({ category: "MARKETING", outcome: "copied" });
  });

  test.each([
    ["an unknown category", "template_category_update", { ...template, new_category: "PROMO" }],
    [
      "a template the report does not list",
      "template_category_update",
      {
        ...template,
        message_template_id: 901,
        message_template_name: "other",
        new_category: "MARKETING",
      },
    ],
    ["a field the report does not use", "phone_number_quality_update", { event: "ONBOARDING" }],
  ])("%s changes nothing", (_name, field, value) => {
    expect(applyTemplateChange(report, field, value, 1_800_000_100)).toBeNull();
  });

  test.each([
    ["quality", "message_template_quality_update", "new_quality_score", "GREEN", "YELLOW"],
    ["category", "template_category_update", "new_category", "UTILITY", "MARKETING"],
  ])("a %s older than the one applied is ignored", (_kind, field, key, older, newer) => {
    const applied = applyTemplateChange(report, field, { ...template, [key]: newer }, T + 3600);
    expect(
      applyTemplateChange(
        applied as StoredTemplatesReport,
        field,
        { ...template, [key]: older },
        T,
      ),
    ).toBeNull();
  });

  // Meta's entry.time counts seconds: whatever order two changes of one second (and copies of them)
  // arrive in, the line ends the same, with the graver value.
  test.each([
    [
      "quality",
      "message_template_quality_update",
      { new_quality_score: "GREEN" },
      { new_quality_score: "YELLOW" },
      { destinationQuality: "YELLOW" },
    ],
    [
      "category",
      "template_category_update",
      { new_category: "UTILITY" },
      { new_category: "MARKETING" },
      { category: "MARKETING" },
    ],
    [
      "status",
      "message_template_status_update",
      { event: "APPROVED", reason: "NONE" },
      { event: "REJECTED", reason: "SCAM" },
      { outcome: "rejected_on_recheck", reason: "REJECTED: SCAM" },
    ],
  ])(
    "%s changes of the same second end at the graver one in any order",
    (_kind, field, milder, graver, expected) => {
      const changes = [milder, graver, milder, graver];
      for (const order of permutations(changes)) {
        let current: StoredTemplatesReport = report;
        for (const change of order) {
          current =
            applyTemplateChange(current, field, { ...template, ...change }, T + 60) ?? current;
        }
        expect(current.items[0]).toMatchObject(expected);
      }
    },
  );

  test("a PENDING of the same second as the APPROVED leaves the copy approved", () => {
    const pending = { ...template, event: "PENDING", reason: "NONE" };
    expect(applyTemplateChange(report, "message_template_status_update", pending, T)).toBeNull();
  });
});

const T = 1_800_000_000;

function permutations<V>(values: V[]): V[][] {
  if (values.length <= 1) return [values];
  return values.flatMap((v, i) =>
    permutations([...values.slice(0, i), ...values.slice(i + 1)]).map((rest) => [v, ...rest]),
  );
}
