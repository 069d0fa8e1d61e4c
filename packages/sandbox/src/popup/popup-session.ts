import { ES_STEPS, type EsStep } from "@wa-migrate/contracts";
import type { Autopilot } from "./autopilot.js";
import type { DialogRequest } from "./dialog-request.js";
import type { PopupErrorScreen } from "./es-error-texts.js";
import type { PopupBackend, PopupScenario, SignupResult } from "./popup-backend.js";
import { languageOfLocale, type PopupLanguage } from "./popup-texts.js";

/** What the customer typed or picked so far. */
export interface PopupForm {
  /** The chosen portfolio's id. */
  business: string;
  wabaName: string;
  displayName: string;
  category: string;
  phoneNumber: string;
  method: "sms" | "voice";
  code: string;
}

/** How a popup session ended. */
export type PopupOutcome =
  | { kind: "finish"; result: SignupResult }
  | { kind: "cancel"; step: EsStep }
  | { kind: "error"; error: PopupErrorScreen; timestamp: number };

/** One run of the Embedded Signup popup (or the redirect dialog), from open to finish or cancel. */
export interface PopupSession {
  id: string;
  request: DialogRequest;
  language: PopupLanguage;
  /** The scenario as it was when the popup opened: changing scenarios mid-popup does not move it. */
  scenario: PopupScenario;
  autopilot: Autopilot | undefined;
  /** The screens of this run, in order. */
  steps: EsStep[];
  step: EsStep;
  form: PopupForm;
  /** A scenario error shown on the current screen; Cancel then sends the error-shaped CANCEL. */
  error: PopupErrorScreen | undefined;
  /** A problem with what was typed (an empty field, a wrong code): fix and go on. */
  fieldError: string | undefined;
  /** The registered number the customer was warned about (it will move to the new WABA). */
  warnedNumber: string | undefined;
  outcome: PopupOutcome | undefined;
  /** The end page has posted the outcome's messages (they go out once). */
  delivered: boolean;
}

function stepsFor(request: DialogRequest, scenario: PopupScenario): EsStep[] {
  const onlyWaba = scenario.finishOnlyWaba || request.featureType === "only_waba_sharing";
  return ES_STEPS.filter((step) => {
    if (step === "PHONE_NUMBER_SETUP") return !onlyWaba;
    if (step === "PHONE_NUMBER_VERIFICATION") return !onlyWaba && scenario.verification;
    return true;
  });
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim().slice(0, 200) : "";
}

function prefill(request: DialogRequest, backend: PopupBackend): PopupForm {
  // Pre-filled data (facts §1.3 `extras.setup`): business name and phone display name.
  const setup = request.setup as {
    business?: { name?: unknown };
    phone?: { displayName?: unknown };
  };
  const businesses = backend.businesses();
  const suggested = backend.suggestedNumber();
  const businessName = text(setup.business?.name) || businesses[0]?.name || "";
  return {
    business: businesses[0]?.id ?? "",
    wabaName: businessName,
    displayName: text(setup.phone?.displayName) || suggested?.displayName || businessName,
    category: "OTHER",
    phoneNumber: suggested?.phoneNumber ?? "",
    method: "sms",
    code: "",
  };
}

/** What the control API adds to a new session: autopilot, and verification for every number. */
export interface SessionExtras {
  autopilot: Autopilot | undefined;
  verification: boolean;
}

/**
 * Opens a popup session for an accepted dialog request.
 *
 * @example
 * const session = openSession(request, backend, { autopilot: autopilots.take(), verification: false });
 * session.step; // "BUSINESS_ACCOUNT_SELECTION"
 */
export function openSession(
  request: DialogRequest,
  backend: PopupBackend,
  extras: SessionExtras,
): PopupSession {
  const base = backend.scenario();
  const scenario = { ...base, verification: base.verification || extras.verification };
  const autopilot = extras.autopilot;
  const steps = stepsFor(request, scenario);
  return {
    id: backend.sessionId(),
    request,
    language: languageOfLocale(request.locale),
    scenario,
    autopilot,
    steps,
    step: steps[0] ?? "BUSINESS_ACCOUNT_SELECTION",
    form: prefill(request, backend),
    error: undefined,
    fieldError: undefined,
    warnedNumber: undefined,
    outcome: undefined,
    delivered: false,
  };
}

/**
 * The action autopilot takes on the session's current screen: Cancel at (or after) its step for
 * `cancel`, and on any error screen; the primary action otherwise.
 *
 * @example
 * autopilotAction(session); // "next" | "cancel" | undefined (no autopilot)
 */
export function autopilotAction(session: PopupSession): "next" | "cancel" | undefined {
  const pilot = session.autopilot;
  if (!pilot) return undefined;
  if (session.error) return "cancel";
  const reached = ES_STEPS.indexOf(session.step) >= ES_STEPS.indexOf(pilot.atStep);
  return pilot.outcome === "cancel" && reached ? "cancel" : "next";
}

/**
 * Whether autopilot wants an error on this screen (outcome `error`, step reached).
 *
 * @example
 * if (autopilotFailsHere(session)) session.error = genericErrorScreen(session.step);
 */
export function autopilotFailsHere(session: PopupSession): boolean {
  const pilot = session.autopilot;
  return (
    pilot?.outcome === "error" && ES_STEPS.indexOf(session.step) >= ES_STEPS.indexOf(pilot.atStep)
  );
}
