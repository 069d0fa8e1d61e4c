import type { EsStep } from "@wa-migrate/contracts";
import type { FaultConfig } from "../faults/fault-config.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { addTemplates } from "../state/seed-world.js";

/** Every scenario name the sandbox knows. */
export const SCENARIO_NAMES = [
  "happy",
  "source-obo",
  "two-step-on",
  "test-number",
  "name-pending-review",
  "pending-rename",
  "business-unverified",
  "source-waba-not-approved",
  "no-payment-method",
  "template-limit-near",
  "recheck-rejects",
  "on-prem-source",
  "register-rate-limited",
  "pin-mismatch",
  "rate-limited",
  "flaky",
  "token-expired",
  "no-default-webhook",
] as const;
/** One of {@link SCENARIO_NAMES}. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * What the Embedded Signup popup must do in a scenario (read by the popup pages, issue 4).
 * `error` set: the popup shows that error screen and ends with a `CANCEL` message carrying it.
 */
export interface PopupFacts {
  error: { current_step: EsStep; error_message: string; error_id: string } | undefined;
  finishEvent: "FINISH" | "FINISH_ONLY_WABA";
  /** Which reaches the page first: the `message` event or the `FB.login` callback. */
  order: "message-then-callback" | "callback-then-message";
}

/** One named scenario. */
export interface ScenarioDefinition {
  name: ScenarioName;
  /** The one-line description used in the README. */
  summary: string;
  popup: PopupFacts;
  /** Whether the signup also shares the customer's source WABA with the partner app. */
  grantsSourceWaba: boolean;
  /** Business tokens from the code exchange are already expired. */
  businessTokenExpired: boolean;
  /** Every customer WABA starts the current hour with its call budget used up (80007). */
  exhaustWabaUsage: boolean;
  /** Names of templates Meta's re-check rejects when copying them. */
  recheckRejects: readonly string[];
  /** Template limit of the destination WABA created by the signup. */
  destTemplateLimit: 250 | 6000;
  /** Set: a registration already went through with this PIN (the number moved, 2SV on). */
  alreadyRegisteredPin: string | undefined;
  faults: FaultConfig;
  /** Changes to the default world. */
  setup: (state: SandboxState, now: number) => void;
}

const OK_POPUP: PopupFacts = {
  error: undefined,
  finishEvent: "FINISH",
  order: "message-then-callback",
};

/** The popup's phone-screen error for a number that cannot migrate (Meta's migration error texts). */
function phoneError(error_message: string, error_id: string): PopupFacts {
  return { ...OK_POPUP, error: { current_step: "PHONE_NUMBER_SETUP", error_message, error_id } };
}

const base: Omit<ScenarioDefinition, "name" | "summary"> = {
  popup: OK_POPUP,
  grantsSourceWaba: true,
  businessTokenExpired: false,
  exhaustWabaUsage: false,
  recheckRejects: [],
  destTemplateLimit: 6000,
  alreadyRegisteredPin: undefined,
  faults: {},
  setup: () => {},
};

const phone = (state: SandboxState) => {
  const found = state.phones.get(state.customer.phoneId);
  if (!found) throw new Error("seeded world has no customer phone");
  return found;
};
const sourceWaba = (state: SandboxState) => {
  const found = state.wabas.get(state.customer.sourceWabaId);
  if (!found) throw new Error("seeded world has no source WABA");
  return found;
};

const definitions: ScenarioDefinition[] = [
  {
    ...base,
    name: "happy",
    summary:
      "Customer owns its approved, verified source WABA (12 templates of mixed status/quality, 6 APPROVED+GREEN) and shares it in the signup; every rule passes.",
  },
  {
    ...base,
    name: "source-obo",
    summary:
      "Source WABA is owned by the old partner on behalf of the customer and is not shared: the business token cannot read it (100/33) and `migrate_message_templates` from it fails (different owner); registration still moves the number and Meta's automatic copy still runs.",
    grantsSourceWaba: false,
    setup: (state) => {
      const waba = sourceWaba(state);
      waba.onBehalfOfBusinessId = state.customer.businessId;
      waba.ownerBusinessId = state.customer.oldPartnerBusinessId;
    },
  },
  {
    ...base,
    name: "two-step-on",
    summary:
      'Two-step verification is still on: the popup shows "Please ensure two-step authentication is disabled." at PHONE_NUMBER_SETUP; Graph refuses migration with 100/2388001 (register on the destination, `migrate_phone_number`).',
    popup: phoneError("Please ensure two-step authentication is disabled.", "2388001"),
    setup: (state) => {
      phone(state).twoStepEnabled = true;
      phone(state).pin = "424242";
    },
  },
  {
    ...base,
    name: "test-number",
    summary:
      "The number is a Meta test number: the popup refuses it at PHONE_NUMBER_SETUP; Graph refuses migration with 100/2388103.",
    popup: phoneError("Meta test numbers cannot be migrated.", "2388103"),
    setup: (state) => {
      phone(state).isTestNumber = true;
      phone(state).account_mode = "SANDBOX";
    },
  },
  {
    ...base,
    name: "name-pending-review",
    summary:
      '`name_status` is PENDING_REVIEW: the popup shows "Registered name should be present and approved."; Graph refuses with 100/2388103.',
    popup: phoneError("Registered name should be present and approved.", "2388103"),
    setup: (state) => {
      phone(state).name_status = "PENDING_REVIEW";
    },
  },
  {
    ...base,
    name: "pending-rename",
    summary:
      "A display-name change is pending (`new_name_status` PENDING_REVIEW): the popup refuses it; Graph refuses with 100/2388103. Advancing the clock 24 h approves the rename and sends `phone_number_name_update`.",
    popup: phoneError("Registered name should be present and approved.", "2388103"),
    setup: (state) => {
      phone(state).new_name_status = "PENDING_REVIEW";
      phone(state).requestedName = "Wind and Wool";
    },
  },
  {
    ...base,
    name: "business-unverified",
    summary:
      "The customer's portfolio is not verified (`pending`): signup finishes; registration and `migrate_phone_number` fail with 100/2388103.",
    setup: (state) => {
      const business = state.businesses.get(state.customer.businessId);
      if (business) business.verification_status = "pending";
    },
  },
  {
    ...base,
    name: "source-waba-not-approved",
    summary:
      'Source WABA review status is PENDING: signup finishes; registration fails with 100/2388103 "Your WhatsApp account must be approved".',
    setup: (state) => {
      sourceWaba(state).account_review_status = "PENDING";
    },
  },
  {
    ...base,
    name: "no-payment-method",
    summary:
      'Source WABA has no payment method: signup finishes; registration fails with 100/2388103 "Your WhatsApp account does not have a payment account.".',
    setup: (state) => {
      sourceWaba(state).hasPaymentMethod = false;
    },
  },
  {
    ...base,
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
    ...base,
    name: "recheck-rejects",
    summary:
      'Meta\'s category re-check rejects `shipping_update` and `login_code`: the automatic copy creates them REJECTED (INCORRECT_CATEGORY, with a status webhook); the template migration API lists them in `failed_templates` as "Incorrect category".',
    recheckRejects: ["shipping_update", "login_code"],
  },
  {
    ...base,
    name: "on-prem-source",
    summary:
      "The number runs on the On-Premises API: it migrates to Cloud API only (`platform_type` becomes CLOUD_API); Meta asks for a subscribed app only for Cloud API sources, so registration works without one.",
    setup: (state) => {
      phone(state).platform_type = "ON_PREMISE";
    },
  },
  {
    ...base,
    name: "register-rate-limited",
    summary:
      "The number already had 10 register/deregister requests in the last 72 h: `register` fails with 133016 until the sandbox clock passes the window.",
    setup: (state, now) => {
      phone(state).registrationRequests = Array.from(
        { length: 10 },
        (_, i) => now - (i + 1) * 3_600_000,
      );
    },
  },
  {
    ...base,
    name: "pin-mismatch",
    summary:
      "An earlier registration already went through with PIN 135790 (the number moved, two-step is on): registering again with another PIN fails with 133005 and changes nothing; with 135790 it succeeds.",
    alreadyRegisteredPin: "135790",
  },
  {
    ...base,
    name: "rate-limited",
    summary:
      "Every customer WABA has used its 200 calls for the current hour: WABA-scoped calls fail with 80007 (`estimated_time_to_regain_access` in the usage header) until the clock reaches the next hour.",
    exhaustWabaUsage: true,
  },
  {
    ...base,
    name: "flaky",
    summary:
      "20 % of Graph calls fail with a transient fault (1, 2, 131000, 131016 or an HTTP 503 from the edge), drawn from the seed; the popup's `FB.login` callback arrives before the message event.",
    popup: { ...OK_POPUP, order: "callback-then-message" },
    faults: { errorRate: { rate: 0.2, codes: [1, 2, 131000, 131016, "5xx"] } },
  },
  {
    ...base,
    name: "token-expired",
    summary:
      "The business token from the code exchange is already expired: calls with it fail with 190/463 and `debug_token` reports `is_valid: false`.",
    businessTokenExpired: true,
  },
  {
    ...base,
    name: "no-default-webhook",
    summary:
      "The partner app has no default callback URL: `POST /{waba}/subscribed_apps` without `override_callback_uri` fails with #100; signup webhooks are not delivered.",
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
 * getScenario("two-step-on").popup.error?.error_id; // "2388001"
 */
export function getScenario(name: ScenarioName): ScenarioDefinition {
  const found = SCENARIOS.get(name);
  if (!found) throw new Error(`unknown scenario ${name}`);
  return found;
}
