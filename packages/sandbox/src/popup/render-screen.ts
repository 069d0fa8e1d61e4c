import type { EsStep } from "@wa-migrate/contracts";
import { escapeHtml as e, htmlPage } from "./html-page.js";
import { autopilotAction, type PopupSession } from "./popup-session.js";
import { type PopupTexts, popupTexts } from "./popup-texts.js";
import { normalisePhone } from "./submit-step.js";

/**
 * Where a screen's form posts.
 *
 * @example
 * sessionPath("f34b51dab5e0498"); // "/dialog/embedded-signup/f34b51dab5e0498"
 */
export function sessionPath(sessionId: string): string {
  return `/dialog/embedded-signup/${encodeURIComponent(sessionId)}`;
}

const CATEGORIES: Record<"en" | "de", [string, string][]> = {
  en: [
    ["OTHER", "Other"],
    ["PROF_SERVICES", "Professional services"],
    ["RETAIL", "Shopping and retail"],
    ["RESTAURANT", "Restaurant"],
  ],
  de: [
    ["OTHER", "Sonstiges"],
    ["PROF_SERVICES", "Dienstleistungen"],
    ["RETAIL", "Einkaufen und Einzelhandel"],
    ["RESTAURANT", "Restaurant"],
  ],
};

interface FieldOptions {
  extra?: string;
  hint?: string;
  required?: boolean;
}

function textField(name: string, label: string, value: string, options: FieldOptions = {}): string {
  const { extra = "", hint, required = true } = options;
  const hintId = hint ? ` aria-describedby="${name}-hint"` : "";
  return `<div class="field"><label for="${name}">${e(label)}</label>
<input type="text" id="${name}" name="${name}" value="${e(value)}"${required ? " required" : ""}${hintId} ${extra}>
${hint ? `<p class="hint" id="${name}-hint">${e(hint)}</p>` : ""}</div>`;
}

function radio(name: string, value: string, label: string, checked: boolean, id: string): string {
  return `<label class="option" for="${id}"><input type="radio" id="${id}" name="${name}" value="${e(value)}"${checked ? " checked" : ""}> ${e(label)}</label>`;
}

function fields(
  step: EsStep,
  session: PopupSession,
  t: PopupTexts,
  businesses: { id: string; name: string }[],
): string {
  const f = session.form;
  switch (step) {
    case "BUSINESS_ACCOUNT_SELECTION": {
      const options = businesses.map((b, i) =>
        radio("business", b.id, b.name, f.business === b.id, `business-${i}`),
      );
      return `<fieldset><legend>${e(t.portfolioLegend)}</legend>${options.join("\n")}</fieldset>`;
    }
    case "WABA_PHONE_PROFILE_PICKER":
      return `<p>${e(t.createWaba)}</p>${textField("wabaName", t.wabaName, f.wabaName)}`;
    case "WHATSAPP_BUSINESS_PROFILE_SETUP": {
      const options = CATEGORIES[session.language]
        .map(
          ([value, label]) =>
            `<option value="${value}"${f.category === value ? " selected" : ""}>${e(label)}</option>`,
        )
        .join("");
      return `${textField("displayName", t.displayName, f.displayName)}
<div class="field"><label for="category">${e(t.category)}</label><select id="category" name="category">${options}</select></div>`;
    }
    case "PHONE_NUMBER_SETUP":
      return `<div class="field"><label for="phoneNumber">${e(t.phoneNumber)}</label>
<input type="tel" id="phoneNumber" name="phoneNumber" value="${e(f.phoneNumber)}" required autocomplete="tel" aria-describedby="phoneNumber-hint">
<p class="hint" id="phoneNumber-hint">${e(t.phoneHint)}</p></div>
<fieldset><legend>${e(t.methodLegend)}</legend>
${radio("method", "sms", t.methodSms, f.method === "sms", "method-sms")}
${radio("method", "voice", t.methodVoice, f.method === "voice", "method-voice")}</fieldset>`;
    case "PHONE_NUMBER_VERIFICATION": {
      // Autopilot has no SMS to read: it gets the code typed in for it.
      const code = session.autopilot ? session.scenario.verificationCode : f.code;
      const hint = t.codeHint(
        normalisePhone(f.phoneNumber) || f.phoneNumber,
        session.scenario.verificationCode,
      );
      const extra = 'inputmode="numeric" autocomplete="one-time-code" maxlength="6"';
      return textField("code", t.code, code, { extra, hint });
    }
    case "PERMISSIONS":
      return `<ul>${t.permissions.map((p) => `<li>${e(p)}</li>`).join("")}</ul>`;
    default:
      return step satisfies never;
  }
}

/**
 * The HTML of the session's current screen: heading, progress, the screen's fields, a scenario
 * error (Meta's wording) or the move warning when there is one, then the primary action and Cancel.
 *
 * @example
 * c.html(renderScreen(session, backend.partner().appName, backend.businesses()));
 */
export function renderScreen(
  session: PopupSession,
  appName: string,
  businesses: ReadonlyArray<{ id: string; name: string }>,
): string {
  const t = popupTexts(session.language);
  const step = session.step;
  const index = session.steps.indexOf(step) + 1;
  const phone = normalisePhone(session.form.phoneNumber);
  const warned = step === "PHONE_NUMBER_SETUP" && !session.error && session.warnedNumber === phone;
  const primary = session.error
    ? t.tryAgain
    : warned
      ? t.continueAnyway
      : step === "PERMISSIONS"
        ? t.confirm
        : t.next;
  const notices = [
    session.error
      ? `<div class="error" role="alert">${e(session.error[session.language])}</div>`
      : "",
    session.fieldError ? `<div class="error" role="alert">${e(session.fieldError)}</div>` : "",
    warned ? `<div class="warning" role="status">${e(t.moveWarning(phone))}</div>` : "",
  ].join("");
  const pilot = autopilotAction(session);
  const pilotAttrs = pilot
    ? ` data-autopilot="${pilot}" data-autopilot-delay="${session.autopilot?.delayMs ?? 0}"`
    : "";
  const body = `<p class="hint">${e(t.stepOf(index, session.steps.length))}</p>
<h1>${e(t.titles[step])}</h1>
<p>${e(t.intros[step](appName))}</p>
${notices}
<form method="post" action="${sessionPath(session.id)}" data-step="${step}"${pilotAttrs}>
${fields(step, session, t, [...businesses])}
<div class="actions">
<button type="submit" class="primary" name="action" value="next">${e(primary)}</button>
<button type="submit" class="secondary" name="action" value="cancel" formnovalidate>${e(t.cancel)}</button>
</div>
</form>`;
  return htmlPage({ lang: session.language, title: t.titles[step], body });
}
