import { useMemo, useState } from "react";
import { usePolling } from "../operator/use-polling.js";
import { AutopilotPanel } from "./autopilot-panel.js";
import { CallLog } from "./call-log.js";
import { FaultsPanel } from "./faults-panel.js";
import { InlineCode } from "./inline-code.js";
import { NumbersPanel } from "./numbers-panel.js";
import { type SandboxApi, sandboxApi } from "./sandbox-api.js";
import { useAction } from "./use-action.js";

const CLOCK_STEPS: [string, number][] = [
  ["+30 s", 30_000],
  ["+1 min", 60_000],
  ["+1 h", 3_600_000],
  ["+24 h", 86_400_000],
];

function ScenarioPanel({
  api,
  current,
  onChange,
}: {
  api: SandboxApi;
  current: string | null;
  onChange: () => void;
}) {
  const scenarios = usePolling(() => api.scenarios(), 60_000);
  const [choice, setChoice] = useState<string>("");
  const [notice, act] = useAction();
  const selected = choice || current || "happy";
  const summary = scenarios.data?.data.find((s) => s.name === selected)?.summary;
  return (
    <section className="demo-panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">Scenario for the next signup</h2>
      <p className="demo-muted">
        Rebuilds Meta's world for the scenario (a fresh customer, number and templates). Running
        migrations of the old world stop making sense: start a new one on the customer page.
      </p>
      <label htmlFor="scenario-select">Scenario</label>{" "}
      <select id="scenario-select" value={selected} onChange={(e) => setChoice(e.target.value)}>
        {(scenarios.data?.data ?? [{ name: selected, summary: "" }]).map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>{" "}
      <button
        type="button"
        onClick={() =>
          act(`Scenario ${selected} is set`, async () => {
            await api.setScenario(selected);
            onChange();
          })
        }
      >
        Use this scenario
      </button>
      {summary ? (
        <p className="demo-muted">
          <InlineCode text={summary} />
        </p>
      ) : null}
      {notice ? (
        <p role="status" className={notice.tone === "ok" ? "demo-ok" : "demo-problem"}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}

/**
 * The sandbox page (only when the demo runs against the sandbox): the scenario for the next
 * signup, the popup's autopilot, fault injection, the sandbox clock, Meta's view of the number,
 * the customer's numbers with their two-step verification (and a switch), and the Graph call log,
 * live.
 *
 * @example
 * <SandboxPage sandboxApi="/sandbox-api" />
 */
export function SandboxPage({ sandboxApi: base }: { sandboxApi: string }) {
  const api = useMemo(() => sandboxApi(base), [base]);
  const summary = usePolling(() => api.summary(), 1500);
  const [clockNotice, act] = useAction();
  const s = summary.data;
  return (
    <div className="demo-sandbox">
      <h1>Sandbox</h1>
      {summary.error ? (
        <p className="demo-problem" role="alert">
          The sandbox does not answer: {summary.error.message}
        </p>
      ) : null}
      <div className="demo-columns">
        <ScenarioPanel api={api} current={s?.scenario ?? null} onChange={summary.reload} />
        <section className="demo-panel" aria-labelledby="world-title">
          <h2 id="world-title">Meta's world</h2>
          {s ? (
            <dl className="demo-ids" data-scenario={s.scenario}>
              <div>
                <dt>Scenario</dt>
                <dd>
                  {s.scenario} (seed {s.seed})
                </dd>
              </div>
              <div>
                <dt>Sandbox time</dt>
                <dd>{new Date(s.now).toISOString()}</dd>
              </div>
              <div>
                <dt>Number</dt>
                <dd>
                  {s.phone ? `${s.phone.display_phone_number} · ${s.phone.verified_name}` : "–"}
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{s.phone ? `${s.phone.status} on ${s.phone.platform_type}` : "–"}</dd>
              </div>
              <div>
                <dt>Two-step verification</dt>
                <dd>{s.phone ? (s.phone.twoStepEnabled ? "on" : "off") : "–"}</dd>
              </div>
              <div>
                <dt>In WABA</dt>
                <dd>
                  {s.phone
                    ? `${s.phone.wabaId}${s.phone.movingTo ? ` (moving to ${s.phone.movingTo})` : ""}`
                    : "–"}
                </dd>
              </div>
              <div>
                <dt>Scheduled jobs</dt>
                <dd>{s.pendingJobs}</dd>
              </div>
            </dl>
          ) : (
            <p>Loading…</p>
          )}
          <h3>Clock</h3>
          <p className="demo-muted">
            Meta copies eligible templates 60 s after the move and rates copies after 24 h.
          </p>
          <div className="demo-actions">
            {CLOCK_STEPS.map(([label, ms]) => (
              <button
                key={label}
                type="button"
                aria-label={`Advance the sandbox clock ${label.slice(1)}`}
                onClick={() =>
                  act(`Clock advanced ${label.slice(1)}`, async () => {
                    await api.advanceClock(ms);
                    summary.reload();
                  })
                }
              >
                {label}
              </button>
            ))}
          </div>
          {clockNotice ? (
            <p role="status" className={clockNotice.tone === "ok" ? "demo-ok" : "demo-problem"}>
              {clockNotice.text}
            </p>
          ) : null}
        </section>
      </div>
      <NumbersPanel api={api} phones={s?.phones ?? null} onChange={summary.reload} />
      <div className="demo-columns">
        <AutopilotPanel api={api} />
        <FaultsPanel api={api} current={s?.faults ?? null} onChange={summary.reload} />
      </div>
      <CallLog api={api} />
    </div>
  );
}
