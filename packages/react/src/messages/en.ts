import { errorsEn } from "./errors-en.js";
import type { Messages } from "./messages.js";

/**
 * The English catalogue.
 *
 * @example
 * en.steps.register_phone.title; // "Move the number"
 */
export const en: Messages = {
  title: "Move your WhatsApp number",
  stepsLabel: "Migration steps",
  stepCounter: "Step {n} of {total}",
  stepStates: {
    pending: "Not started",
    current: "Current step",
    complete: "Done",
    failed: "Failed",
    action_required: "Needs your action",
  },
  flowStates: {
    idle: "Getting ready.",
    preparing: "Loading Meta's sign-up window.",
    ready: "Ready to start.",
    in_popup: "The Meta window is open. Finish it there.",
    submitting: "Sending your sign-up to our server.",
    running: "Moving your number. This page updates by itself.",
    action_required: "The migration is waiting for your action.",
    failed: "The migration stopped with an error.",
    completed: "Your number has moved.",
    cancelled: "Sign-up was not finished. You can start again.",
  },
  steps: {
    two_step_verification: {
      title: "Turn off two-step verification",
      description: "The number's two-step PIN must be off before it can move.",
    },
    embedded_signup: {
      title: "Sign in with Meta",
      description:
        "In Meta's window, choose your business, create a new WhatsApp account (not your current one) and enter your existing number.",
    },
    capture_assets: {
      title: "Check the number",
      description: "We read the number's details and check that it can move.",
    },
    share_credit_line: {
      title: "Set up billing",
      description: "We attach our billing to your new WhatsApp account.",
    },
    subscribe_webhooks: {
      title: "Connect messages",
      description: "We connect the new account so that no message is lost.",
    },
    migrate_templates: {
      title: "Copy message templates",
      description:
        "We copy your approved templates with high or not-yet-rated quality, so you can use them at once.",
    },
    register_phone: {
      title: "Move the number",
      description: "We register the number with us. From here on it sends through us.",
    },
  },
  twoStep: {
    intro:
      "Ask your current WhatsApp provider to turn off two-step verification for the number, or turn it off yourself in WhatsApp Manager if you manage the account (Meta emails a link to your business portfolio's address). You can send your provider this request:",
    requestLabel: "Request for your current provider",
    requestText:
      "Hello, we are moving our WhatsApp business phone number to a new provider. Please turn off two-step verification (the 6-digit PIN) for this number in WhatsApp Manager and tell us when it is done. Thank you.",
    copy: "Copy request",
    copied: "Copied to the clipboard.",
    copyFailed: "Could not copy. Select the text and copy it by hand.",
    confirm: "Two-step verification is off",
    confirmed: "Confirmed: two-step verification is off.",
  },
  requirements: {
    title: "Before you start, check that:",
    twoStepOff: "two-step verification on the number is off",
    displayNameApproved: "the number's display name is approved by Meta",
    businessVerified: "your business is verified in Meta Business Suite",
    accountApproved: "your current WhatsApp Business Account is approved",
    paymentMethod: "your current account has a valid payment method",
    notTestNumber: "the number is a real business number, not a Meta test number",
  },
  launch: {
    start: "Continue with Meta",
    again: "Start again with Meta",
    loading: "Loading…",
    inPopup: "Meta window open…",
    confirmFirst: "Confirm step 1 first.",
    redirect: "Continue in this window instead",
  },
  progress: {
    pending: "Waiting",
    running: "In progress…",
    succeeded: "Done",
    failed: "Failed",
    action_required: "Needs action",
    skipped: "Not needed",
  },
  error: {
    title: "Something needs attention",
    retry: "Try again",
    startAgain: "Start again",
    reference: "Reference for support: {reference}",
    retryAt: "You can try again from {time}.",
    checkedAt: "Checked again: {time}.",
    metaSaid: "Meta says: {detail}",
    stoppedAt: "You stopped at Meta's screen: {screen}.",
  },
  esSteps: {
    BUSINESS_ACCOUNT_SELECTION: "choosing the business portfolio",
    WABA_PHONE_PROFILE_PICKER: "choosing the WhatsApp account",
    WHATSAPP_BUSINESS_PROFILE_SETUP: "setting up the business profile",
    PHONE_NUMBER_SETUP: "entering the phone number",
    PHONE_NUMBER_VERIFICATION: "verifying the phone number",
    PERMISSIONS: "reviewing the permissions",
  },
  templates: {
    title: "Message templates",
    empty: "No templates to copy.",
    name: "Template",
    language: "Language",
    outcome: "Result",
    outcomes: {
      copied: "Copied",
      rejected_on_recheck: "Rejected when Meta checked it again",
      not_eligible: "Not eligible",
      over_limit: "Not copied: template limit reached",
      refused: "Meta refused the copy",
      failed: "Could not be copied",
      pending: "Waiting to be copied",
    },
    rejectionReasons: {
      ABUSIVE_CONTENT: "abusive content",
      CATEGORY_NOT_AVAILABLE: "category not available",
      INCORRECT_CATEGORY: "incorrect category",
      INVALID_FORMAT: "invalid format",
      PROMOTIONAL: "promotional content",
      SCAM: "suspected scam",
      TAG_CONTENT_MISMATCH: "content does not match the category",
    },
    notApproved: "not approved by Meta ({status})",
    statuses: {
      APPROVED: "approved",
      ARCHIVED: "archived",
      DELETED: "deleted",
      DISABLED: "disabled",
      FLAGGED: "flagged",
      IN_APPEAL: "in appeal",
      LIMIT_EXCEEDED: "limit exceeded",
      LOCKED: "locked",
      PAUSED: "paused",
      PENDING: "pending review",
      PENDING_DELETION: "pending deletion",
      REINSTATED: "reinstated",
      REJECTED: "rejected",
    },
    lowQuality: "quality {quality}",
    qualityNote:
      "Copied templates show quality “unknown” for up to 24 hours while Meta rates them again. You can send them now.",
    refusedNote:
      "Meta did not accept some templates as they are: change them as Meta's reason says and submit them again in WhatsApp Manager.",
    sourceUnreadable:
      "Meta copies your approved templates with high quality itself after the move. They are listed here as they arrive.",
    copyNow: "Copy templates now",
    copying: "Copying templates…",
    copiedNow: "Templates copied by this request: {n}.",
  },
  summary: {
    title: "Your number has moved",
    intro: "Everything below was kept. You can send messages through us now.",
    displayName: "Display name",
    phoneNumber: "Phone number",
    qualityRating: "Quality rating",
    messagingLimit: "Messaging limit",
    officialBusiness: "Official business account",
    yes: "Yes",
    no: "No",
    notReported: "Not reported by Meta",
    kept: "kept",
    billingCutover: "Billed by us from",
    billingPending: "The moment the number moved (exact time not known yet)",
    unknown: "Not known yet",
  },
  quality: {
    GREEN: "High",
    YELLOW: "Medium",
    RED: "Low",
    UNKNOWN: "Unknown",
    NA: "Not rated yet",
  },
  limits: {
    TIER_50: "50 conversations a day",
    TIER_250: "250 conversations a day",
    TIER_1K: "1,000 conversations a day",
    TIER_2K: "2,000 conversations a day",
    TIER_10K: "10,000 conversations a day",
    TIER_100K: "100,000 conversations a day",
    TIER_UNLIMITED: "Unlimited",
    UNTIERED: "Not tiered",
    TIER_NOT_SET: "Not set yet",
  },
  errors: errorsEn,
};
