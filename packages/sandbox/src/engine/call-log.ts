/**
 * One Graph request as the sandbox saw it (`GET /__sandbox/calls`).
 *
 * @example
 * const { data }: { data: CallRecord[] } = await (await graph.request("/__sandbox/calls?operation=registerWhatsAppBusinessPhoneNumber")).json();
 * data[0]?.params.pin; // "***"
 */
export interface CallRecord {
  /** 1-based order of arrival. */
  seq: number;
  /** The operation name (Meta's OpenAPI operationId where Meta has one; see the README). */
  operation: string;
  method: string;
  /** Path without the version prefix, e.g. `/106540352242922/register`. */
  path: string;
  /** The version prefix used, e.g. `v26.0`, or null when none was sent. */
  version: string | null;
  /** Query and body parameters merged, with secrets masked. */
  params: Record<string, unknown>;
  status: number;
  errorCode: number | null;
  errorSubcode: number | null;
  /** The injected fault, when one answered instead of the handler. */
  fault: string | null;
  /** Sandbox clock, ms since the epoch. */
  time: number;
}

// Parameters whose values are secrets: they never reach the log.
const SECRET_PARAMS = new Set([
  "access_token",
  "client_secret",
  "code",
  "pin",
  "input_token",
  "verify_token",
  "password",
  "backup",
]);

/** The mask put in place of a secret. */
export const MASK = "***";

/**
 * Copies params with secret values replaced by {@link MASK}, also inside an object parameter
 * such as `webhook_configuration {verify_token}`, sent as JSON or as JSON text in a form field
 * (logged parsed when it held a secret).
 *
 * @example
 * maskParams({ pin: "123456", waba_id: "1" }); // { pin: "***", waba_id: "1" }
 */
export function maskParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params))
    out[key] = SECRET_PARAMS.has(key) ? MASK : maskNested(value);
  return out;
}

function maskNested(value: unknown): unknown {
  let parsed = value;
  if (typeof value === "string" && value.trimStart().startsWith("{")) {
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return value;
  const masked = maskParams(parsed as Record<string, unknown>);
  // JSON text without a secret in it is logged as it came.
  if (typeof value === "string" && JSON.stringify(masked) === JSON.stringify(parsed)) return value;
  return masked;
}

/** The call log, bounded so a long-running bin cannot grow without end. */
export class CallLog {
  #calls: CallRecord[] = [];
  #seq = 0;
  readonly #max: number;

  constructor(max = 10_000) {
    this.#max = max;
  }

  add(call: Omit<CallRecord, "seq">): void {
    this.#seq += 1;
    this.#calls.push({ seq: this.#seq, ...call });
    // Trim in batches: shifting a 10,000-entry array on every call would cost the bench.
    if (this.#calls.length > this.#max * 1.1) this.#calls = this.#calls.slice(-this.#max);
  }

  all(): CallRecord[] {
    return this.#calls.slice(-this.#max);
  }

  clear(): void {
    this.#calls = [];
    this.#seq = 0;
  }
}
