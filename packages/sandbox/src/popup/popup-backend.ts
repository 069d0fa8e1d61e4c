import type { DialogPartner } from "./dialog-request.js";
import type { EsPopupError } from "./es-error-texts.js";

/** Which of the two arrives at the opener first when the popup finishes (a scenario setting). */
export type EsMessageOrder = "message-first" | "callback-first";

/** How the popup behaves in the current scenario. */
export interface PopupScenario {
  /** Show the PHONE_NUMBER_VERIFICATION screen (otherwise it is skipped, as for a migrating number). */
  verification: boolean;
  /** The code the verification screen accepts (shown in the popup: the sandbox has no SMS). */
  verificationCode: string;
  messageOrder: EsMessageOrder;
  /** Finish with `FINISH_ONLY_WABA` (no phone number screens). */
  finishOnlyWaba: boolean;
  /** An error the popup shows on that error's screen, whatever number is entered. */
  popupError: EsPopupError | undefined;
}

/** What the popup knows about a phone number the customer typed. */
export interface NumberCheck {
  /** Registered in another WABA: the popup warns that it will move to the new WABA. */
  registered: boolean;
  /** A rule that stops the migration in the popup (two-step on, test number, ...). */
  problem: EsPopupError | undefined;
}

/** What the customer chose in the popup, handed to Meta's side of finishing. */
export interface SignupChoice {
  appId: string;
  configId: string;
  /** An existing portfolio of the customer, or undefined to create `businessName`. */
  businessId: string | undefined;
  businessName: string;
  wabaName: string;
  displayName: string;
  /** E.164 digits with a leading `+`; undefined for `FINISH_ONLY_WABA`. */
  phoneNumber: string | undefined;
  /** The dialog's `redirect_uri` (page variant), which the code exchange must repeat. */
  redirectUri: string | undefined;
}

/** The assets and code Meta's side of finishing produced. */
export interface SignupResult {
  code: string;
  businessId: string;
  wabaId: string;
  phoneNumberId: string | undefined;
  /** The customer's Facebook user id (the login callback's `userID`). */
  userId: string;
}

/**
 * Everything the popup needs from the sandbox's state. The sandbox implements it over its
 * in-memory model; the popup never touches that model directly.
 *
 * @example
 * const backend: PopupBackend = createStateBackend(sandbox);
 * backend.checkNumber("+4915112345678"); // { registered: true, problem: undefined }
 */
export interface PopupBackend {
  partner(): DialogPartner & { appName: string };
  /** The customer's business portfolios, offered on the first screen. */
  businesses(): ReadonlyArray<{ id: string; name: string }>;
  /** The number the popup suggests on the phone screen (the scenario's migrating number). */
  suggestedNumber(): { phoneNumber: string; displayName: string } | undefined;
  checkNumber(phoneNumber: string): NumberCheck;
  scenario(): PopupScenario;
  /** Sandbox time in milliseconds. */
  now(): number;
  /** A fresh id for the popup's session (`session_id` in error CANCEL messages). */
  sessionId(): string;
  /** Meta's side of finishing: WABA, scopes, code, migrating number (shared with `POST /__sandbox/signups`). */
  complete(choice: SignupChoice): SignupResult;
}
