/**
 * Fields every log line may carry (the list), plus anything else JSON-safe.
 *
 * @example
 * log.info("migration created", { migrationId: "mig_1", tenant: "acme" } satisfies LogFields);
 */
export interface LogFields {
  requestId?: string;
  tenant?: string;
  migrationId?: string;
  step?: string;
  fbtraceId?: string;
  [key: string]: unknown;
}

/**
 * Structured JSON-line logger.
 *
 * @example
 * const log: Logger = createLogger({ secrets: [appSecret] });
 * log.child({ requestId }).warn("slow Graph answer", { step: "register_phone" });
 */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
  /** Adds a secret value to redact wherever it appears in later lines (tokens, PINs). */
  addSecret(value: string): void;
}

/**
 * Options of {@link createLogger}.
 *
 * @example
 * const lines: string[] = [];
 * const options: LoggerOptions = { write: (line) => lines.push(line), secrets: [systemToken] };
 */
export interface LoggerOptions {
  /** Receives one JSON line (without newline). Default: `process.stdout`. */
  write?: (line: string) => void;
  /** Values to redact from the start (app secret, system token, ...). */
  secrets?: string[];
  /** Timestamp source. */
  now?: () => Date;
}

// Keys whose values are secrets whatever they contain, matched on the key in lower case without
// separators, so `access_token`, `accessToken` and `hub.verify_token` are all caught.
const SECRET_KEYS =
  /^(.*(token|secret|password|passwd|apikey)|pin|authorization|proxyauthorization|encryptionkey|cookie|setcookie)$/;
const isSecretKey = (key: string) =>
  SECRET_KEYS.test(key.replace(/[^A-Za-z0-9]/g, "").toLowerCase());
const REDACTED = "[redacted]";
/** Nesting scrubbed at most; deeper values are replaced by {@link TRUNCATED}. */
const MAX_DEPTH = 6;
const TRUNCATED = "[truncated]";
const CIRCULAR = "[circular]";
/** Shorter values are not secrets worth a substring match (and would blank out ordinary words). */
const MIN_SECRET_LENGTH = 6;
/** Registered values kept at most; the oldest go first (their migrations ended long ago). */
const MAX_SECRETS = 100_000;
/** Characters of a secret indexed; taken a little into it, since tokens share their first ones. */
const WINDOW = MIN_SECRET_LENGTH;
const DIGITS = /^\d+$/;
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/**
 * The registered secret values, indexed by six of their characters so that scrubbing a string costs
 * one map lookup per character whatever the number of secrets (a BFF with 1,000 migrations in
 * flight holds a few thousand tokens, codes and PINs).
 */
function createSecretSet(initial: readonly string[]) {
  const all = new Set<string>(); // insertion order = age
  const byWindow = new Map<string, { secret: string; offset: number }[]>();
  const windowOf = (secret: string) => {
    const offset = Math.min(secret.length - WINDOW, 12);
    return { key: secret.slice(offset, offset + WINDOW), offset };
  };
  const add = (value: string) => {
    if (value.length < MIN_SECRET_LENGTH || all.has(value)) return;
    all.add(value);
    const { key, offset } = windowOf(value);
    const bucket = byWindow.get(key);
    if (bucket) bucket.push({ secret: value, offset });
    else byWindow.set(key, [{ secret: value, offset }]);
    if (all.size > MAX_SECRETS) {
      const oldest = all.values().next().value as string;
      all.delete(oldest);
      const old = windowOf(oldest);
      const rest = (byWindow.get(old.key) ?? []).filter((e) => e.secret !== oldest);
      if (rest.length > 0) byWindow.set(old.key, rest);
      else byWindow.delete(old.key);
    }
  };
  for (const value of initial) add(value);
  const scrub = (text: string): string => {
    if (all.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    const ranges: [number, number][] = [];
    for (let i = 0; i + WINDOW <= text.length; i += 1) {
      for (const { secret, offset } of byWindow.get(text.slice(i, i + WINDOW)) ?? []) {
        const start = i - offset;
        const end = start + secret.length;
        if (start < 0 || !text.startsWith(secret, start)) continue;
        // A PIN is six digits: inside a longer number (a WABA or phone id) it is not the PIN.
        if (DIGITS.test(secret) && (isDigit(text[start - 1]) || isDigit(text[end]))) continue;
        ranges.push([start, end]);
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((x, y) => x[0] - y[0]);
    let out = "";
    let from = 0;
    for (const [start, end] of ranges) {
      // Overlapping secrets (one extends another) are redacted as one.
      if (start < from) {
        from = Math.max(from, end);
        continue;
      }
      out += `${text.slice(from, start)}${REDACTED}`;
      from = end;
    }
    return out + text.slice(from);
  };
  return { add, scrub };
}

/**
 * A JSON-line logger that redacts secret-named keys and every registered secret value (also inside
 * strings such as URLs or Graph messages), so tokens and PINs never reach a log line. Values shorter
 * than six characters are not registered (they would blank out ordinary words); an all-digit value
 * (a PIN) is redacted only where it stands alone, not inside a longer number such as an id.
 *
 * @example
 * const log = createLogger({ secrets: [appSecret, systemToken] });
 * log.child({ migrationId }).info("step finished", { step: "register_phone", fbtraceId });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  // Shared by every child, so a secret learned in one request is redacted everywhere.
  const secrets = createSecretSet(options.secrets ?? []);

  const scrubString = (value: string) => secrets.scrub(value);
  // Returns only what it has scrubbed: what lies deeper than MAX_DEPTH or loops back is replaced,
  // never passed through raw, and nothing is left that JSON.stringify would throw on.
  const scrub = (value: unknown, depth: number, path: readonly object[]): unknown => {
    if (typeof value === "string") return scrubString(value);
    if (typeof value === "bigint") return value.toString();
    if (value === null || typeof value !== "object") return value;
    if (path.includes(value)) return CIRCULAR;
    if (depth > MAX_DEPTH) return TRUNCATED;
    const inner = [...path, value];
    // An error is its name, message, code and causes (the driver's reason behind a 503): not its
    // other fields, which may echo a statement's parameters (PGlite's `params`) or a request.
    if (value instanceof Error) {
      const { code, cause } = value as Error & { code?: unknown };
      return {
        name: value.name,
        message: scrubString(value.message),
        ...(typeof code === "string" || typeof code === "number"
          ? { code: scrub(code, 0, []) }
          : {}),
        ...(cause === undefined ? {} : { cause: scrub(cause, depth + 1, inner) }),
      };
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return scrub(toJSON.call(value), depth + 1, inner);
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, inner));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? REDACTED : scrub(v, depth + 1, inner);
    }
    return out;
  };

  const make = (base: LogFields): Logger => {
    const line = (level: string, message: string, fields?: LogFields) => {
      const record = scrub(
        { time: now().toISOString(), level, msg: message, ...base, ...fields },
        0,
        [],
      );
      write(JSON.stringify(record));
    };
    return {
      info: (message, fields) => line("info", message, fields),
      warn: (message, fields) => line("warn", message, fields),
      error: (message, fields) => line("error", message, fields),
      child: (fields) => make({ ...base, ...fields }),
      addSecret: (value) => secrets.add(value),
    };
  };
  return make({});
}
