// Every closed list of values the browser reads (steps, statuses, the Graph enums of the migration
// record, Embedded Signup screens) as plain arrays without zod: the schemas build their enums from
// these, and `@wa-migrate/contracts/browser` imports them without pulling zod into a bundle.

/**
 * The seven steps of a migration, in the order Meta's guide prescribes them (with template copying
 * moved before registration, which is the cutover, so templates are usable at once).
 *
 * @example
 * STEP_IDS.indexOf("register_phone"); // 6
 */
export const STEP_IDS = [
  "two_step_verification",
  "embedded_signup",
  "capture_assets",
  "share_credit_line",
  "subscribe_webhooks",
  "migrate_templates",
  "register_phone",
] as const;
/**
 * One of {@link STEP_IDS}.
 *
 * @example
 * const step: StepId = "register_phone";
 */
export type StepId = (typeof STEP_IDS)[number];

/**
 * The steps the customer does in the browser; the rest run on the server.
 *
 * @example
 * BROWSER_STEP_IDS.includes("embedded_signup"); // true
 */
export const BROWSER_STEP_IDS = [
  "two_step_verification",
  "embedded_signup",
] as const satisfies readonly StepId[];

/**
 * The steps the BFF runs after the browser hands over the code.
 *
 * @example
 * SERVER_STEP_IDS[0]; // "capture_assets"
 */
export const SERVER_STEP_IDS = [
  "capture_assets",
  "share_credit_line",
  "subscribe_webhooks",
  "migrate_templates",
  "register_phone",
] as const satisfies readonly StepId[];
/**
 * One of {@link SERVER_STEP_IDS}.
 *
 * @example
 * const step: ServerStepId = "share_credit_line";
 */
export type ServerStepId = (typeof SERVER_STEP_IDS)[number];

/**
 * Where a step stands.
 * - `action_required`: someone outside the kit must act (the customer, the old partner, Meta support).
 * - `skipped`: the step had nothing to do (for example templates when the source is unreadable).
 *
 * @example
 * STEP_STATUSES.includes("running"); // true
 */
export const STEP_STATUSES = [
  "pending",
  "running",
  "succeeded",
  "failed",
  "action_required",
  "skipped",
] as const;
/**
 * One of {@link STEP_STATUSES}.
 *
 * @example
 * const status: StepStatus = "action_required";
 */
export type StepStatus = (typeof STEP_STATUSES)[number];

/**
 * Where a whole migration stands.
 *
 * @example
 * MIGRATION_STATUSES.includes("completed"); // true
 */
export const MIGRATION_STATUSES = ["running", "action_required", "failed", "completed"] as const;
/**
 * One of {@link MIGRATION_STATUSES}.
 *
 * @example
 * const status: MigrationStatus = "completed";
 */
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

/**
 * What happened to one source template.
 * - `copied`: it exists in the new account (quality UNKNOWN for 24 h);
 * - `rejected_on_recheck`: Meta re-checked the copy and rejected it;
 * - `not_eligible`: not APPROVED + GREEN (reason says which);
 * - `over_limit`: the new account's template limit was reached;
 * - `refused`: Meta refused to copy it (reason: Meta's words from `failed_templates`, such as
 *   "Incorrect category"); sending it again gets the same answer, so no retry sends it unasked;
 * - `failed`: the copy request itself failed (reason: Meta's error message, when it gave one); a
 *   retry or "copy templates now" sends it again;
 * - `pending`: not yet copied (Meta's automatic copy after registration, or a retry due).
 *
 * @example
 * TEMPLATE_OUTCOMES.includes("over_limit"); // true
 */
export const TEMPLATE_OUTCOMES = [
  "copied",
  "rejected_on_recheck",
  "not_eligible",
  "over_limit",
  "refused",
  "failed",
  "pending",
] as const;
/**
 * One of {@link TEMPLATE_OUTCOMES}.
 *
 * @example
 * const outcome: TemplateOutcome = "copied";
 */
export type TemplateOutcome = (typeof TEMPLATE_OUTCOMES)[number];

/**
 * How templates were (or will be) moved: by the kit before registration, or by Meta afterwards.
 *
 * @example
 * TEMPLATES_MODES.includes("meta_automatic"); // true
 */
export const TEMPLATES_MODES = [
  "copied_before_registration",
  "meta_automatic",
  "not_started",
] as const;

// Enums as reconciled in shared/meta-docs/graph-api-facts.md: prose docs and real captures win over
// Meta's OpenAPI where they disagree (lower-case verification status, UNKNOWN quality, NOT_VERIFIED).

/**
 * Phone number or template quality. Meta's OpenAPI says `NA`; real responses say `UNKNOWN`: both accepted.
 *
 * @example
 * QUALITY_RATINGS.includes("GREEN"); // true
 */
export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN", "NA"] as const;
/**
 * One of {@link QUALITY_RATINGS}.
 *
 * @example
 * const quality: QualityRating = "GREEN";
 */
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/**
 * Display name review status (`name_status`, `new_name_status`).
 *
 * @example
 * NAME_STATUSES.includes("APPROVED"); // true
 */
export const NAME_STATUSES = [
  "APPROVED",
  "AVAILABLE_WITHOUT_REVIEW",
  "DECLINED",
  "EXPIRED",
  "PENDING_REVIEW",
  "NONE",
] as const;
/**
 * One of {@link NAME_STATUSES}.
 *
 * @example
 * const status: NameStatus = "APPROVED";
 */
export type NameStatus = (typeof NAME_STATUSES)[number];

/**
 * Where a number runs.
 *
 * @example
 * PLATFORM_TYPES.includes("CLOUD_API"); // true
 */
export const PLATFORM_TYPES = ["CLOUD_API", "ON_PREMISE", "NOT_APPLICABLE"] as const;
/**
 * One of {@link PLATFORM_TYPES}.
 *
 * @example
 * const platform: PlatformType = "CLOUD_API";
 */
export type PlatformType = (typeof PLATFORM_TYPES)[number];

/**
 * Messaging limit tiers across the deprecated per-number field and its per-portfolio replacement.
 *
 * @example
 * MESSAGING_LIMIT_TIERS.includes("TIER_1K"); // true
 */
export const MESSAGING_LIMIT_TIERS = [
  "TIER_50",
  "TIER_250",
  "TIER_1K",
  "TIER_2K",
  "TIER_10K",
  "TIER_100K",
  "TIER_UNLIMITED",
  "UNTIERED",
  "TIER_NOT_SET",
] as const;
/**
 * One of {@link MESSAGING_LIMIT_TIERS}.
 *
 * @example
 * const tier: MessagingLimitTier = "TIER_1K";
 */
export type MessagingLimitTier = (typeof MESSAGING_LIMIT_TIERS)[number];

/**
 * Template status (SDK enum plus FLAGGED/REINSTATED/LOCKED seen in webhooks).
 *
 * @example
 * TEMPLATE_STATUSES.includes("APPROVED"); // true
 */
export const TEMPLATE_STATUSES = [
  "APPROVED",
  "ARCHIVED",
  "DELETED",
  "DISABLED",
  "FLAGGED",
  "IN_APPEAL",
  "LIMIT_EXCEEDED",
  "LOCKED",
  "PAUSED",
  "PENDING",
  "PENDING_DELETION",
  "REINSTATED",
  "REJECTED",
] as const;
/**
 * One of {@link TEMPLATE_STATUSES}.
 *
 * @example
 * const status: TemplateStatus = "APPROVED";
 */
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/**
 * Template categories.
 *
 * @example
 * TEMPLATE_CATEGORIES.includes("UTILITY"); // true
 */
export const TEMPLATE_CATEGORIES = ["AUTHENTICATION", "MARKETING", "UTILITY"] as const;
/**
 * One of {@link TEMPLATE_CATEGORIES}.
 *
 * @example
 * const category: TemplateCategory = "UTILITY";
 */
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/**
 * The `current_step` values Meta sends in an Embedded Signup `CANCEL` message, in screen order.
 *
 * @example
 * ES_STEPS.includes("PERMISSIONS"); // true
 */
export const ES_STEPS = [
  "BUSINESS_ACCOUNT_SELECTION",
  "WABA_PHONE_PROFILE_PICKER",
  "WHATSAPP_BUSINESS_PROFILE_SETUP",
  "PHONE_NUMBER_SETUP",
  "PHONE_NUMBER_VERIFICATION",
  "PERMISSIONS",
] as const;
/**
 * One of {@link ES_STEPS}.
 *
 * @example
 * const screen: EsStep = "PHONE_NUMBER_SETUP";
 */
export type EsStep = (typeof ES_STEPS)[number];
