import type { QualityRating, TemplateCategory, TemplateStatus } from "@wa-migrate/contracts";

/** A template of the seeded source WABA: name, language, category, status, quality. */
export type TemplateSeed = [string, string, TemplateCategory, TemplateStatus, QualityRating];

/**
 * The `happy` source WABA's 12 templates, of mixed status and quality. Six are eligible for Meta's
 * automatic copy (APPROVED + GREEN); `feedback_request` (APPROVED + UNKNOWN) is eligible only for
 * the template migration API; the rest are not eligible.
 */
export const SOURCE_TEMPLATES: readonly TemplateSeed[] = [
  ["order_confirmation", "en_US", "UTILITY", "APPROVED", "GREEN"],
  ["order_confirmation", "de", "UTILITY", "APPROVED", "GREEN"],
  ["shipping_update", "en_US", "UTILITY", "APPROVED", "GREEN"],
  ["appointment_reminder", "en_US", "UTILITY", "APPROVED", "YELLOW"],
  ["spring_sale", "en_US", "MARKETING", "APPROVED", "GREEN"],
  ["welcome_offer", "en_US", "MARKETING", "APPROVED", "RED"],
  ["login_code", "en_US", "AUTHENTICATION", "APPROVED", "GREEN"],
  ["feedback_request", "en_US", "MARKETING", "APPROVED", "UNKNOWN"],
  ["holiday_hours", "en_US", "UTILITY", "PENDING", "UNKNOWN"],
  ["old_promo", "en_US", "MARKETING", "REJECTED", "UNKNOWN"],
  ["loyalty_points", "en_US", "MARKETING", "PAUSED", "YELLOW"],
  ["payment_reminder", "es", "UTILITY", "APPROVED", "GREEN"],
];

/** Templates Meta's re-check rejects in `recheck-rejects` (category re-check, facts §2.1). */
export const RECHECK_REJECTED_NAMES: readonly string[] = ["shipping_update", "login_code"];

/**
 * `count` APPROVED + GREEN en_US utility templates named `{prefix}_001`... (padded to the digits
 * of `count`), for scenarios that need many.
 *
 * @example
 * bulkTemplates("bulk_notice", 248)[0]; // ["bulk_notice_001", "en_US", "UTILITY", "APPROVED", "GREEN"]
 */
export function bulkTemplates(prefix: string, count: number): TemplateSeed[] {
  const digits = String(count).length;
  return Array.from({ length: count }, (_, i) => [
    `${prefix}_${String(i + 1).padStart(digits, "0")}`,
    "en_US",
    "UTILITY",
    "APPROVED",
    "GREEN",
  ]);
}
