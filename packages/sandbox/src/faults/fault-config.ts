import { GraphError } from "../graph/graph-error.js";
import { parseWebhookFaults, type WebhookFaults } from "./webhook-faults.js";

/**
 * A fault to inject: a Graph error code, an HTTP 5xx from the edge, a dropped connection or a hang.
 *
 * @example
 * const codes: FaultCode[] = [131000, "5xx", "drop", "timeout"];
 * graph.sandbox.setFaults({ errorRate: { rate: 0.2, codes } });
 */
export type FaultCode = number | "5xx" | "drop" | "timeout";

/**
 * Fault settings (`POST /__sandbox/faults`). Everything is drawn from a seeded generator, so the
 * same seed and the same calls give the same faults. `webhooks` shapes outgoing deliveries
 * (batches, redelivery after a 2xx), see {@link WebhookFaults}.
 *
 * @example
 * const faults: FaultConfig = {
 *   latency: { fixedMs: 50, jitterMs: 20 },
 *   errorRate: { rate: 0.2, codes: [1, 2, 131000] },
 *   failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 2, code: 131016 }],
 *   webhooks: { batch: { maxUpdates: 1000, windowMs: 0 }, redeliver: { rate: 1, afterMs: 0 } },
 * };
 */
export interface FaultConfig {
  latency?: { fixedMs: number; jitterMs: number };
  errorRate?: { rate: number; codes: FaultCode[]; operations?: string[] };
  failNext?: { operation: string; count: number; code: FaultCode; subcode?: number }[];
  /** How long a `timeout` fault holds the request before dropping it (real ms; default 30,000). */
  timeoutMs?: number;
  webhooks?: WebhookFaults;
}

/**
 * Graph codes the fault API accepts: the list, Graph's throttles 32 and 613, the
 * permission refusal 10, and two refusals Meta sends with HTTP 500 and `is_transient: false`,
 * 131045 and 133000 (facts §4.2).
 */
export const FAULT_GRAPH_CODES = [
  1, 2, 4, 10, 17, 32, 613, 80007, 130429, 131000, 131016, 131045, 133000, 190,
] as const;

/**
 * Faults Graph answers before the operation runs: the platform and WhatsApp throttles and an
 * invalid token. Every other fault stands for a request that reached the operation (an error, a
 * 5xx, a lost answer), so what Meta counts per request still counts.
 */
export const FAULTS_BEFORE_OPERATION: readonly FaultCode[] = [4, 17, 32, 613, 80007, 130429, 190];

function isFaultCode(value: unknown): value is FaultCode {
  return (
    value === "5xx" ||
    value === "drop" ||
    value === "timeout" ||
    (typeof value === "number" && (FAULT_GRAPH_CODES as readonly number[]).includes(value))
  );
}

function bad(why: string): GraphError {
  return new GraphError({ code: 100, message: `(#100) Invalid fault config: ${why}`, status: 400 });
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw bad(`${name} must be a number >= 0`);
  }
  return value;
}

/**
 * Checks a fault config from the control API and returns a clean copy.
 *
 * @example
 * parseFaultConfig({ errorRate: { rate: 0.2, codes: [1] } });
 */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw bad("expected an object");
  const raw = input as Record<string, unknown>;
  const out: FaultConfig = {};
  if (raw.latency !== undefined) {
    const l = raw.latency as Record<string, unknown>;
    out.latency = {
      fixedMs: nonNegative(l?.fixedMs ?? 0, "latency.fixedMs"),
      jitterMs: nonNegative(l?.jitterMs ?? 0, "latency.jitterMs"),
    };
  }
  if (raw.errorRate !== undefined) {
    const e = raw.errorRate as Record<string, unknown>;
    const rate = nonNegative(e?.rate, "errorRate.rate");
    if (rate > 1) throw bad("errorRate.rate must be <= 1");
    const codes = e?.codes;
    if (!Array.isArray(codes) || codes.length === 0 || !codes.every(isFaultCode)) {
      throw bad(
        `errorRate.codes must list some of ${FAULT_GRAPH_CODES.join(", ")}, "5xx", "drop", "timeout"`,
      );
    }
    const operations = e.operations;
    if (
      operations !== undefined &&
      (!Array.isArray(operations) || !operations.every((o) => typeof o === "string"))
    ) {
      throw bad("errorRate.operations must be a list of operation names");
    }
    out.errorRate = { rate, codes, ...(operations ? { operations: operations as string[] } : {}) };
  }
  if (raw.failNext !== undefined) {
    if (!Array.isArray(raw.failNext)) throw bad("failNext must be a list");
    out.failNext = raw.failNext.map((item: Record<string, unknown>) => {
      if (typeof item?.operation !== "string") throw bad("failNext[].operation must be a string");
      if (!isFaultCode(item.code)) throw bad("failNext[].code is not a supported fault");
      const count = nonNegative(item.count ?? 1, "failNext[].count");
      const subcode =
        item.subcode === undefined ? undefined : nonNegative(item.subcode, "failNext[].subcode");
      return {
        operation: item.operation,
        count,
        code: item.code,
        ...(subcode === undefined ? {} : { subcode }),
      };
    });
  }
  if (raw.timeoutMs !== undefined) out.timeoutMs = nonNegative(raw.timeoutMs, "timeoutMs");
  if (raw.webhooks !== undefined) out.webhooks = parseWebhookFaults(raw.webhooks);
  return out;
}
