import type { SignupEventRequest } from "@wa-migrate/contracts";
import type { FlowError } from "./flow-types.js";
import type { SignupOutcome } from "./start-signup-session.js";

/** How a popup that gave no code is shown (error code and details) and logged (`POST /signup-events`). */
export interface SignupExit {
  code: FlowError["code"];
  extra: Partial<FlowError>;
  log: SignupEventRequest;
}

/**
 * Maps a code-less {@link SignupOutcome} to the error the customer sees and the session-logging
 * event operators get.
 *
 * @example
 * describeSignupExit({ type: "cancelled", esStep: "PERMISSIONS" });
 * // { code: "signup_cancelled", extra: { esStep: "PERMISSIONS" }, log: { event: "CANCEL", currentStep: "PERMISSIONS" } }
 */
export function describeSignupExit(outcome: Exclude<SignupOutcome, { type: "code" }>): SignupExit {
  switch (outcome.type) {
    case "cancelled":
      return {
        code: "signup_cancelled",
        extra: { esStep: outcome.esStep },
        log: { event: "CANCEL", currentStep: outcome.esStep },
      };
    case "error": {
      // The outcome carries exactly the CANCEL message's error fields, under the log's names.
      const { type, ...fields } = outcome;
      // Meta's window checks two-step verification itself ("Please ensure two-step authentication
      // is disabled.", 2388001; facts §4.3): that disproves step 1, whose request text is the way on.
      const twoStep = /two-step/i.test(outcome.errorMessage ?? "");
      return {
        code: twoStep ? "two_step_enabled" : "signup_error",
        extra: { detail: outcome.errorMessage, ...(twoStep && { step: "two_step_verification" }) },
        log: { event: "CANCEL", ...fields },
      };
    }
    case "blocked":
      return { code: "popup_blocked", extra: {}, log: { event: "POPUP_BLOCKED" } };
    case "closed":
      return { code: "popup_closed", extra: {}, log: { event: "POPUP_CLOSED" } };
    case "incomplete":
      return { code: "signup_incomplete", extra: {}, log: { event: "TIMEOUT" } };
    default:
      return outcome satisfies never;
  }
}
