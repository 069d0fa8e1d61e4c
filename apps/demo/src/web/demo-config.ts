/**
 * What the demo server tells the portal at run time (`GET /demo-config.json`), so one build works
 * against the sandbox on any ports and against Meta. Nothing secret is in here: these are the
 * values a partner's page also ships to the browser.
 */
export interface DemoConfig {
  /** `sandbox`: the fake Meta runs beside the demo (the Sandbox page is shown); `meta`: real Meta. */
  mode: "sandbox" | "meta";
  /** Meta app id (`FB.init`). */
  appId: string;
  /** Embedded Signup configuration id (`FB.login` `config_id`). */
  configId: string;
  /** Graph version for `FB.init`. */
  graphVersion: string;
  /** Where Meta's SDK lives, without the locale path: `https://connect.facebook.net` or the sandbox. */
  sdkBase: string;
  /** Origins allowed to post Embedded Signup messages; null keeps the component's default (facebook.com). */
  allowedOrigins: string[] | null;
  /** Where the partner's server mounts the BFF (same origin), e.g. `/wa`. */
  bffUrl: string;
  /** The sandbox control API as the demo server proxies it (`/sandbox-api`), or null against Meta. */
  sandboxApi: string | null;
}

/** The portal's languages; `de` loads Meta's SDK under `/de_DE/`, so the popup speaks German too. */
export type DemoLocale = "en" | "de";

/**
 * The SDK URL for a locale, as Meta serves it (`/en_US/sdk.js`, `/de_DE/sdk.js`).
 *
 * @example
 * sdkUrlFor({ sdkBase: "https://connect.facebook.net" } as DemoConfig, "de"); // ".../de_DE/sdk.js"
 */
export function sdkUrlFor(config: Pick<DemoConfig, "sdkBase">, locale: DemoLocale): string {
  return `${config.sdkBase.replace(/\/+$/, "")}/${locale === "de" ? "de_DE" : "en_US"}/sdk.js`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * Checks the shape of `/demo-config.json`; throws with the field that is wrong.
 *
 * @example
 * const config = parseDemoConfig(await (await fetch("/demo-config.json")).json());
 */
export function parseDemoConfig(value: unknown): DemoConfig {
  if (typeof value !== "object" || value === null) throw new Error("demo config: not an object");
  const v = value as Record<string, unknown>;
  for (const key of ["appId", "configId", "graphVersion", "sdkBase", "bffUrl"] as const) {
    if (typeof v[key] !== "string" || v[key] === "")
      throw new Error(`demo config: ${key} is missing`);
  }
  if (v.mode !== "sandbox" && v.mode !== "meta") throw new Error("demo config: mode is invalid");
  if (v.allowedOrigins !== null && !isStringArray(v.allowedOrigins))
    throw new Error("demo config: allowedOrigins is invalid");
  if (v.sandboxApi !== null && typeof v.sandboxApi !== "string")
    throw new Error("demo config: sandboxApi is invalid");
  return v as unknown as DemoConfig;
}
