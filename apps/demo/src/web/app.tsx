import { useEffect } from "react";
import { CustomerPage } from "./customer-page.js";
import type { DemoConfig, DemoLocale } from "./demo-config.js";
import { OperatorPage } from "./operator/operator-page.js";
import { SandboxPage } from "./sandbox/sandbox-page.js";
import { type DemoRoute, useHashRoute } from "./use-hash-route.js";

// The portal's chrome speaks the customer's language; the staff pages behind it are English only.
const CHROME = {
  en: {
    skip: "Skip to content",
    pages: "Demo pages",
    titles: { customer: "Customer portal", operator: "Operator", sandbox: "Sandbox" },
    sandboxMode: "Sandbox (fake Meta)",
  },
  de: {
    skip: "Zum Inhalt springen",
    pages: "Demo-Seiten",
    titles: { customer: "Kundenportal", operator: "Operator", sandbox: "Sandbox" },
    sandboxMode: "Sandbox (nachgebildetes Meta)",
  },
} as const satisfies Record<
  DemoLocale,
  { skip: string; pages: string; titles: Record<DemoRoute, string>; sandboxMode: string }
>;

/** The portal's language comes from `?lang=` so a reload (and Meta's SDK path) keeps it. */
function currentLocale(): DemoLocale {
  if (typeof window === "undefined") return "en";
  return new URLSearchParams(window.location.search).get("lang") === "de" ? "de" : "en";
}

/**
 * The demo portal: the customer page (the partner's page with `<MigrationFlow>`), the operator view
 * and, against the sandbox only, the sandbox controls.
 *
 * @example
 * <App config={await loadConfig()} />
 */
export function App({ config }: { config: DemoConfig }) {
  const route = useHashRoute();
  const locale = currentLocale();
  const routes: DemoRoute[] = config.sandboxApi
    ? ["customer", "operator", "sandbox"]
    : ["customer", "operator"];
  const page = routes.includes(route) ? route : "customer";
  const chrome = CHROME[locale];

  useEffect(() => {
    document.title = `${chrome.titles[page]} · Brightline Messaging`;
    document.documentElement.lang = locale;
  }, [page, locale, chrome]);

  return (
    <>
      <header className="demo-header">
        <a className="demo-skip" href="#demo-main">
          {chrome.skip}
        </a>
        <span className="demo-brand">Brightline Messaging</span>
        <nav aria-label={chrome.pages}>
          <ul className="demo-nav">
            {routes.map((name) => (
              <li key={name}>
                <a
                  href={`#/${name}`}
                  aria-current={name === page ? "page" : undefined}
                  {...(name === "customer" ? {} : { hrefLang: "en" })}
                >
                  {chrome.titles[name]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="demo-mode" data-mode={config.mode}>
          {config.mode === "sandbox" ? chrome.sandboxMode : "Meta"}
        </span>
      </header>
      <main
        id="demo-main"
        className="demo-main"
        tabIndex={-1}
        // Operators and QA read English; marking it keeps a German screen reader voice off it.
        {...(page === "customer" ? {} : { lang: "en" })}
      >
        {page === "customer" ? <CustomerPage config={config} locale={locale} /> : null}
        {page === "operator" ? <OperatorPage config={config} /> : null}
        {page === "sandbox" && config.sandboxApi ? (
          <SandboxPage sandboxApi={config.sandboxApi} />
        ) : null}
      </main>
    </>
  );
}
