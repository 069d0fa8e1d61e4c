import type { MigrationBffOptions } from "../config/bff-options.js";
import { ConfigError } from "../config/env-config.js";

/** Options that must be a non-empty string: without them the BFF cannot work or is open. */
const REQUIRED = ["appId", "appSecret", "systemToken", "businessId", "webhookVerifyToken"] as const;
/** A header name (RFC 9110 token): anything else would break or inject into the CORS answer. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Throws `ConfigError` naming every missing or empty required option (never a value), so that a
 * partner who mounts the BFF with `process.env.X!` of an unset variable finds out at start. An
 * empty `appSecret` would accept webhooks signed by anyone (HMAC with an empty key), an empty
 * `webhookVerifyToken` would echo any `hub.challenge` to anyone.
 *
 * @example
 * assertBffOptions(options); // before createRuntime(options)
 */
export function assertBffOptions(options: MigrationBffOptions): void {
  const problems: string[] = [];
  const blank = (value: unknown) => typeof value !== "string" || value.trim() === "";
  for (const name of REQUIRED) {
    if (blank(options[name])) problems.push(`${name} is missing or empty`);
  }
  const override = options.webhookOverride;
  if (override && (blank(override.callbackUri) || blank(override.verifyToken)))
    problems.push("webhookOverride needs a callbackUri and a verifyToken");
  if (typeof options.store !== "object" || options.store === null)
    problems.push("store is missing (openJournalStore() or createMemoryStore())");
  const headers: unknown = options.corsAllowHeaders;
  if (
    headers !== undefined &&
    !(Array.isArray(headers) && headers.every((h) => typeof h === "string" && HEADER_NAME.test(h)))
  )
    problems.push("corsAllowHeaders must be a list of header names, such as x-portal-session");
  if (problems.length > 0) throw new ConfigError(problems);
}
