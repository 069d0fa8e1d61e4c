import type { QualityRating, TemplateReportItem } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import type { StoredTemplateItem } from "../store/stored-templates-report.js";
import { mergeReportItems } from "./merge-report-items.js";

const line: TemplateReportItem = {
  sourceTemplateId: "111",
  destinationTemplateId: null,
  name: "order_confirmation",
  language: "en_US",
  category: "UTILITY",
  sourceStatus: "APPROVED",
  sourceQuality: "GREEN",
  destinationQuality: null,
  outcome: "pending",
  reason: null,
};

describe("mergeReportItems", () => {
  test("takes the step's conclusion where nothing else wrote", () => {
    const ours = { ...line, outcome: "copied" as const, destinationQuality: "UNKNOWN" as const };
    expect(mergeReportItems([line], [ours], [line])).toEqual([ours]);
  });

  test("keeps what a webhook wrote while the step ran, and the step's other fields", () => {
    const ours = { ...line, outcome: "copied" as const, destinationQuality: "UNKNOWN" as const };
    const theirs = {
      ...line,
      outcome: "rejected_on_recheck" as const,
      reason: "REJECTED: INCORRECT_CATEGORY",
      destinationTemplateId: "900",
      statusAt: 1_800_000_000,
    };
    expect(mergeReportItems([line], [ours], [theirs])).toEqual([
      { ...theirs, destinationQuality: "UNKNOWN" },
    ]);
  });

  test("keeps lines a webhook added (Meta's automatic copy) and lines only the step has", () => {
    const added = { ...line, name: "welcome", outcome: "copied" as const };
    const stepOnly = { ...line, name: "promo", outcome: "over_limit" as const };
    expect(mergeReportItems([line], [line, stepOnly], [line, added])).toEqual([
      line,
      added,
      stepOnly,
    ]);
  });

  test("keeps a webhook's quality and category with the times that order later redeliveries", () => {
    const copied: StoredTemplateItem = { ...line, outcome: "copied", destinationTemplateId: "900" };
    const ours = { ...copied, destinationQuality: "UNKNOWN" as const };
    const theirs: StoredTemplateItem = {
      ...copied,
      destinationQuality: "YELLOW",
      qualityAt: 1_800_000_000,
      category: "MARKETING",
      categoryAt: 1_800_000_060,
    };
    expect(mergeReportItems([copied], [ours], [theirs])).toEqual([theirs]);
  });

  // A retry reads a copy's quality from Graph with Meta's date; a quality webhook applied before the
  // step saved is ordered against that reading as webhooks are among themselves (decision 027).
  const T = 1_800_000_000;
  test.each<{ case: string; sent: QualityRating; at: number; wins: "ours" | "theirs" }>([
    { case: "an hour older", sent: "GREEN", at: T - 3_600, wins: "ours" },
    { case: "of the same second and better", sent: "GREEN", at: T, wins: "ours" },
    { case: "of the same second and worse", sent: "RED", at: T, wins: "theirs" },
    { case: "an hour newer", sent: "GREEN", at: T + 3_600, wins: "theirs" },
  ])("a webhook's $sent $case than the step's YELLOW reading: $wins wins", ({ sent, at, wins }) => {
    const copied: StoredTemplateItem = { ...line, outcome: "copied", destinationTemplateId: "900" };
    const ours = { ...copied, destinationQuality: "YELLOW" as const, qualityAt: T };
    const theirs = { ...copied, destinationQuality: sent, qualityAt: at };
    expect(mergeReportItems([copied], [ours], [theirs])).toEqual([wins === "ours" ? ours : theirs]);
  });
});
