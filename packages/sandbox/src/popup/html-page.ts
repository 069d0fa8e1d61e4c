/**
 * Path of the popup's only script (no inline JavaScript: the pages' CSP forbids it).
 *
 * @example
 * `<script src="${POPUP_SCRIPT_PATH}" defer></script>`;
 */
export const POPUP_SCRIPT_PATH = "/dialog/assets/popup.js";

/**
 * Escapes text for HTML element content and double-quoted attributes.
 *
 * @example
 * escapeHtml('<b>"Jasper\'s"</b>'); // "&lt;b&gt;&quot;Jasper&#39;s&quot;&lt;/b&gt;"
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so no value can close it.
 *
 * @example
 * jsonForScript({ text: "</script>" }); // '{"text":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

/**
 * Headers of every popup page: no inline script, no framing, no caching.
 *
 * @example
 * new Response(html, { status: 200, headers: PAGE_HEADERS });
 */
export const PAGE_HEADERS: Record<string, string> = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

// Colours meet WCAG AA contrast on white (text 15.3:1, primary button 6.0:1, error 7.1:1).
const STYLE = `
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1c1e21; background: #fff; }
main { max-width: 32rem; margin: 0 auto; padding: 1.5rem; }
.brand { margin: 0; font-size: .875rem; color: #4b4f56; }
h1 { font-size: 1.375rem; margin: .25rem 0 .75rem; }
fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
legend, label { font-weight: 600; }
.field { margin: 0 0 1rem; }
.field input[type=text], .field input[type=tel], .field select { display: block; width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; font: inherit; border: 1px solid #606770; border-radius: 6px; }
.option { display: block; font-weight: 400; margin: .25rem 0; }
.hint { font-size: .875rem; color: #4b4f56; margin: .25rem 0 0; }
.error { border: 1px solid #a8071a; background: #fff1f0; color: #a8071a; padding: .75rem; border-radius: 6px; }
.warning { border: 1px solid #7a5300; background: #fffbe6; color: #5c3d00; padding: .75rem; border-radius: 6px; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: 6px; cursor: pointer; }
.primary { background: #0b5cc7; color: #fff; border: 1px solid #0b5cc7; }
.secondary { background: #fff; color: #1c1e21; border: 1px solid #606770; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1c1e21; outline-offset: 2px; }
`;

/**
 * A complete popup page: language, title, the sandbox banner and the popup script. Its empty
 * inline icon keeps browsers from asking the sandbox for `/favicon.ico`, which would land in the
 * Graph call log as an unknown call.
 *
 * @example
 * htmlPage({ lang: "en", title: "Verify your phone number", body: "<form>...</form>" });
 */
export function htmlPage(page: { lang: string; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · WhatsApp Embedded Signup (sandbox)</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
<script src="${POPUP_SCRIPT_PATH}" defer></script>
</head>
<body>
<main>
<p class="brand">WhatsApp Business Platform · Meta sandbox</p>
${page.body}
</main>
</body>
</html>
`;
}
