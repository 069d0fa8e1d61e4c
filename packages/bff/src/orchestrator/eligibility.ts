import type { MigrationErrorCode, PhoneNumber, Waba } from "@wa-migrate/contracts";

/** What the eligibility check looks at. `source` null: the source WABA is unreadable. */
export interface EligibilityInput {
  phone: PhoneNumber;
  destination: Waba;
  source: Waba | null;
}

/** The first rule that stops the migration (action required), and warnings that do not. */
export interface Eligibility {
  blocker: MigrationErrorCode | null;
  warnings: MigrationErrorCode[];
}

/**
 * Meta's migration requirements (facts §2.1), checked after capture so the customer hears what to
 * fix before anything is written. Rules Meta enforces on data Graph does not show (the source's
 * payment method) or we cannot read (an unreadable source WABA) are left to Meta: its register
 * answer (2388103 and its message) maps to the same codes.
 *
 * @example
 * checkEligibility({ phone, destination, source }).blocker; // "two_step_enabled"
 */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const { phone, destination, source } = input;
  const warnings: MigrationErrorCode[] = [];
  if (phone.platform_type === "ON_PREMISE") warnings.push("on_prem_source");
  if (!source) warnings.push("templates_source_unreadable");
  const blocker = ((): MigrationErrorCode | null => {
    // Meta's test numbers run in SANDBOX account mode.
    if (phone.account_mode === "SANDBOX") return "test_number";
    // Only while the number is known to sit in the (readable) source: once a registration on the
    // destination went through, the PIN it set turns `is_pin_enabled` on, and Meta's register
    // answers (2388001, 133005) are then the reliable signal.
    if (source && phone.is_pin_enabled === true) return "two_step_enabled";
    if (phone.name_status !== undefined && phone.name_status !== "APPROVED")
      return "display_name_not_approved";
    if (phone.new_name_status === "PENDING_REVIEW") return "display_name_change_pending";
    const verification = destination.business_verification_status;
    if (verification !== undefined && verification !== "verified") return "business_not_verified";
    if (
      source &&
      source.account_review_status !== undefined &&
      source.account_review_status !== "APPROVED"
    ) {
      return "source_waba_not_approved";
    }
    return null;
  })();
  return { blocker, warnings };
}
