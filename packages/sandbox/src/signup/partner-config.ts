import type { Sandbox } from "../engine/sandbox.js";
import type { PopupFacts, ScenarioName } from "../scenarios/scenarios.js";
import { popupRefusal } from "./popup-refusal.js";

/**
 * `GET /__sandbox/partner`: what a BFF (and the popup pages) need to act as the partner.
 *
 * @example
 * const partner: PartnerConfig = await (await graph.request("/__sandbox/partner")).json();
 * const env = { META_APP_ID: partner.app_id, META_APP_SECRET: partner.app_secret, META_SYSTEM_TOKEN: partner.system_token };
 */
export interface PartnerConfig {
  app_id: string;
  app_secret: string;
  app_name: string;
  /** The app's default webhook callback (null in `no-default-webhook`). */
  callback_url: string | null;
  verify_token: string;
  system_user_id: string;
  system_token: string;
  business_id: string;
  credit_line_id: string;
  /** The Facebook Login for Business configuration id per Embedded Signup version. */
  config_ids: { v2: string; v3: string; v4: string };
  /** Same as `config_ids.v4` (the current version). */
  config_id: string;
  scenario: ScenarioName;
}

/**
 * The partner's configuration in the current state.
 *
 * @example
 * const { app_id, app_secret, system_token } = partnerConfig(sandbox);
 */
export function partnerConfig(sandbox: Sandbox): PartnerConfig {
  const { partner } = sandbox.state;
  return {
    app_id: partner.app.id,
    app_secret: partner.app.secret,
    app_name: partner.app.name,
    callback_url: partner.app.callbackUrl ?? null,
    verify_token: partner.app.verifyToken,
    system_user_id: partner.systemUserId,
    system_token: partner.systemToken,
    business_id: partner.businessId,
    credit_line_id: partner.creditLineId,
    config_ids: { ...partner.configIds },
    config_id: partner.configIds.v4,
    scenario: sandbox.scenario.name,
  };
}

/**
 * What the popup pages need to play a scenario: the number to pre-fill and how to end.
 *
 * @example
 * const facts: PopupScenario = popupScenario(graph.sandbox);
 * facts.phone; // the number the popup pre-fills, e.g. "16315551234"
 */
export interface PopupScenario extends PopupFacts {
  scenario: ScenarioName;
  /** The customer's number as the popup pre-fills it (digits with country code). */
  phone: string;
  display_phone_number: string;
  verified_name: string;
  business_name: string;
}

/**
 * The scenario's popup-facing facts: which error screen to show, message/callback order, finish event.
 *
 * @example
 * const facts = popupScenario(sandbox);
 * if (facts.error) showErrorScreen(facts.error.error_message);
 */
export function popupScenario(sandbox: Sandbox): PopupScenario {
  const { state, scenario } = sandbox;
  const phone = state.phones.get(state.customer.phoneId);
  const business = state.businesses.get(state.customer.businessId);
  return {
    ...scenario.popup,
    // The scenario's error, or the customer number's live two-step state where the popup checks it.
    error: popupRefusal(sandbox, phone),
    scenario: scenario.name,
    phone: phone ? `${phone.cc}${phone.phoneNumber}` : "",
    display_phone_number: phone?.display_phone_number ?? "",
    verified_name: phone?.verified_name ?? "",
    business_name: business?.name ?? "",
  };
}
