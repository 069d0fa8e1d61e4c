import { DEFAULT_STORAGE_KEY, withoutLoginParams } from "@wa-migrate/core";
import { MigrationFlow } from "@wa-migrate/react";
import { useState } from "react";
import { type DemoConfig, type DemoLocale, sdkUrlFor } from "./demo-config.js";

// The portal's own words around the component (the component brings its own en/de texts).
const TEXT = {
  en: {
    heading: "Move your WhatsApp number to Brightline",
    intro:
      "Keep your number, display name and quality rating, and your approved templates of high or not-yet-rated quality. It takes a few minutes; your customers notice nothing.",
    language: "Language",
    another: "Start another migration",
  },
  de: {
    heading: "Ihre WhatsApp-Nummer zu Brightline umziehen",
    intro:
      "Nummer, Anzeigename und Qualitätsbewertung bleiben erhalten, ebenso Ihre genehmigten Vorlagen mit hoher oder noch nicht bewerteter Qualität. Es dauert wenige Minuten; Ihre Kundinnen und Kunden merken nichts.",
    language: "Sprache",
    another: "Einen weiteren Umzug starten",
  },
} as const;

/**
 * The customer's page in the partner's portal: `<MigrationFlow>` embedded exactly as the README's
 * "Embed it" shows, plus the portal's language switch and the full-page fallback for blocked
 * pop-ups (Meta's Login dialog returns to this page). Against the sandbox the SDK URL, the Login
 * dialog and the allowed message origin point at the sandbox; nothing else differs from a
 * production page.
 *
 * @example
 * <CustomerPage config={config} locale="de" />
 */
export function CustomerPage({ config, locale }: { config: DemoConfig; locale: DemoLocale }) {
  const text = TEXT[locale];
  // A new key mounts a fresh flow; the kept migration id is dropped first so it does not resume.
  const [generation, setGeneration] = useState(0);
  // This page without Meta's return parameters or the hash (OAuth forbids a fragment), taken
  // once: the flow's options must not change when it cleans the address after Meta's redirect.
  // Without a window (server rendering) there is no address to return to, and no fallback.
  const [redirectUri] = useState(() => {
    if (typeof window === "undefined") return undefined;
    const url = new URL(withoutLoginParams(window.location.href));
    url.hash = "";
    return url.href;
  });
  const startAnother = () => {
    sessionStorage.removeItem(DEFAULT_STORAGE_KEY);
    setGeneration((n) => n + 1);
  };
  return (
    <div className="demo-customer" lang={locale}>
      <div className="demo-page-head">
        <h1>{text.heading}</h1>
        <nav aria-label={text.language} className="demo-lang">
          <a
            href="?lang=en#/customer"
            lang="en"
            aria-current={locale === "en" ? "true" : undefined}
          >
            English
          </a>
          <a
            href="?lang=de#/customer"
            lang="de"
            aria-current={locale === "de" ? "true" : undefined}
          >
            Deutsch
          </a>
        </nav>
      </div>
      <p className="demo-intro">{text.intro}</p>
      <MigrationFlow
        key={generation}
        appId={config.appId}
        configId={config.configId}
        graphVersion={config.graphVersion}
        bffUrl={config.bffUrl}
        sdkUrl={sdkUrlFor(config, locale)}
        {...(config.allowedOrigins ? { allowedOrigins: config.allowedOrigins } : {})}
        {...(redirectUri ? { redirectUri } : {})}
        // The sandbox serves Meta's Login dialog beside its SDK; against Meta the default is right.
        {...(config.mode === "sandbox" ? { dialogBaseUrl: config.sdkBase } : {})}
        locale={locale}
      />
      <p>
        <button type="button" className="demo-link-button" onClick={startAnother}>
          {text.another}
        </button>
      </p>
    </div>
  );
}
