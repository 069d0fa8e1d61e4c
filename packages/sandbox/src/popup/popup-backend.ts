import type { DialogPartner } from "./dialog-request.js";
import type { PopupErrorScreen } from "./es-error-texts.js";

/** Which of the two arrives at the opener first when the popup finishes (a scenario setting). */
export type EsMessageOrder = "message-first" | "callback-first";

/** How the popup behaves in the current scenario. */
export interface PopupScenario {
  /** Always show PHONE_NUMBER_VERIFICATION (otherwise only for a number whose ownership is not verified). */
  verification: boolean;
  /** The code the verification screen accepts (shown in the popup: the sandbox has no SMS). */
  verificationCode: string;
  messageOrder: EsMessageOrder;
  /** Finish with `FINISH_ONLY_WABA` (no phone number screens). */
  finishOnlyWaba: boolean;
  /** The error the popup shows on its screen (two-step on, test number, ...), whatever is entered. */
  error: PopupErrorScreen | undefined;
}

/** What the popup knows about a phone number the customer typed. */
export interface NumberCheck {
  /** Registered in a WABA already: the popup warns that it will move to the new WABA. */
  registered: boolean;
  /** Ownership not verified yet (`code_verification_status` is not VERIFIED): ask for the code. */
  needsVerification: boolean;
  /** Why the popup cannot go on with this number, if it cannot. */
  problem: PopupErrorScreen | undefined;
}

/** Result of {@link PopupBackend.complete}: the signup, or the error screen Meta shows instead. */
export type CompleteOutcome =
  | { ok: true; result: SignupResult }
  | { ok: false; error: PopupErrorScreen };

/** What the customer chose in the popup, handed to Meta's side of finishing. */
export interface SignupChoice {
  appId: string;
  configId: string;
  /** The customer's portfolio the new WABA goes into. */
  businessId: string;
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
 * const backend: PopupBackend = createSandboxBackend(sandbox);
 * backend.checkNumber("+4915112345678"); // { registered: true, needsVerification: false, problem: undefined }
 */
export interface PopupBackend {
  partner(): DialogPartner & { appName: string };
  /** The customer's business portfolios, offered on the first screen. */
  businesses(): ReadonlyArray<{ id: string; name: string }>;
  /** The number the popup suggests on the phone screen (the scenario's migrating number). */
  suggestedNumber(): { phoneNumber: string; displayName: string } | undefined;
  checkNumber(phoneNumber: string): NumberCheck;
  scenario(): PopupScenario;
  /**
   * Changes when Meta's world is rebuilt (`POST /__sandbox/reset`, a new scenario): open popups,
   * the armed autopilot and popup settings belong to the old world and are dropped.
   */
  generation(): object;
  /** Sandbox time in milliseconds. */
  now(): number;
  /** A fresh id for the popup's session (`session_id` in error CANCEL messages). */
  sessionId(): string;
  /** Meta's side of finishing: WABA, scopes, code, migrating number (shared with `POST /__sandbox/signups`). */
  complete(choice: SignupChoice): CompleteOutcome;
}
