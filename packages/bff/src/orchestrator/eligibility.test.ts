import type { MigrationErrorCode, PhoneNumber, Waba } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { checkEligibility } from "./eligibility.js";

const phone: PhoneNumber = {
  id: "1",
  name_status: "APPROVED",
  new_name_status: "NONE",
  is_pin_enabled: false,
  account_mode: "LIVE",
  platform_type: "CLOUD_API",
};
const destination: Waba = { id: "2", business_verification_status: "verified" };
const source: Waba = { id: "3", account_review_status: "APPROVED", primary_funding_id: "99" };

test.each<[string, Partial<PhoneNumber>, Partial<Waba>, Partial<Waba>, MigrationErrorCode | null]>([
  ["eligible", {}, {}, {}, null],
  ["test number", { account_mode: "SANDBOX" }, {}, {}, "test_number"],
  ["two-step on", { is_pin_enabled: true }, {}, {}, "two_step_enabled"],
  ["name pending review", { name_status: "PENDING_REVIEW" }, {}, {}, "display_name_not_approved"],
  ["name declined", { name_status: "DECLINED" }, {}, {}, "display_name_not_approved"],
  ["rename pending", { new_name_status: "PENDING_REVIEW" }, {}, {}, "display_name_change_pending"],
  [
    "business unverified",
    {},
    { business_verification_status: "pending" },
    {},
    "business_not_verified",
  ],
  ["source not approved", {}, {}, { account_review_status: "PENDING" }, "source_waba_not_approved"],
])("%s", (_name, p, d, s, blocker) => {
  expect(
    checkEligibility({
      phone: { ...phone, ...p },
      destination: { ...destination, ...d },
      source: { ...source, ...s },
    }).blocker,
  ).toBe(blocker);
});

test("two-step on with an unreadable source is left to Meta's register answer", () => {
  expect(
    checkEligibility({ phone: { ...phone, is_pin_enabled: true }, destination, source: null })
      .blocker,
  ).toBeNull();
});

test("on-prem source and unreadable source are warnings, not stops", () => {
  const result = checkEligibility({
    phone: { ...phone, platform_type: "ON_PREMISE" },
    destination,
    source: null,
  });
  expect(result).toEqual({
    blocker: null,
    warnings: ["on_prem_source", "templates_source_unreadable"],
  });
});
