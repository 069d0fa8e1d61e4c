import type { EsStep } from "@wa-migrate/contracts";

/** An error shown on a popup screen: the English text, its German translation and the id. */
export interface PopupErrorScreen {
  step: EsStep;
  errorId: string;
  en: string;
  de: string;
}

/** The generic errors Meta shows on a screen when something fails there (autopilot `error`). */
export type GenericEsError =
  | "business_creation_failed"
  | "something_went_wrong"
  | "phone_setup_failed"
  | "verification_failed";

// English texts are Meta's, word for word, from "Embedded Signup Flow Errors" (facts §1.5): the
// first entry of "Business Manager Account Creation Errors", the generic entry of "WhatsApp
// Business Account Creation Errors" and "Phone Setup Errors", and the generic entry of "Phone
// Verification Errors". German texts are our translation. Error ids are the sandbox's own stable
// numbers (Meta's are opaque ids for its support).
const GENERIC: Record<GenericEsError, Omit<PopupErrorScreen, "step">> = {
  business_creation_failed: {
    errorId: "524110",
    en: "An error occurred while processing this request. Please try again later.",
    de: "Bei der Verarbeitung dieser Anfrage ist ein Fehler aufgetreten. Bitte versuche es später erneut.",
  },
  something_went_wrong: {
    errorId: "524109",
    en: "Something has gone wrong. You will need to contact support and try again.",
    de: "Etwas ist schiefgelaufen. Wende dich an den Support und versuche es erneut.",
  },
  phone_setup_failed: {
    errorId: "524105",
    en: "Something has gone wrong. You will need to contact support and try again.",
    de: "Etwas ist schiefgelaufen. Wende dich an den Support und versuche es erneut.",
  },
  verification_failed: {
    errorId: "524111",
    en: "There was an error verifying this phone number. Please try again later.",
    de: "Beim Bestätigen dieser Telefonnummer ist ein Fehler aufgetreten. Bitte versuche es später erneut.",
  },
};

function genericFor(step: EsStep): GenericEsError {
  switch (step) {
    case "BUSINESS_ACCOUNT_SELECTION":
      return "business_creation_failed";
    case "PHONE_NUMBER_SETUP":
      return "phone_setup_failed";
    case "PHONE_NUMBER_VERIFICATION":
      return "verification_failed";
    case "WABA_PHONE_PROFILE_PICKER":
    case "WHATSAPP_BUSINESS_PROFILE_SETUP":
    case "PERMISSIONS":
      return "something_went_wrong";
    default:
      return step satisfies never;
  }
}

/**
 * Meta's generic error for a screen, shown when autopilot is told to fail there.
 *
 * @example
 * genericErrorScreen("PHONE_NUMBER_SETUP").en;
 * // "Something has gone wrong. You will need to contact support and try again."
 */
export function genericErrorScreen(step: EsStep): PopupErrorScreen {
  return { step, ...GENERIC[genericFor(step)] };
}

// German for the English texts the sandbox's scenarios show (Meta's migration texts, facts §4.3).
const GERMAN: Record<string, string> = {
  "Please ensure two-step authentication is disabled.":
    "Bitte stelle sicher, dass die Bestätigung in zwei Schritten deaktiviert ist.",
  "Meta test numbers cannot be migrated.": "Testnummern von Meta können nicht übertragen werden.",
  "Registered name should be present and approved.":
    "Der registrierte Name muss vorhanden und genehmigt sein.",
  "This phone number is not registered to a WhatsApp Business Account that can be moved.":
    "Diese Telefonnummer ist bei keinem WhatsApp Business-Konto registriert, das übertragen werden kann.",
};

/**
 * A scenario's popup error as a screen error, with German when the sandbox knows a translation
 * (otherwise the scenario's English text is shown in both languages).
 *
 * @example
 * scenarioErrorScreen({ current_step: "PHONE_NUMBER_SETUP", error_message: "Please ensure two-step authentication is disabled.", error_id: "2388001" }).de;
 * // "Bitte stelle sicher, dass die Bestätigung in zwei Schritten deaktiviert ist."
 */
export function scenarioErrorScreen(error: {
  current_step: EsStep;
  error_message: string;
  error_id: string;
}): PopupErrorScreen {
  return {
    step: error.current_step,
    errorId: error.error_id,
    en: error.error_message,
    de: GERMAN[error.error_message] ?? error.error_message,
  };
}
