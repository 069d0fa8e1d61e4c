import type {
  EsStep,
  MessagingLimitTier,
  MigrationErrorCode,
  QualityRating,
  StepId,
  StepStatus,
  TemplateOutcome,
  TemplateRejectionReason,
  TemplateStatus,
} from "@wa-migrate/contracts";
import type { FlowState, StepViewState } from "@wa-migrate/core";

/**
 * Every text the component shows. Both catalogues (`en`, `de`) are typed with this interface, so a
 * key missing in one of them is a type error; `errors` is a `Record` over the contracts' codes, so a
 * new error code fails the build until both languages explain it.
 * Placeholders in braces (`{count}`) are filled by {@link formatMessage}.
 *
 * @example
 * const texts: Messages = { ...en, title: "Move your number to Acme" };
 */
export interface Messages {
  title: string;
  stepsLabel: string;
  stepCounter: string;
  stepStates: Record<StepViewState, string>;
  /** Announced in the live region when the flow changes state. */
  flowStates: Record<FlowState, string>;
  steps: Record<StepId, { title: string; description: string }>;
  twoStep: {
    intro: string;
    requestLabel: string;
    requestText: string;
    copy: string;
    copied: string;
    copyFailed: string;
    confirm: string;
    confirmed: string;
  };
  requirements: {
    title: string;
    twoStepOff: string;
    displayNameApproved: string;
    businessVerified: string;
    accountApproved: string;
    paymentMethod: string;
    notTestNumber: string;
  };
  launch: {
    start: string;
    again: string;
    loading: string;
    inPopup: string;
    confirmFirst: string;
    /** The full-page fallback when pop-ups are blocked. */
    redirect: string;
  };
  progress: Record<StepStatus, string>;
  error: {
    title: string;
    retry: string;
    startAgain: string;
    reference: string;
    /** When trying again can work; `{time}` is a date and time in the customer's language. */
    retryAt: string;
    /** When a stop was met again after "Try again"; `{time}` as in `retryAt`. */
    checkedAt: string;
    metaSaid: string;
    /** Where the customer left Meta's window: "{screen}" is one of `esSteps`. */
    stoppedAt: string;
  };
  /** Names of Meta's Embedded Signup screens (the `current_step` of a CANCEL). */
  esSteps: Record<EsStep, string>;
  templates: {
    title: string;
    empty: string;
    name: string;
    language: string;
    outcome: string;
    outcomes: Record<TemplateOutcome, string>;
    /** Why Meta's re-check rejected a copy, for each of Meta's reason codes. */
    rejectionReasons: Record<TemplateRejectionReason, string>;
    /** Why a template is not eligible: "{status}" is one of `statuses`. */
    notApproved: string;
    /** Meta's template statuses as words ("pending review"), for `notApproved`. */
    statuses: Record<TemplateStatus, string>;
    /** Below the report when Meta refused or rejected copies: what the customer can do. */
    refusedNote: string;
    /** "{quality}" is one of `quality` (Medium, Low): only High and not yet rated ones are copied. */
    lowQuality: string;
    qualityNote: string;
    sourceUnreadable: string;
    copyNow: string;
    /** The copy button while its request runs. */
    copying: string;
    /** After a "copy now": `{n}` templates this press copied (also 0). */
    copiedNow: string;
  };
  summary: {
    title: string;
    intro: string;
    displayName: string;
    phoneNumber: string;
    qualityRating: string;
    messagingLimit: string;
    officialBusiness: string;
    yes: string;
    no: string;
    /** The official-business status when Meta's answer did not say (shown without "kept"). */
    notReported: string;
    kept: string;
    billingCutover: string;
    billingPending: string;
    unknown: string;
  };
  quality: Record<QualityRating, string>;
  limits: Record<MessagingLimitTier, string>;
  /** What happened and what to do, one or two sentences a customer understands, per error code. */
  errors: Record<MigrationErrorCode, string>;
}

/**
 * Built-in languages.
 *
 * @example
 * const locale: Locale = navigator.language.startsWith("de") ? "de" : "en";
 * <MigrationFlow appId={appId} configId={configId} bffUrl="/wa" locale={locale} />
 */
export type Locale = "en" | "de";

/**
 * Overrides for some texts: top-level strings, or some keys of a section.
 *
 * @example
 * const messages: MessageOverrides = { title: "Move to Acme", launch: { start: "Connect WhatsApp" } };
 */
export type MessageOverrides = {
  [K in keyof Messages]?: Messages[K] extends string ? string : Partial<Messages[K]>;
};

/**
 * Fills `{name}` placeholders; unknown placeholders stay as they are.
 *
 * @example
 * formatMessage("Step {n} of {total}", { n: 2, total: 7 }); // "Step 2 of 7"
 */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/**
 * A date and time (ISO 8601) in the customer's language, as every part shows them; `"medium"`
 * adds the seconds (where two moments a minute apart must differ).
 *
 * @example
 * formatTime("2026-12-08T09:30:00Z", "de"); // "8. Dezember 2026 um 09:30" (in the page's time zone)
 */
export function formatTime(
  iso: string,
  locale: Locale,
  timeStyle: "short" | "medium" = "short",
): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle }).format(new Date(iso));
}
