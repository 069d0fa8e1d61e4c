import { GRAPH_VERSION_PATTERN, WABA_CURRENCIES, type WabaCurrency } from "@wa-migrate/contracts";
import { parseEncryptionKeys } from "../crypto/secret-box.js";

/** The runnable server's settings, read from the environment. */
export interface EnvConfig {
  appId: string;
  appSecret: string;
  systemToken: string;
  businessId: string;
  creditLineId: string | undefined;
  wabaCurrency: WabaCurrency;
  graphBaseUrl: string | undefined;
  graphVersion: string | undefined;
  databaseUrl: string | undefined;
  encryptionKey: string;
  webhookVerifyToken: string;
  host: string;
  port: number;
  corsOrigins: string[];
}

/**
 * Thrown by {@link loadEnvConfig}; `problems` names every missing or invalid variable (never its value).
 *
 * @example
 * try { loadEnvConfig(process.env) } catch (e) { if (e instanceof ConfigError) console.error(e.message) }
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(
      `The server's configuration is incomplete or invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

const DIGITS = /^\d{1,32}$/;

/**
 * Reads and validates `META_APP_ID`, `META_APP_SECRET`, `META_SYSTEM_TOKEN`, `META_BUSINESS_ID`,
 * `META_CREDIT_LINE_ID`, `WABA_CURRENCY`, `GRAPH_BASE_URL`, `GRAPH_VERSION`, `DATABASE_URL`,
 * `WA_MIGRATE_ENCRYPTION_KEY`, `WEBHOOK_VERIFY_TOKEN`, `PORT`, `HOST` and `CORS_ORIGINS`.
 * Throws one {@link ConfigError} listing every problem.
 *
 * @example
 * const config = loadEnvConfig(process.env);
 */
export function loadEnvConfig(env: Readonly<Record<string, string | undefined>>): EnvConfig {
  const problems: string[] = [];
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const required = (name: string, what: string, valid?: (v: string) => boolean) => {
    const value = get(name);
    if (!value) problems.push(`${name} is missing: ${what}`);
    else if (valid && !valid(value)) problems.push(`${name} is invalid: ${what}`);
    return value ?? "";
  };
  const optional = (name: string, what: string, valid: (v: string) => boolean) => {
    const value = get(name);
    if (value && !valid(value)) problems.push(`${name} is invalid: ${what}`);
    return value;
  };
  const isUrl = (v: string) => {
    try {
      return ["http:", "https:"].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  };
  const config: EnvConfig = {
    appId: required("META_APP_ID", "the Meta app id (digits)", (v) => DIGITS.test(v)),
    appSecret: required(
      "META_APP_SECRET",
      "the Meta app secret (App Dashboard > Settings > Basic)",
    ),
    systemToken: required("META_SYSTEM_TOKEN", "the system user access token"),
    businessId: required("META_BUSINESS_ID", "the partner's business portfolio id (digits)", (v) =>
      DIGITS.test(v),
    ),
    creditLineId: optional("META_CREDIT_LINE_ID", "a credit line id (digits)", (v) =>
      DIGITS.test(v),
    ),
    wabaCurrency: (optional("WABA_CURRENCY", `one of ${WABA_CURRENCIES.join(", ")}`, (v) =>
      (WABA_CURRENCIES as readonly string[]).includes(v),
    ) ?? "USD") as WabaCurrency,
    graphBaseUrl: optional(
      "GRAPH_BASE_URL",
      "an http(s) URL such as https://graph.facebook.com",
      isUrl,
    ),
    graphVersion: optional("GRAPH_VERSION", "a version such as v26.0", (v) =>
      GRAPH_VERSION_PATTERN.test(v),
    ),
    databaseUrl: optional("DATABASE_URL", "a postgres:// or postgresql:// URL", (v) =>
      /^postgres(?:ql)?:\/\//.test(v),
    ),
    encryptionKey: required(
      "WA_MIGRATE_ENCRYPTION_KEY",
      "keyId:base64 of 32 random bytes (comma-separated for rotation, newest first)",
      (v) => {
        try {
          parseEncryptionKeys(v);
          return true;
        } catch {
          return false;
        }
      },
    ),
    webhookVerifyToken: required(
      "WEBHOOK_VERIFY_TOKEN",
      "the verify token entered in the App Dashboard's webhook settings",
    ),
    host: get("HOST") ?? "127.0.0.1",
    port: Number(
      optional("PORT", "a port number 0-65535", (v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535) ??
        8787,
    ),
    corsOrigins: (get("CORS_ORIGINS") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
