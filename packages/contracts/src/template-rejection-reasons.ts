/**
 * Why Meta rejected a template: the `reason` values of the `message_template_status_update`
 * webhook (facts §5, besides `NONE` and `null`), which the templates report keeps as
 * `"REJECTED: <reason>"`. The kit has a text for each; a value Meta adds later reads as words.
 *
 * @example
 * TEMPLATE_REJECTION_REASONS.includes("INCORRECT_CATEGORY"); // true
 */
export const TEMPLATE_REJECTION_REASONS = [
  "ABUSIVE_CONTENT",
  "CATEGORY_NOT_AVAILABLE",
  "INCORRECT_CATEGORY",
  "INVALID_FORMAT",
  "PROMOTIONAL",
  "SCAM",
  "TAG_CONTENT_MISMATCH",
] as const;
/**
 * One of {@link TEMPLATE_REJECTION_REASONS}.
 *
 * @example
 * const reason: TemplateRejectionReason = "SCAM";
 */
export type TemplateRejectionReason = (typeof TEMPLATE_REJECTION_REASONS)[number];
