import type { EsStep } from "@wa-migrate/contracts";
import type { FaultConfig } from "../faults/fault-config.js";
import type { SandboxState } from "../state/sandbox-state.js";

/**
 * Every scenario name the sandbox knows.
 *
 * @example
 * for (const scenario of SCENARIO_NAMES) createFakeGraph({ scenario });
 */
export const SCENARIO_NAMES = [
  "happy",
  "source-obo",
  "two-step-on",
  "two-step-on-popup",
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
/**
 * One of {@link SCENARIO_NAMES}.
 *
 * @example
 * const scenario: ScenarioName = "two-step-on";
 * createFakeGraph({ scenario });
 */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * What the Embedded Signup popup must do in a scenario (read by the popup pages, issue 4).
 * `error` set: the popup shows that error screen and ends with a `CANCEL` message carrying it.
 *
 * @example
 * const { error, finishEvent, order }: PopupFacts = getScenario("test-number").popup;
 * error?.error_id; // the popup's refusal at PHONE_NUMBER_SETUP
 */
export interface PopupFacts {
  error: { current_step: EsStep; error_message: string; error_id: string } | undefined;
  finishEvent: "FINISH" | "FINISH_ONLY_WABA";
  /** Which reaches the page first: the `message` event or the `FB.login` callback. */
  order: "message-then-callback" | "callback-then-message";
}

/**
 * One named scenario.
 *
 * @example
 * const { name, summary }: ScenarioDefinition = getScenario("source-obo");
 */
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
  /**
   * Templates the signup's destination WABA already holds. Meta's popup lets the customer choose
   * a WABA rather than create one (facts §1.6, "creates/chooses"); the sandbox's signup always
   * creates it, so a chosen account's templates are seeded into it. Its limit is Meta's rule,
   * never a setting (`templateLimit`).
   */
  destinationTemplates: number;
  /** Set: a registration already went through with this PIN (the number moved, 2SV on). */
  alreadyRegisteredPin: string | undefined;
  /**
   * Whether the popup refuses a number while its two-step verification is on (read live at
   * PHONE_NUMBER_SETUP and on finishing). Meta does not say where it checks this rule (decisions
   * 007 and 016): only `two-step-on-popup` checks it in the popup; elsewhere Graph's check at
   * registration (and the partner's own, on `is_pin_enabled`) is what stops the number.
   */
  popupChecksTwoStep: boolean;
  faults: FaultConfig;
  /** Changes to the default world. */
  setup: (state: SandboxState, now: number) => void;
}

/** A popup that finishes normally. */
export const OK_POPUP: PopupFacts = {
  error: undefined,
  finishEvent: "FINISH",
  order: "message-then-callback",
};

/**
 * The popup's phone-screen error for a number that cannot migrate (Meta's migration error texts).
 *
 * @example
 * phoneError("Please ensure two-step authentication is disabled.", "2388001");
 */
export function phoneError(error_message: string, error_id: string): PopupFacts {
  return { ...OK_POPUP, error: { current_step: "PHONE_NUMBER_SETUP", error_message, error_id } };
}

/** The defaults every scenario starts from (the `happy` behaviour). */
export const SCENARIO_DEFAULTS: Omit<ScenarioDefinition, "name" | "summary"> = {
  popup: OK_POPUP,
  grantsSourceWaba: true,
  businessTokenExpired: false,
  exhaustWabaUsage: false,
  recheckRejects: [],
  destinationTemplates: 0,
  alreadyRegisteredPin: undefined,
  popupChecksTwoStep: false,
  faults: {},
  setup: () => {},
};

/** The scenario's customer number in a seeded world. */
export const customerPhone = (state: SandboxState) => {
  const found = state.phones.get(state.customer.phoneId);
  if (!found) throw new Error("seeded world has no customer phone");
  return found;
};
/** The customer's source WABA in a seeded world. */
export const customerSourceWaba = (state: SandboxState) => {
  const found = state.wabas.get(state.customer.sourceWabaId);
  if (!found) throw new Error("seeded world has no source WABA");
  return found;
};
