import { addTemplates } from "../state/seed-world.js";
import {
  customerPhone,
  customerSourceWaba,
  OK_POPUP,
  phoneError,
  SCENARIO_DEFAULTS,
  type ScenarioDefinition,
  type ScenarioName,
} from "./scenario-definition.js";

export {
  type PopupFacts,
  SCENARIO_NAMES,
  type ScenarioDefinition,
  type ScenarioName,
} from "./scenario-definition.js";

// The named scenarios. Each `summary` is the scenario's line in the package README.

const definitions: ScenarioDefinition[] = [
  {
    ...SCENARIO_DEFAULTS,
    name: "happy",
    summary:
      "Customer owns its approved, verified source WABA (12 templates of mixed status/quality, 6 APPROVED+GREEN) and shares it in the signup; every rule passes.",
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "source-obo",
    summary:
      "Source WABA is owned by the old partner on behalf of the customer and is not shared: the business token cannot read it (100/33) and `migrate_message_templates` from it fails (different owner); registration still moves the number and Meta's automatic copy still runs.",
    grantsSourceWaba: false,
    setup: (state) => {
      const waba = customerSourceWaba(state);
      waba.onBehalfOfBusinessId = state.customer.businessId;
      waba.ownerBusinessId = state.customer.oldPartnerBusinessId;
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "two-step-on",
    summary:
      "Two-step verification is still on (PIN 424242) and Meta's popup lets the number through (decision 016): `is_pin_enabled` is true and Graph refuses migration with 100/2388001 (register on the destination, `migrate_phone_number`) until `POST /__sandbox/phone-numbers/{id} {twoStepEnabled: false}` turns it off.",
    setup: (state) => {
      customerPhone(state).twoStepEnabled = true;
      customerPhone(state).pin = "424242";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "two-step-on-popup",
    summary:
      "Two-step verification is still on (PIN 424242) and Meta's popup checks it: \"Please ensure two-step authentication is disabled.\" at PHONE_NUMBER_SETUP (error_id 2388001) while the number's two-step is on; Graph refuses migration with 100/2388001 as in `two-step-on`.",
    popupChecksTwoStep: true,
    setup: (state) => {
      customerPhone(state).twoStepEnabled = true;
      customerPhone(state).pin = "424242";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "test-number",
    summary:
      "The number is a Meta test number: the popup refuses it at PHONE_NUMBER_SETUP; Graph refuses migration with 100/2388103.",
    popup: phoneError("Meta test numbers cannot be migrated.", "2388103"),
    setup: (state) => {
      customerPhone(state).isTestNumber = true;
      customerPhone(state).account_mode = "SANDBOX";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "name-pending-review",
    summary:
      '`name_status` is PENDING_REVIEW: the popup shows "Registered name should be present and approved."; Graph refuses with 100/2388103.',
    popup: phoneError("Registered name should be present and approved.", "2388103"),
    setup: (state) => {
      customerPhone(state).name_status = "PENDING_REVIEW";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "pending-rename",
    summary:
      "A display-name change is pending (`new_name_status` PENDING_REVIEW): the popup refuses it; Graph refuses with 100/2388103. Advancing the clock 24 h approves the rename and sends `phone_number_name_update`.",
    popup: phoneError("Registered name should be present and approved.", "2388103"),
    setup: (state) => {
      customerPhone(state).new_name_status = "PENDING_REVIEW";
      customerPhone(state).requestedName = "Wind and Wool";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "business-unverified",
    summary:
      "The customer's portfolio is not verified (`pending`): signup finishes; registration and `migrate_phone_number` fail with 100/2388103.",
    setup: (state) => {
      const business = state.businesses.get(state.customer.businessId);
      if (business) business.verification_status = "pending";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "source-waba-not-approved",
    summary:
      'Source WABA review status is PENDING: signup finishes; registration fails with 100/2388103 "Your WhatsApp account must be approved".',
    setup: (state) => {
      customerSourceWaba(state).account_review_status = "PENDING";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "no-payment-method",
    summary:
      'Source WABA has no payment method: signup finishes; registration fails with 100/2388103 "Your WhatsApp account does not have a payment account.".',
    setup: (state) => {
      customerSourceWaba(state).hasPaymentMethod = false;
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "template-limit-near",
    summary:
      'Source holds 260 templates (254 APPROVED+GREEN) and the destination\'s limit is 250: copies (API or automatic) stop at 250; the API lists the rest in `failed_templates` as "Template limit exceeded".',
    destTemplateLimit: 250,
    setup: (state, now) => {
      const seeds = Array.from({ length: 248 }, (_, i) => [
        `bulk_notice_${String(i + 1).padStart(3, "0")}`,
        "en_US",
        "UTILITY",
        "APPROVED",
        "GREEN",
      ]) as Parameters<typeof addTemplates>[2];
      addTemplates(state, state.customer.sourceWabaId, seeds, now - 86_400_000);
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "recheck-rejects",
    summary:
      'Meta\'s category re-check rejects `shipping_update` and `login_code`: the automatic copy creates them REJECTED (INCORRECT_CATEGORY, with a status webhook); the template migration API lists them in `failed_templates` as "Incorrect category".',
    recheckRejects: ["shipping_update", "login_code"],
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "on-prem-source",
    summary:
      "The number runs on the On-Premises API: it migrates to Cloud API only (`platform_type` becomes CLOUD_API); Meta asks for a subscribed app only for Cloud API sources, so registration works without one.",
    setup: (state) => {
      customerPhone(state).platform_type = "ON_PREMISE";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "register-rate-limited",
    summary:
      "The number already had 10 register/deregister requests in the last 72 h: `register` fails with 133016 until the sandbox clock passes the window.",
    setup: (state, now) => {
      customerPhone(state).registrationRequests = Array.from(
        { length: 10 },
        (_, i) => now - (i + 1) * 3_600_000,
      );
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "pin-mismatch",
    summary:
      "An earlier registration already went through with PIN 135790 (the number moved, two-step is on): registering again with another PIN fails with 133005 and changes nothing; with 135790 it succeeds.",
    alreadyRegisteredPin: "135790",
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "rate-limited",
    summary:
      "Every customer WABA has used its 200 calls for the current hour: WABA-scoped calls fail with 80007 (`estimated_time_to_regain_access` in the usage header) until the clock reaches the next hour.",
    exhaustWabaUsage: true,
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "flaky",
    summary:
      "20 % of Graph calls fail with a transient fault (1, 2, 131000, 131016 or an HTTP 503 from the edge), drawn from the seed; the popup's `FB.login` callback arrives before the message event.",
    popup: { ...OK_POPUP, order: "callback-then-message" },
    faults: { errorRate: { rate: 0.2, codes: [1, 2, 131000, 131016, "5xx"] } },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "token-expired",
    summary:
      "The business token from the code exchange is already expired: calls with it fail with 190/463 and `debug_token` reports `is_valid: false`.",
    businessTokenExpired: true,
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "no-default-webhook",
    summary:
      "The partner app has no default callback URL: `POST /{waba}/subscribed_apps` fails with #100, and with `override_callback_uri` too (Meta takes an override only from an app already subscribed to the WABA); signup webhooks are not delivered, and template webhooks never are (Meta sends them only to the app's default callback).",
    setup: (state) => {
      state.partner.app.callbackUrl = undefined;
    },
  },
];

/** Scenario definitions by name. */
export const SCENARIOS: ReadonlyMap<ScenarioName, ScenarioDefinition> = new Map(
  definitions.map((d) => [d.name, d]),
);

/**
 * Whether a string names a scenario.
 *
 * @example
 * isScenarioName("happy"); // true
 */
export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === "string" && SCENARIOS.has(value as ScenarioName);
}

/**
 * The definition of a scenario.
 *
 * @example
 * getScenario("test-number").popup.error?.error_id; // "2388103"
 */
export function getScenario(name: ScenarioName): ScenarioDefinition {
  const found = SCENARIOS.get(name);
  if (!found) throw new Error(`unknown scenario ${name}`);
  return found;
}
