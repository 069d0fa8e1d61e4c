import { type OpenerPost, sdkMessage } from "./es-messages.js";
import { escapeHtml as e, htmlPage, jsonForScript } from "./html-page.js";
import { type PopupLanguage, popupTexts } from "./popup-texts.js";

/** What the popup script does on an end page: post these to the opener, then close. */
export interface EndInstructions {
  targetOrigin: string | undefined;
  posts: OpenerPost[];
  /** Close the popup after posting (an error page stays open, as Meta's does). */
  close: boolean;
}

function instructions(value: EndInstructions): string {
  return `<script type="application/json" id="wa-sandbox-end">${jsonForScript(value)}</script>`;
}

/**
 * The popup's last page: it posts the session message and the SDK's message to the opener (in
 * the scenario's order, from the sandbox's origin) and closes itself.
 *
 * @example
 * c.html(renderEndPage("en", { targetOrigin: "http://127.0.0.1:5173", posts: openerPosts(session) }));
 */
export function renderEndPage(
  language: PopupLanguage,
  end: Omit<EndInstructions, "close">,
): string {
  const t = popupTexts(language);
  return htmlPage({
    lang: language,
    title: t.finished,
    body: `<h1>WhatsApp Embedded Signup</h1>
<p role="status" id="wa-sandbox-status">${e(t.finishing)}</p>
${instructions({ ...end, close: true })}`,
  });
}

/**
 * The page Meta shows for a Login dialog it refuses (unknown app or configuration, wrong
 * response type, extras not valid for the ES version). It stays open, as Meta's does; opened by
 * `FB.login`, it also tells the SDK, which logs the reason with `console.error` and calls back
 * with no `authResponse` once the customer closes the window.
 *
 * @example
 * c.html(renderDialogError("en", "Invalid App ID: 42 is not a known app.", "http://127.0.0.1:5173"), 400);
 */
export function renderDialogError(
  language: PopupLanguage,
  message: string,
  openerOrigin: string | undefined,
): string {
  const t = popupTexts(language);
  const end: EndInstructions = {
    targetOrigin: openerOrigin,
    posts: openerOrigin ? [sdkMessage("error", { message })] : [],
    close: false,
  };
  return htmlPage({
    lang: language,
    title: t.dialogError,
    body: `<h1>${e(t.dialogError)}</h1>
<div class="error" role="alert">${e(message)}</div>
${instructions(end)}`,
  });
}
