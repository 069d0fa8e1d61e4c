import type { Sandbox } from "../engine/sandbox.js";
import { controlProblem } from "./control-problem.js";

/** The PIN a number gets when two-step verification is turned on without one (the `two-step-on` PIN). */
export const DEFAULT_TWO_STEP_PIN = "424242";

/** What `POST /__sandbox/phone-numbers/{id}` answers: the number's two-step state, never its PIN. */
export interface PhoneNumberControlView {
  id: string;
  display_phone_number: string;
  twoStepEnabled: boolean;
}

/**
 * `POST /__sandbox/phone-numbers/{id}` with `{twoStepEnabled, pin?}`: what the old partner or the
 * owner does in WhatsApp Manager, which Cloud API cannot do (facts §7): turns the number's two-step
 * verification off (the PIN is forgotten) or on (with `pin`, 6 digits; default the number's last
 * PIN or {@link DEFAULT_TWO_STEP_PIN}). Graph (`is_pin_enabled`, register's 2388001 and 133005)
 * and, where the scenario has it check, the popup read this state live. The answer leaves the PIN
 * out, since the demo passes it to a browser.
 *
 * @example
 * await fetch(`${sandboxUrl}/__sandbox/phone-numbers/${phoneId}`, {
 *   method: "POST",
 *   body: JSON.stringify({ twoStepEnabled: false }),
 * }); // 200 {id, display_phone_number, twoStepEnabled: false}
 */
export function updatePhoneNumberControl(
  sandbox: Sandbox,
  id: string,
  body: Record<string, unknown>,
): Response {
  const phone = sandbox.state.phones.get(id);
  if (!phone) {
    return controlProblem("not_found", `No phone number ${id} in the sandbox's world.`);
  }
  const { twoStepEnabled, pin } = body;
  if (typeof twoStepEnabled !== "boolean") {
    return controlProblem("validation_failed", "twoStepEnabled must be true or false");
  }
  if (pin !== undefined && (typeof pin !== "string" || !/^\d{6}$/.test(pin))) {
    return controlProblem("validation_failed", "pin must be 6 digits");
  }
  if (pin !== undefined && !twoStepEnabled) {
    return controlProblem("validation_failed", "pin goes with twoStepEnabled: true only");
  }
  phone.twoStepEnabled = twoStepEnabled;
  phone.pin = twoStepEnabled ? (pin ?? phone.pin ?? DEFAULT_TWO_STEP_PIN) : undefined;
  const view: PhoneNumberControlView = {
    id: phone.id,
    display_phone_number: phone.display_phone_number,
    twoStepEnabled: phone.twoStepEnabled,
  };
  return Response.json(view);
}
