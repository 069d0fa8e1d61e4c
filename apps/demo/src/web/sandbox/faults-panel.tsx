import { useState } from "react";
import { usePolling } from "../operator/use-polling.js";
import type { SandboxApi } from "./sandbox-api.js";
import { useAction } from "./use-action.js";

// The codes the sandbox's fault API accepts (its README): Graph codes, an edge 5xx, a dropped socket.
const CODES = [
  ...["1", "2", "4", "10", "17", "32", "613", "80007", "130429"],
  ...["131000", "131016", "131045", "133000", "190", "5xx", "drop"],
];
const toCode = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * Fault injection: latency, a random error rate with a chosen code, and "fail the next N calls of
 * an operation"; shows the faults in force and clears them.
 *
 * @example
 * <FaultsPanel api={api} current={summary.faults} onChange={reload} />
 */
export function FaultsPanel(props: { api: SandboxApi; current: unknown; onChange: () => void }) {
  const { api, current, onChange } = props;
  const operations = usePolling(() => api.operations(), 60_000);
  const [latency, setLatency] = useState(0);
  const [rate, setRate] = useState(0);
  const [rateCode, setRateCode] = useState("131000");
  const [operation, setOperation] = useState("registerWhatsAppBusinessPhoneNumber");
  const [count, setCount] = useState(0);
  const [failCode, setFailCode] = useState("131016");
  const [notice, act] = useAction();

  const apply = () =>
    act("Faults applied", async () => {
      await api.faults({
        ...(latency > 0
          ? { latency: { fixedMs: latency, jitterMs: Math.round(latency / 4) } }
          : {}),
        ...(rate > 0 ? { errorRate: { rate: rate / 100, codes: [toCode(rateCode)] } } : {}),
        ...(count > 0 ? { failNext: [{ operation, count, code: toCode(failCode) }] } : {}),
      });
      onChange();
    });
  const clear = () =>
    act("Faults cleared", async () => {
      await api.faults({});
      onChange();
    });

  return (
    <section className="demo-panel" aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <div className="demo-form">
        <label htmlFor="fault-latency">Latency per Graph call (ms)</label>
        <input
          id="fault-latency"
          type="number"
          min={0}
          step={50}
          value={latency}
          onChange={(e) => setLatency(Number(e.target.value))}
        />
        <label htmlFor="fault-rate">Error rate (%)</label>
        <input
          id="fault-rate"
          type="number"
          min={0}
          max={100}
          value={rate}
          onChange={(e) => setRate(Number(e.target.value))}
        />
        <label htmlFor="fault-rate-code">with code</label>
        <select id="fault-rate-code" value={rateCode} onChange={(e) => setRateCode(e.target.value)}>
          {CODES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <label htmlFor="fault-operation">Fail the next calls of</label>
        <select
          id="fault-operation"
          value={operation}
          onChange={(e) => setOperation(e.target.value)}
        >
          {(operations.data?.data ?? [operation]).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <label htmlFor="fault-count">how many</label>
        <input
          id="fault-count"
          type="number"
          min={0}
          max={100}
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
        />
        <label htmlFor="fault-code">with code</label>
        <select id="fault-code" value={failCode} onChange={(e) => setFailCode(e.target.value)}>
          {CODES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="demo-actions">
        <button type="button" onClick={apply}>
          Apply faults
        </button>
        <button type="button" onClick={clear}>
          Clear faults
        </button>
      </div>
      <p className="demo-muted">
        In force: <code>{JSON.stringify(current ?? {})}</code>
      </p>
      {notice ? (
        <p role="status" className={notice.tone === "ok" ? "demo-ok" : "demo-problem"}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
