import { GRAPH_VERSION_PATTERN, WABA_CURRENCIES, type WabaCurrency } from "@wa-migrate/contracts";
import { parseEncryptionKeys } from "../crypto/secret-box.js";

/**
 * The runnable server's settings, read from the environment.
 *
 * @example
 * const config: EnvConfig = loadEnvConfig(process.env);
 * config.leaseMs; // 60000 unless WA_MIGRATE_LEASE_MS says otherwise
 */
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
  /** `WA_MIGRATE_INSTANCE_ID`: this process's name in step leases (default: host name + pid). */
  instanceId: string | undefined;
  /** `WA_MIGRATE_LEASE_MS`: how long a step lease lasts without renewal (default 60 s). */
  leaseMs: number;
  /** `WA_MIGRATE_RESUME_EVERY_MS`: how often to pick up migrations whose lease expired (0 = off; default 15 s). */
  resumeEveryMs: number;
  /** `WA_MIGRATE_TRANSIENT_RETRY_MS`: how long a step keeps retrying Meta's transient errors (default 15 min). */
  transientRetryMs: number;
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
 * `WA_MIGRATE_ENCRYPTION_KEY`, `WEBHOOK_VERIFY_TOKEN`, `PORT`, `HOST`, `CORS_ORIGINS`,
 * `WA_MIGRATE_INSTANCE_ID`, `WA_MIGRATE_LEASE_MS`, `WA_MIGRATE_RESUME_EVERY_MS` and
 * `WA_MIGRATE_TRANSIENT_RETRY_MS`.
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
    instanceId: optional(
      "WA_MIGRATE_INSTANCE_ID",
      "1-64 letters, digits, '.', '_' or '-', unique per running instance",
      (v) => /^[\w.-]{1,64}$/.test(v),
    ),
    leaseMs: Number(
      optional(
        "WA_MIGRATE_LEASE_MS",
        "milliseconds from 5000 to 3600000",
        (v) => /^\d{4,7}$/.test(v) && Number(v) >= 5_000 && Number(v) <= 3_600_000,
      ) ?? 60_000,
    ),
    // On by default: a restart inside a dead instance's lease window finds its steps still leased
    // (busy) and must come back for them once the lease has expired.
    resumeEveryMs: Number(
      optional(
        "WA_MIGRATE_RESUME_EVERY_MS",
        "0 (off) or milliseconds from 1000 to 3600000",
        (v) => v === "0" || (/^\d{4,7}$/.test(v) && Number(v) >= 1_000 && Number(v) <= 3_600_000),
      ) ?? 15_000,
    ),
    transientRetryMs: Number(
      optional(
        "WA_MIGRATE_TRANSIENT_RETRY_MS",
        "milliseconds from 0 to 86400000 (a day)",
        (v) => /^\d{1,8}$/.test(v) && Number(v) <= 86_400_000,
      ) ?? 15 * 60_000,
    ),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
