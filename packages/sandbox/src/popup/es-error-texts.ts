import type { EsStep } from "@wa-migrate/contracts";

/** The popup errors the sandbox can show, named after what went wrong. */
export const ES_POPUP_ERRORS = [
  "number_registered_elsewhere",
  "verified_name_violates_guidelines",
  "name_verification_in_progress",
  "two_step_verification_on",
  "test_number",
  "phone_setup_failed",
  "code_requested_too_many_times",
  "code_guessed_too_many_times",
  "ownership_already_verified",
  "something_went_wrong",
  "business_creation_failed",
  "verification_failed",
] as const;
/** One of {@link ES_POPUP_ERRORS}. */
export type EsPopupError = (typeof ES_POPUP_ERRORS)[number];

// English texts are Meta's, word for word, from "Embedded Signup Flow Errors" (facts §1.5), except
// the two marked below, which Meta's error page does not list: they reuse the wording of the
// Graph error Meta returns for the same rule (facts §4.3). German texts are our translation.
// Error ids are the sandbox's own stable numbers (Meta's are opaque).
const TEXTS: Record<EsPopupError, PopupErrorScreen> = {
  number_registered_elsewhere: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524101",
    en: "This number is registered to an existing WhatsApp account. To use this number, disconnect it from the existing account. Then, return to this page and re-enter the number. Note: It may take up to 3 minutes for the number to become available.",
    de: "Diese Nummer ist bei einem bestehenden WhatsApp-Konto registriert. Um sie zu verwenden, trenne sie von diesem Konto. Kehre dann zu dieser Seite zurück und gib die Nummer erneut ein. Hinweis: Es kann bis zu 3 Minuten dauern, bis die Nummer verfügbar ist.",
  },
  verified_name_violates_guidelines: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524126",
    en: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
    de: "Dein verifizierter Name verstößt gegen die WhatsApp-Richtlinien. Bitte bearbeite deinen verifizierten Namen und versuche es erneut.",
  },
  // Meta lists it with the WABA creation errors; the sandbox learns about the number's pending
  // rename only when the number is entered, so it shows it on the phone number screen.
  name_verification_in_progress: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524102",
    en: "Cannot Edit Verified Name: Name verification already in progress.",
    de: "Verifizierter Name kann nicht bearbeitet werden: Die Namensprüfung läuft bereits.",
  },
  // Not on Meta's ES error page: Graph's 2388001 text for the same rule.
  two_step_verification_on: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524103",
    en: "Please ensure two-step authentication is disabled.",
    de: "Bitte stelle sicher, dass die Bestätigung in zwei Schritten deaktiviert ist.",
  },
  // Not on Meta's ES error page: Graph's 2388103 text for a number that cannot move.
  test_number: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524104",
    en: "Cannot migrate phone number.",
    de: "Die Telefonnummer kann nicht übertragen werden.",
  },
  phone_setup_failed: {
    step: "PHONE_NUMBER_SETUP",
    errorId: "524105",
    en: "Something has gone wrong. You will need to contact support and try again.",
    de: "Etwas ist schiefgelaufen. Wende dich an den Support und versuche es erneut.",
  },
  code_requested_too_many_times: {
    step: "PHONE_NUMBER_VERIFICATION",
    errorId: "524106",
    en: "You have requested your code too many times.",
    de: "Du hast den Code zu oft angefordert.",
  },
  code_guessed_too_many_times: {
    step: "PHONE_NUMBER_VERIFICATION",
    errorId: "524107",
    en: "You have guessed too many times.",
    de: "Du hast zu oft falsch geraten.",
  },
  ownership_already_verified: {
    step: "PHONE_NUMBER_VERIFICATION",
    errorId: "524108",
    en: "Phone number ownership is already verified.",
    de: "Die Inhaberschaft der Telefonnummer ist bereits bestätigt.",
  },
  something_went_wrong: {
    step: "WHATSAPP_BUSINESS_PROFILE_SETUP",
    errorId: "524109",
    en: "Something has gone wrong. You will need to contact support and try again.",
    de: "Etwas ist schiefgelaufen. Wende dich an den Support und versuche es erneut.",
  },
  business_creation_failed: {
    step: "BUSINESS_ACCOUNT_SELECTION",
    errorId: "524110",
    en: "An error occurred while processing this request. Please try again later.",
    de: "Bei der Verarbeitung dieser Anfrage ist ein Fehler aufgetreten. Bitte versuche es später erneut.",
  },
  verification_failed: {
    step: "PHONE_NUMBER_VERIFICATION",
    errorId: "524111",
    en: "There was an error verifying this phone number. Please try again later.",
    de: "Beim Bestätigen dieser Telefonnummer ist ein Fehler aufgetreten. Bitte versuche es später erneut.",
  },
};

/**
 * The generic error Meta shows on a screen, used when autopilot is told to fail there and the
 * scenario has no error of its own for that screen.
 *
 * @example
 * genericErrorFor("PHONE_NUMBER_SETUP"); // "phone_setup_failed"
 */
export function genericErrorFor(step: EsStep): EsPopupError {
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

/** An error shown on a popup screen: Meta's English text, its German translation and the id. */
export interface PopupErrorScreen {
  step: EsStep;
  errorId: string;
  en: string;
  de: string;
}

/**
 * Where and how the popup shows one of Meta's ES errors.
 *
 * @example
 * esErrorText("name_verification_in_progress").step; // "PHONE_NUMBER_SETUP"
 */
export function esErrorText(error: EsPopupError): PopupErrorScreen {
  return TEXTS[error];
}

// German for the English texts the sandbox's scenarios use (Graph's migration texts, facts §4.3).
const SCENARIO_GERMAN: Record<string, string> = {
  "Meta test numbers cannot be migrated.": "Testnummern von Meta können nicht übertragen werden.",
  "Registered name should be present and approved.":
    "Der registrierte Name muss vorhanden und genehmigt sein.",
  "This phone number is not registered to a WhatsApp Business Account that can be moved.":
    "Diese Telefonnummer ist bei keinem WhatsApp Business-Konto registriert, das übertragen werden kann.",
};

/**
 * A scenario's popup error (English text from the scenario) as a screen error, with German when
 * the sandbox knows a translation (otherwise the English text is shown in both languages).
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
  const known = Object.values(TEXTS).find((text) => text.en === error.error_message);
  return {
    step: error.current_step,
    errorId: error.error_id,
    en: error.error_message,
    de: known?.de ?? SCENARIO_GERMAN[error.error_message] ?? error.error_message,
  };
}
