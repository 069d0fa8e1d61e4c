import { createRng, type Rng } from "../engine/rng.js";
import type { Sandbox } from "../engine/sandbox.js";
import { completeSignup } from "../signup/complete-signup.js";
import { partnerConfig, popupScenario } from "../signup/partner-config.js";
import { TWO_STEP_POPUP_ERROR } from "../signup/popup-refusal.js";
import type { SandboxState } from "../state/sandbox-state.js";
import type { PhoneRecord } from "../state/types.js";
import { scenarioErrorScreen } from "./es-error-texts.js";
import type { PopupBackend } from "./popup-backend.js";

function findPhone(state: SandboxState, e164: string): PhoneRecord | undefined {
  const digits = e164.replace(/\D/g, "");
  if (!digits) return undefined;
  return [...state.phones.values()].find((phone) => `${phone.cc}${phone.phoneNumber}` === digits);
}

/**
 * The popup's view of a {@link Sandbox}: partner app and configurations, the customer's
 * portfolio and number, the scenario's popup facts, and `completeSignup` for Meta's side of
 * finishing (the same function `POST /__sandbox/signups` uses).
 *
 * @example
 * const { app } = createPopupRoutes({ backend: createSandboxBackend(sandbox), control: true });
 */
export function createSandboxBackend(sandbox: Sandbox): PopupBackend {
  // The popup draws session ids and codes from its own stream, so opening a popup does not
  // shift the ids the world hands out (same seed, same WABA ids with or without a popup).
  const streams = new WeakMap<SandboxState, Rng>();
  const rng = (): Rng => {
    let stream = streams.get(sandbox.state);
    if (!stream) {
      stream = createRng(sandbox.seed ^ 0x0e5);
      streams.set(sandbox.state, stream);
    }
    return stream;
  };

  return {
    partner() {
      const config = partnerConfig(sandbox);
      return {
        appId: config.app_id,
        appName: config.app_name,
        configs: [
          { id: config.config_ids.v4, esVersion: "v4" },
          { id: config.config_ids.v3, esVersion: "v3" },
          { id: config.config_ids.v2, esVersion: "v2" },
        ],
      };
    },
    businesses() {
      const business = sandbox.state.businesses.get(sandbox.state.customer.businessId);
      return business ? [{ id: business.id, name: business.name }] : [];
    },
    suggestedNumber() {
      const facts = popupScenario(sandbox);
      return facts.phone
        ? { phoneNumber: `+${facts.phone}`, displayName: facts.verified_name }
        : undefined;
    },
    checkNumber(phoneNumber) {
      const phone = findPhone(sandbox.state, phoneNumber);
      if (!phone) {
        // The sandbox's world only holds numbers that can move; the same text as completeSignup.
        const error = scenarioErrorScreen({
          current_step: "PHONE_NUMBER_SETUP",
          error_message:
            "This phone number is not registered to a WhatsApp Business Account that can be moved.",
          error_id: "2388103",
        });
        return { registered: false, needsVerification: false, problem: error };
      }
      // Read live, so a number whose two-step verification was turned off meanwhile goes on.
      const { scenario } = sandbox;
      const twoStep = scenario.popupChecksTwoStep && phone.twoStepEnabled;
      return {
        registered: true,
        needsVerification: phone.code_verification_status !== "VERIFIED",
        problem: twoStep ? scenarioErrorScreen(TWO_STEP_POPUP_ERROR) : undefined,
      };
    },
    scenario() {
      const facts = popupScenario(sandbox);
      return {
        verification: false,
        verificationCode: rng().digits(6),
        messageOrder: facts.order === "callback-then-message" ? "callback-first" : "message-first",
        finishOnlyWaba: facts.finishEvent === "FINISH_ONLY_WABA",
        // The scenario's fixed error only: the two-step check is per number (`checkNumber`).
        error: sandbox.scenario.popup.error
          ? scenarioErrorScreen(sandbox.scenario.popup.error)
          : undefined,
      };
    },
    generation: () => sandbox.state,
    now: () => sandbox.clock.now(),
    sessionId: () => rng().digits(15),
    complete(choice) {
      const onlyWaba = choice.phoneNumber === undefined;
      const outcome = completeSignup(sandbox, {
        ...(onlyWaba ? {} : { phone: choice.phoneNumber?.replace(/\D/g, "") }),
        finishEvent: onlyWaba ? "FINISH_ONLY_WABA" : "FINISH",
        ...(choice.wabaName ? { wabaName: choice.wabaName } : {}),
        ...(choice.redirectUri ? { redirectUri: choice.redirectUri } : {}),
        // The scenario's errors are about the phone number, which an only-WABA signup never asks for.
        force: onlyWaba,
      });
      if (!outcome.ok) return { ok: false, error: scenarioErrorScreen(outcome.error) };
      const { code, waba_id, phone_number_id, business_id } = outcome.result;
      const token = sandbox.state.tokens.get(sandbox.state.codes.get(code)?.token ?? "");
      return {
        ok: true,
        result: {
          code,
          businessId: business_id,
          wabaId: waba_id,
          phoneNumberId: phone_number_id,
          userId: token?.userId ?? "",
        },
      };
    },
  };
}
