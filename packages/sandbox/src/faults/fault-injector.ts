import type { Rng } from "../engine/rng.js";
import type { FaultCode, FaultConfig } from "./fault-config.js";

/** What the injector decided for one call. */
export interface FaultDecision {
  delayMs: number;
  fault: { code: FaultCode; subcode?: number } | undefined;
}

/**
 * Decides latency and faults per call from a seeded generator of its own, so turning faults on
 * does not change the ids the sandbox hands out.
 *
 * @example
 * const injector = new FaultInjector(createRng(7));
 * injector.configure({ failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 1, code: 131000 }] });
 * injector.decide("registerWhatsAppBusinessPhoneNumber").fault; // { code: 131000 }
 */
export class FaultInjector {
  #config: FaultConfig = {};
  readonly #rng: Rng;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  configure(config: FaultConfig): void {
    this.#config = structuredClone(config);
  }

  get config(): FaultConfig {
    return structuredClone(this.#config);
  }

  decide(operation: string, baseLatencyMs: number): FaultDecision {
    const { latency, errorRate, failNext } = this.#config;
    const jitter = latency?.jitterMs ? this.#rng.next() * latency.jitterMs : 0;
    const delayMs = baseLatencyMs + (latency?.fixedMs ?? 0) + jitter;
    const queued = failNext?.find((f) => f.operation === operation && f.count > 0);
    if (queued) {
      queued.count -= 1;
      return {
        delayMs,
        fault: {
          code: queued.code,
          ...(queued.subcode === undefined ? {} : { subcode: queued.subcode }),
        },
      };
    }
    if (errorRate && (!errorRate.operations || errorRate.operations.includes(operation))) {
      if (this.#rng.next() < errorRate.rate) {
        const code = errorRate.codes[this.#rng.int(errorRate.codes.length)];
        if (code !== undefined) return { delayMs, fault: { code } };
      }
    }
    return { delayMs, fault: undefined };
  }

  get timeoutMs(): number {
    return this.#config.timeoutMs ?? 30_000;
  }
}
