import * as z from "zod/mini";

// Enums as reconciled in shared/meta-docs/graph-api-facts.md: prose docs and real captures win over
// Meta's OpenAPI where they disagree (lower-case verification status, UNKNOWN quality, NOT_VERIFIED).

/** Phone number or template quality. Meta's OpenAPI says `NA`; real responses say `UNKNOWN`: both accepted. */
export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN", "NA"] as const;
/** Schema for a quality rating. @example QualityRatingSchema.parse("GREEN") */
export const QualityRatingSchema = z.enum(QUALITY_RATINGS);
/** One of {@link QUALITY_RATINGS}. */
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Display name review status (`name_status`, `new_name_status`). */
export const NAME_STATUSES = [
  "APPROVED",
  "AVAILABLE_WITHOUT_REVIEW",
  "DECLINED",
  "EXPIRED",
  "PENDING_REVIEW",
  "NONE",
] as const;
/** Schema for a name status. @example NameStatusSchema.parse("APPROVED") */
export const NameStatusSchema = z.enum(NAME_STATUSES);
/** One of {@link NAME_STATUSES}. */
export type NameStatus = (typeof NAME_STATUSES)[number];

/** Where a number runs. */
export const PLATFORM_TYPES = ["CLOUD_API", "ON_PREMISE", "NOT_APPLICABLE"] as const;
/** Schema for a platform type. @example PlatformTypeSchema.parse("CLOUD_API") */
export const PlatformTypeSchema = z.enum(PLATFORM_TYPES);
/** One of {@link PLATFORM_TYPES}. */
export type PlatformType = (typeof PLATFORM_TYPES)[number];

/**
 * Phone number `status`: the union of what Meta's sources show. Meta has not published a closed
 * list (UNCONFIRMED), so the kit keeps this as documentation and parses `status` as a string.
 */
export const PHONE_STATUSES = [
  "CONNECTED",
  "DISCONNECTED",
  "PENDING",
  "FLAGGED",
  "RESTRICTED",
  "OFFLINE",
  "RATE_LIMITED",
  "DELETED",
  "MIGRATED",
  "BANNED",
  "UNVERIFIED",
] as const;

/** `code_verification_status`: real responses use NOT_VERIFIED and EXPIRED (OpenAPI says UNVERIFIED). */
export const CODE_VERIFICATION_STATUSES = [
  "VERIFIED",
  "NOT_VERIFIED",
  "EXPIRED",
  "UNVERIFIED",
] as const;
/** Schema for a code verification status. */
export const CodeVerificationStatusSchema = z.enum(CODE_VERIFICATION_STATUSES);

/** Business verification, lower case as real responses and the SDK have it (OpenAPI's upper case is wrong). */
export const BUSINESS_VERIFICATION_STATUSES = [
  "expired",
  "failed",
  "ineligible",
  "not_verified",
  "pending",
  "pending_need_more_info",
  "pending_submission",
  "rejected",
  "revoked",
  "verified",
] as const;
/** Schema for a business verification status. @example BusinessVerificationStatusSchema.parse("verified") */
export const BusinessVerificationStatusSchema = z.enum(BUSINESS_VERIFICATION_STATUSES);
/** One of {@link BUSINESS_VERIFICATION_STATUSES}. */
export type BusinessVerificationStatus = (typeof BUSINESS_VERIFICATION_STATUSES)[number];

/** WABA `account_review_status` (RESTRICTED appears only in Meta's OpenAPI). */
export const ACCOUNT_REVIEW_STATUSES = ["APPROVED", "PENDING", "REJECTED", "RESTRICTED"] as const;
/** Schema for an account review status. */
export const AccountReviewStatusSchema = z.enum(ACCOUNT_REVIEW_STATUSES);
/** One of {@link ACCOUNT_REVIEW_STATUSES}. */
export type AccountReviewStatus = (typeof ACCOUNT_REVIEW_STATUSES)[number];

/** Messaging limit tiers across the deprecated per-number field and its per-portfolio replacement. */
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
/** Schema for a messaging limit tier. */
export const MessagingLimitTierSchema = z.enum(MESSAGING_LIMIT_TIERS);
/** One of {@link MESSAGING_LIMIT_TIERS}. */
export type MessagingLimitTier = (typeof MESSAGING_LIMIT_TIERS)[number];

/** Template status (SDK enum plus FLAGGED/REINSTATED/LOCKED seen in webhooks). */
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
/** Schema for a template status. */
export const TemplateStatusSchema = z.enum(TEMPLATE_STATUSES);
/** One of {@link TEMPLATE_STATUSES}. */
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Template categories. */
export const TEMPLATE_CATEGORIES = ["AUTHENTICATION", "MARKETING", "UTILITY"] as const;
/** Schema for a template category. */
export const TemplateCategorySchema = z.enum(TEMPLATE_CATEGORIES);
/** One of {@link TEMPLATE_CATEGORIES}. */
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Invoicing currencies accepted by `whatsapp_credit_sharing_and_attach`. */
export const WABA_CURRENCIES = ["AUD", "EUR", "GBP", "IDR", "INR", "USD"] as const;
/** Schema for a WABA currency. */
export const WabaCurrencySchema = z.enum(WABA_CURRENCIES);
/** One of {@link WABA_CURRENCIES}. */
export type WabaCurrency = (typeof WABA_CURRENCIES)[number];
