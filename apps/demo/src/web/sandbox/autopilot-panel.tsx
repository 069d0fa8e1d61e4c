import { ES_STEPS } from "@wa-migrate/contracts";
import { useState } from "react";
import type { SandboxApi } from "./sandbox-api.js";
import { useAction } from "./use-action.js";

const OUTCOMES = ["finish", "cancel", "error"] as const;

/**
 * Arms the sandbox's autopilot: the next Embedded Signup popup clicks through by itself to the
 * chosen outcome (at the chosen screen), with a pause per click so a demo can be watched.
 *
 * @example
 * <AutopilotPanel api={api} />
 */
export function AutopilotPanel({ api }: { api: SandboxApi }) {
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("finish");
  const [atStep, setAtStep] = useState<string>("PERMISSIONS");
  const [delayMs, setDelayMs] = useState(400);
  const [notice, act] = useAction();
  return (
    <section className="demo-panel" aria-labelledby="autopilot-title">
      <h2 id="autopilot-title">Autopilot for the next popup</h2>
      <div className="demo-form">
        <label htmlFor="autopilot-outcome">Outcome</label>
        <select
          id="autopilot-outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as (typeof OUTCOMES)[number])}
        >
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <label htmlFor="autopilot-step">At screen</label>
        <select id="autopilot-step" value={atStep} onChange={(e) => setAtStep(e.target.value)}>
          {ES_STEPS.map((step) => (
            <option key={step} value={step}>
              {step}
            </option>
          ))}
        </select>
        <label htmlFor="autopilot-delay">Pause per click (ms)</label>
        <input
          id="autopilot-delay"
          type="number"
          min={0}
          max={60000}
          step={100}
          value={delayMs}
          onChange={(e) => setDelayMs(Number(e.target.value))}
        />
      </div>
      <button
        type="button"
        onClick={() =>
          act(`Autopilot armed: ${outcome} at ${atStep}`, () =>
            api.autopilot({ outcome, atStep, delayMs }),
          )
        }
      >
        Arm autopilot
      </button>
      {notice ? (
        <p role="status" className={notice.tone === "ok" ? "demo-ok" : "demo-problem"}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
