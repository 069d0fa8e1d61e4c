/**
 * The popup's only script, served from {@link POPUP_SCRIPT_PATH}: on an end page it posts the
 * prepared messages to the opener and closes the window; on a screen armed by autopilot it
 * clicks the chosen button after the configured delay.
 *
 * @example
 * app.get(POPUP_SCRIPT_PATH, (c) => c.body(POPUP_SCRIPT, 200, { "content-type": "text/javascript" }));
 */
export const POPUP_SCRIPT = `(function () {
  "use strict";
  var end = document.getElementById("wa-sandbox-end");
  if (end) {
    var plan = JSON.parse(end.textContent || "{}");
    var opener = window.opener;
    if (opener && plan.targetOrigin) {
      plan.posts.forEach(function (post) { opener.postMessage(post, plan.targetOrigin); });
    }
    if (plan.close && opener) {
      window.close();
    } else if (plan.close) {
      var status = document.getElementById("wa-sandbox-status");
      if (status) status.textContent = document.documentElement.lang === "de"
        ? "Du kannst dieses Fenster schließen."
        : "You can close this window.";
    }
    return;
  }
  var form = document.querySelector("form[data-autopilot]");
  if (!form) return;
  var action = form.getAttribute("data-autopilot");
  var delay = Number(form.getAttribute("data-autopilot-delay")) || 0;
  var button = form.querySelector('button[value="' + action + '"]');
  if (!button) return;
  setTimeout(function () { form.requestSubmit(button); }, delay);
})();
`;
