import type { EsStep } from "@wa-migrate/contracts";
import { genericErrorScreen, type PopupErrorScreen } from "./es-error-texts.js";
import type { PopupBackend } from "./popup-backend.js";
import { autopilotFailsHere, type PopupForm, type PopupSession } from "./popup-session.js";
import { popupTexts } from "./popup-texts.js";

/** The fields a screen posts (form-encoded; unknown names are ignored). */
export type StepFields = Record<string, string | undefined>;

function clean(value: string | undefined, max = 200): string {
  return (value ?? "").trim().slice(0, max);
}

/** E.164: `+` and 8 to 15 digits; spaces, dashes and brackets are dropped. */
function normalisePhone(value: string): string {
  const digits = value.replace(/[\s\-()./]/g, "");
  return /^\+?\d{8,15}$/.test(digits) ? (digits.startsWith("+") ? digits : `+${digits}`) : "";
}

// Reads the screen's fields into the form; returns the label of a missing field, if any.
function readFields(
  step: EsStep,
  form: PopupForm,
  fields: StepFields,
  session: PopupSession,
): string | undefined {
  const t = popupTexts(session.language);
  switch (step) {
    case "BUSINESS_ACCOUNT_SELECTION":
      form.business = clean(fields.business);
      return form.business ? undefined : t.portfolioLegend;
    case "WABA_PHONE_PROFILE_PICKER":
      form.wabaName = clean(fields.wabaName);
      return form.wabaName ? undefined : t.wabaName;
    case "WHATSAPP_BUSINESS_PROFILE_SETUP":
      form.displayName = clean(fields.displayName);
      form.category = clean(fields.category, 40) || "OTHER";
      return form.displayName ? undefined : t.displayName;
    case "PHONE_NUMBER_SETUP":
      form.phoneNumber = clean(fields.phoneNumber, 40);
      form.method = fields.method === "voice" ? "voice" : "sms";
      return normalisePhone(form.phoneNumber) ? undefined : t.phoneNumber;
    case "PHONE_NUMBER_VERIFICATION":
      form.code = clean(fields.code, 12);
      return form.code ? undefined : t.code;
    case "PERMISSIONS":
      return undefined;
    default:
      return step satisfies never;
  }
}

// The scenario error the current screen shows on its primary action, if any.
function errorOnSubmit(session: PopupSession, backend: PopupBackend): PopupErrorScreen | undefined {
  const { scenario, step } = session;
  if (scenario.error?.step === step) return scenario.error;
  if (step === "PHONE_NUMBER_SETUP") {
    const problem = backend.checkNumber(normalisePhone(session.form.phoneNumber)).problem;
    if (problem) return problem;
  }
  if (autopilotFailsHere(session)) return genericErrorScreen(step);
  return undefined;
}

/**
 * Applies one click on the current screen: `cancel` ends the session (an error-shaped CANCEL when
 * an error is showing), `next` checks the screen and moves on; after PERMISSIONS it runs Meta's
 * side of finishing through `backend.complete`. A finished session ignores further clicks.
 *
 * @example
 * submitStep(session, "next", { business: "2729063490586005" }, backend);
 * session.step; // "WABA_PHONE_PROFILE_PICKER"
 */
export function submitStep(
  session: PopupSession,
  action: "next" | "cancel",
  fields: StepFields,
  backend: PopupBackend,
): void {
  if (session.outcome) return;
  const t = popupTexts(session.language);
  if (action === "cancel") {
    session.outcome = session.error
      ? { kind: "error", error: session.error, timestamp: backend.now() }
      : { kind: "cancel", step: session.step };
    return;
  }
  session.fieldError = undefined;
  const missing = readFields(session.step, session.form, fields, session);
  if (missing) {
    session.fieldError = t.required(missing);
    return;
  }
  session.error = errorOnSubmit(session, backend);
  if (session.error) return;
  const phone = normalisePhone(session.form.phoneNumber);
  if (session.step === "PHONE_NUMBER_SETUP") {
    const check = backend.checkNumber(phone);
    if (check.registered && session.warnedNumber !== phone) {
      // Meta warns that the registered number will move to the new WABA; the next click goes on.
      session.warnedNumber = phone;
      return;
    }
    const verifies = session.steps.includes("PHONE_NUMBER_VERIFICATION");
    if (check.needsVerification && !verifies) {
      session.steps.splice(
        session.steps.indexOf("PHONE_NUMBER_SETUP") + 1,
        0,
        "PHONE_NUMBER_VERIFICATION",
      );
    }
  }
  if (
    session.step === "PHONE_NUMBER_VERIFICATION" &&
    session.form.code !== session.scenario.verificationCode
  ) {
    session.fieldError = t.wrongCode;
    return;
  }
  const index = session.steps.indexOf(session.step);
  const next = session.steps[index + 1];
  if (next) {
    session.step = next;
    return;
  }
  const onlyWaba = !session.steps.includes("PHONE_NUMBER_SETUP");
  const completed = backend.complete({
    appId: session.request.appId,
    configId: session.request.configId,
    businessId: session.form.business,
    wabaName: session.form.wabaName,
    displayName: session.form.displayName,
    phoneNumber: onlyWaba ? undefined : phone,
    redirectUri: session.request.display === "page" ? session.request.redirectUri : undefined,
  });
  if (completed.ok) session.outcome = { kind: "finish", result: completed.result };
  else session.error = completed.error;
}

/** See {@link normalisePhone}; exported for the screens, which show the number as typed. */
export { normalisePhone };
