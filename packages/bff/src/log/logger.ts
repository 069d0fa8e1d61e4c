/** Fields every log line may carry (the list), plus anything else JSON-safe. */
export interface LogFields {
  requestId?: string;
  tenant?: string;
  migrationId?: string;
  step?: string;
  fbtraceId?: string;
  [key: string]: unknown;
}

/** Structured JSON-line logger. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
  /** Adds a secret value to redact wherever it appears in later lines (tokens, PINs). */
  addSecret(value: string): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Receives one JSON line (without newline). Default: `process.stdout`. */
  write?: (line: string) => void;
  /** Values to redact from the start (app secret, system token, ...). */
  secrets?: string[];
  /** Timestamp source. */
  now?: () => Date;
}

// Keys whose values are secrets whatever they contain.
const SECRET_KEYS =
  /^(access_token|token|business_?token|system_?token|pin|app_?secret|client_secret|secret|authorization|password|input_token|encryption_?key)$/i;
const REDACTED = "[redacted]";

/**
 * A JSON-line logger that redacts secret-named keys and every registered secret value (also inside
 * strings such as URLs or Graph messages), so tokens and PINs never reach a log line.
 *
 * @example
 * const log = createLogger({ secrets: [appSecret, systemToken] });
 * log.child({ migrationId }).info("step finished", { step: "register_phone", fbtraceId });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  // Shared by every child, so a secret learned in one request is redacted everywhere.
  const secrets = new Set((options.secrets ?? []).filter((s) => s.length >= 4));

  const scrubString = (value: string) => {
    let out = value;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return scrubString(value);
    if (depth > 6 || value === null || typeof value !== "object") return value;
    if (value instanceof Error) return { name: value.name, message: scrubString(value.message) };
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEYS.test(key) ? REDACTED : scrub(v, depth + 1);
    }
    return out;
  };

  const make = (base: LogFields): Logger => {
    const line = (level: string, message: string, fields?: LogFields) => {
      const record = scrub(
        { time: now().toISOString(), level, msg: message, ...base, ...fields },
        0,
      );
      write(JSON.stringify(record));
    };
    return {
      info: (message, fields) => line("info", message, fields),
      warn: (message, fields) => line("warn", message, fields),
      error: (message, fields) => line("error", message, fields),
      child: (fields) => make({ ...base, ...fields }),
      addSecret: (value) => {
        if (value.length >= 4) secrets.add(value);
      },
    };
  };
  return make({});
}
