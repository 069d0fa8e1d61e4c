import { ES_STEPS, type EsStep } from "@wa-migrate/contracts";

/** How an autopiloted popup ends. */
export type AutopilotOutcome = "finish" | "cancel" | "error";

/** Instructions for the next popup: click through by itself to `outcome`. */
export interface Autopilot {
  outcome: AutopilotOutcome;
  /** Where `cancel` or `error` happens (the first screen at or after it that is shown). */
  atStep: EsStep;
  /** Pause before each click, in real milliseconds, so a demo can be watched. */
  delayMs: number;
}

/** Result of {@link parseAutopilot}. */
export type AutopilotParse =
  | { ok: true; autopilot: Autopilot }
  | { ok: false; errors: { path: string; message: string }[] };

const DEFAULT_STEP: Record<AutopilotOutcome, EsStep> = {
  finish: "PERMISSIONS",
  cancel: "BUSINESS_ACCOUNT_SELECTION",
  error: "PHONE_NUMBER_SETUP",
};

/**
 * Validates the body of `POST /__sandbox/autopilot`.
 *
 * @example
 * parseAutopilot({ outcome: "cancel", atStep: "PHONE_NUMBER_SETUP" });
 * // { ok: true, autopilot: { outcome: "cancel", atStep: "PHONE_NUMBER_SETUP", delayMs: 0 } }
 */
export function parseAutopilot(body: unknown): AutopilotParse {
  const errors: { path: string; message: string }[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, errors: [{ path: "", message: "The body must be a JSON object." }] };
  }
  const { outcome, atStep, delayMs } = body as Record<string, unknown>;
  if (outcome !== "finish" && outcome !== "cancel" && outcome !== "error") {
    errors.push({ path: "outcome", message: 'outcome must be "finish", "cancel" or "error".' });
  }
  if (atStep !== undefined && !ES_STEPS.includes(atStep as EsStep)) {
    errors.push({ path: "atStep", message: `atStep must be one of ${ES_STEPS.join(", ")}.` });
  }
  if (
    delayMs !== undefined &&
    (typeof delayMs !== "number" || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000)
  ) {
    errors.push({ path: "delayMs", message: "delayMs must be an integer from 0 to 60000." });
  }
  if (errors.length > 0) return { ok: false, errors };
  const chosen = outcome as AutopilotOutcome;
  return {
    ok: true,
    autopilot: {
      outcome: chosen,
      atStep: (atStep as EsStep | undefined) ?? DEFAULT_STEP[chosen],
      delayMs: (delayMs as number | undefined) ?? 0,
    },
  };
}

/**
 * Holds the autopilot for the next popup; opening a popup takes it (one popup per instruction).
 *
 * @example
 * const store = new AutopilotStore();
 * store.arm({ outcome: "finish", atStep: "PERMISSIONS", delayMs: 0 });
 * store.take(); // the instruction; a second take() gives undefined
 */
export class AutopilotStore {
  #next: Autopilot | undefined;

  arm(autopilot: Autopilot): void {
    this.#next = autopilot;
  }

  take(): Autopilot | undefined {
    const next = this.#next;
    this.#next = undefined;
    return next;
  }

  clear(): void {
    this.#next = undefined;
  }
}
