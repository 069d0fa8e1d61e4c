import type { Sandbox } from "../engine/sandbox.js";
import type { PopupFacts } from "../scenarios/scenarios.js";
import type { PhoneRecord } from "../state/types.js";

/** Meta's popup text for a number whose two-step verification is on (facts §4.3, 2388001). */
export const TWO_STEP_POPUP_ERROR = {
  current_step: "PHONE_NUMBER_SETUP",
  error_message: "Please ensure two-step authentication is disabled.",
  error_id: "2388001",
} as const satisfies NonNullable<PopupFacts["error"]>;

/**
 * The error screen Meta's popup shows instead of going on with `phone`, or undefined: the
 * scenario's fixed error (test number, name not approved, ...), else, in a scenario whose popup
 * checks two-step verification, the number's live two-step state, so turning it off through
 * `POST /__sandbox/phone-numbers/{id}` lets the next attempt through.
 *
 * @example
 * popupRefusal(sandbox, phone)?.error_id; // "2388001" in two-step-on-popup while two-step is on
 */
export function popupRefusal(
  sandbox: Sandbox,
  phone: PhoneRecord | undefined,
): PopupFacts["error"] {
  const { scenario } = sandbox;
  if (scenario.popup.error) return scenario.popup.error;
  if (scenario.popupChecksTwoStep && phone?.twoStepEnabled) return { ...TWO_STEP_POPUP_ERROR };
  return undefined;
}
