import { REGISTRATION_BLOCK_MS } from "../graph/operations/registration.js";
import { bulkTemplates } from "../state/seed-templates.js";
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
      "The customer's portfolio is not verified (`pending`): signup finishes; registration and `migrate_phone_number` fail with 100/2388103; its WABAs may hold 250 templates (Meta's limit for an unverified portfolio) until it is verified.",
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
      'Source holds 260 templates (254 APPROVED+GREEN, 255 eligible for the API); the customer chose in the popup a WABA that already holds 5,748 templates (seeded at signup), and its verified portfolio with an approved display name gives it Meta\'s 6,000: copies (API or automatic) stop after 252; the API lists the rest in `failed_templates` as "Template limit exceeded".',
    destinationTemplates: 5748,
    setup: (state, now) => {
      addTemplates(
        state,
        state.customer.sourceWabaId,
        bulkTemplates("bulk_notice", 248),
        now - 86_400_000,
      );
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
      "The number runs on the On-Premises API: it migrates to Cloud API only (`platform_type` becomes CLOUD_API); registration still needs an app subscribed on the destination (the Embedded Signup guide asks for it whatever the source), while `migrate_phone_number` (programmatic guide: Cloud API sources only) does not.",
    setup: (state) => {
      customerPhone(state).platform_type = "ON_PREMISE";
    },
  },
  {
    ...SCENARIO_DEFAULTS,
    name: "register-rate-limited",
    summary:
      "The number used its 10 register/deregister requests of the last 72 h and an 11th was refused as the scenario starts, so Meta blocks it for 72 h from then (`registrationBlockedUntil` on the number in `GET /__sandbox/state`): `register` and `deregister` fail with 133016 until the block ends, even once the moving window has room again.",
    setup: (state, now) => {
      const phone = customerPhone(state);
      phone.registrationRequests = Array.from({ length: 10 }, (_, i) => now - (i + 1) * 3_600_000);
      // The refused 11th request starts Meta's 72 h block (facts §3.9, see `chargeRegistration`).
      phone.registrationBlockedUntil = now + REGISTRATION_BLOCK_MS;
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
      "Every customer WABA has used its calls for the current hour (200, or 5,000 once it has a registered number): the endpoints Meta's WABA rate limit covers (`GET /{waba}`, its `phone_numbers` GET, `message_templates`, `subscribed_apps`, `assigned_users`, `migrate_message_templates`, `GET /{phone}`) fail with 80007 (`estimated_time_to_regain_access` in the usage header) until the clock reaches the next hour; register, request_code, verify_code and other calls are not charged.",
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
