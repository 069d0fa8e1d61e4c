import * as z from "zod/mini";
import {
  MESSAGING_LIMIT_TIERS,
  NAME_STATUSES,
  PLATFORM_TYPES,
  QUALITY_RATINGS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
} from "../closed-lists.js";

// Enums as reconciled in shared/meta-docs/graph-api-facts.md: prose docs and real captures win over
// Meta's OpenAPI where they disagree (lower-case verification status, UNKNOWN quality, NOT_VERIFIED).

/** Schema for a quality rating. @example QualityRatingSchema.parse("GREEN") */
export const QualityRatingSchema = z.enum(QUALITY_RATINGS);

/** Schema for a name status. @example NameStatusSchema.parse("APPROVED") */
export const NameStatusSchema = z.enum(NAME_STATUSES);

/** Schema for a platform type. @example PlatformTypeSchema.parse("CLOUD_API") */
export const PlatformTypeSchema = z.enum(PLATFORM_TYPES);

/**
 * Phone number `status`: the union of what Meta's sources show. Meta has not published a closed
 * list (UNCONFIRMED), so the kit keeps this as documentation and parses `status` as a string.
 *
 * @example
 * PHONE_STATUSES.includes("CONNECTED"); // true
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

/**
 * `code_verification_status`: real responses use NOT_VERIFIED and EXPIRED (OpenAPI says UNVERIFIED).
 *
 * @example
 * CODE_VERIFICATION_STATUSES.includes("NOT_VERIFIED"); // true
 */
export const CODE_VERIFICATION_STATUSES = [
  "VERIFIED",
  "NOT_VERIFIED",
  "EXPIRED",
  "UNVERIFIED",
] as const;
/**
 * Schema for a code verification status.
 *
 * @example
 * CodeVerificationStatusSchema.parse("VERIFIED");
 */
export const CodeVerificationStatusSchema = z.enum(CODE_VERIFICATION_STATUSES);

/**
 * Business verification, lower case as real responses and the SDK have it (OpenAPI's upper case is wrong).
 *
 * @example
 * BUSINESS_VERIFICATION_STATUSES.includes("verified"); // true
 */
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
/**
 * One of {@link BUSINESS_VERIFICATION_STATUSES}.
 *
 * @example
 * const status: BusinessVerificationStatus = "pending";
 */
export type BusinessVerificationStatus = (typeof BUSINESS_VERIFICATION_STATUSES)[number];

/**
 * WABA `account_review_status` (RESTRICTED appears only in Meta's OpenAPI).
 *
 * @example
 * ACCOUNT_REVIEW_STATUSES.includes("APPROVED"); // true
 */
export const ACCOUNT_REVIEW_STATUSES = ["APPROVED", "PENDING", "REJECTED", "RESTRICTED"] as const;
/**
 * Schema for an account review status.
 *
 * @example
 * AccountReviewStatusSchema.parse("PENDING");
 */
export const AccountReviewStatusSchema = z.enum(ACCOUNT_REVIEW_STATUSES);
/**
 * One of {@link ACCOUNT_REVIEW_STATUSES}.
 *
 * @example
 * const status: AccountReviewStatus = "APPROVED";
 */
export type AccountReviewStatus = (typeof ACCOUNT_REVIEW_STATUSES)[number];

/**
 * Schema for a messaging limit tier.
 *
 * @example
 * MessagingLimitTierSchema.parse("TIER_1K");
 */
export const MessagingLimitTierSchema = z.enum(MESSAGING_LIMIT_TIERS);

/**
 * Schema for a template status.
 *
 * @example
 * TemplateStatusSchema.parse("APPROVED");
 */
export const TemplateStatusSchema = z.enum(TEMPLATE_STATUSES);

/**
 * Schema for a template category.
 *
 * @example
 * TemplateCategorySchema.parse("MARKETING");
 */
export const TemplateCategorySchema = z.enum(TEMPLATE_CATEGORIES);

/**
 * Invoicing currencies accepted by `whatsapp_credit_sharing_and_attach`.
 *
 * @example
 * WABA_CURRENCIES.includes("EUR"); // true
 */
export const WABA_CURRENCIES = ["AUD", "EUR", "GBP", "IDR", "INR", "USD"] as const;
/**
 * Schema for a WABA currency.
 *
 * @example
 * WabaCurrencySchema.parse("USD");
 */
export const WabaCurrencySchema = z.enum(WABA_CURRENCIES);
/**
 * One of {@link WABA_CURRENCIES}.
 *
 * @example
 * const currency: WabaCurrency = "EUR";
 */
export type WabaCurrency = (typeof WABA_CURRENCIES)[number];
