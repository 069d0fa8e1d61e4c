import {
  type Migration,
  type MigrationStep,
  type SignupEvent,
  STEP_IDS,
  type WebhookEvent,
} from "@wa-migrate/contracts";
import { stepOfStop } from "@wa-migrate/core";
import { useState } from "react";
import { TableScroll } from "../table-scroll.js";
import { formatDuration, formatTime } from "./format.js";
import { type OperatorApi, OperatorApiError } from "./operator-api.js";
import { buildSupportBundle } from "./support-bundle.js";

/** Offers a JSON file for download (a Blob URL, released once the click has started it). */
function download(filename: string, json: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(json, null, 2)], { type: "application/json" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Where the customer acts on a stopped step, when the kit shows the stop on another step than the
 * record's (`stepOfStop`: two-step verification still on is the customer's step 1); else nothing.
 */
function CustomerStep({ step }: { step: MigrationStep }) {
  const id = stepOfStop(step);
  if (id === step.id) return null;
  return (
    <p data-customer-step={id}>
      Customer acts on: step {STEP_IDS.indexOf(id) + 1}, <strong>{id}</strong>
    </p>
  );
}

/** The answer to an operator's action, and the migration status it was true for. */
interface Notice {
  tone: "ok" | "problem";
  text: string;
  status: Migration["status"];
  /** `updatedAt` of the record shown when the action started. */
  from: string;
}

function noticeApplies(notice: Notice | null, migration: Migration): notice is Notice {
  return (
    notice !== null && (notice.status === migration.status || notice.from === migration.updatedAt)
  );
}

/**
 * One migration for operators: IDs, the step timeline (status, attempts, timings, the last error
 * with its remedy, Graph code and fbtrace_id), the templates report, and the actions: retry, copy
 * templates by hand, download the support bundle.
 *
 * @example
 * <MigrationDetail migration={m} api={api} signupEvents={[]} webhookEvents={[]} onChange={reload} />
 */
export function MigrationDetail(props: {
  migration: Migration;
  api: OperatorApi;
  signupEvents: SignupEvent[];
  webhookEvents: WebhookEvent[];
  onChange: () => void;
}) {
  const { migration, api, signupEvents, webhookEvents, onChange } = props;
  // A notice speaks of the migration as it was when the action answered. It shows until the polled
  // record moves to another status (the badge and timeline then say more); before the first poll
  // after the action, the record shown is still the one the action started from.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (label: string, run: () => Promise<Migration>) => {
    const from = migration.updatedAt;
    setBusy(true);
    setNotice(null);
    try {
      const after = await run();
      setNotice({
        tone: "ok",
        text: `${label}: the migration is ${after.status}.`,
        status: after.status,
        from,
      });
    } catch (error) {
      const text =
        error instanceof OperatorApiError
          ? `${label} refused (${error.code}): ${error.message}${error.remedy ? ` ${error.remedy}` : ""}`
          : `${label} failed: ${String(error)}`;
      setNotice({ tone: "problem", text, status: migration.status, from });
    } finally {
      setBusy(false);
      onChange();
    }
  };

  const canRetry = migration.status === "action_required" || migration.status === "failed";
  const canCopy = migration.status !== "running" && migration.templates.sourceReadable;
  const ids: [string, string | null][] = [
    ["Business", migration.businessId],
    ["New WABA", migration.wabaId],
    ["Phone number id", migration.phoneNumberId],
    ["Source WABA", migration.sourceWabaId],
    ["Created", formatTime(migration.createdAt)],
    ["Billing cutover", migration.billingCutoverAt ? formatTime(migration.billingCutoverAt) : null],
  ];

  return (
    <section className="demo-detail" aria-labelledby="detail-title" data-migration={migration.id}>
      <h2 id="detail-title">
        Migration {migration.id}{" "}
        <span className="demo-badge" data-status={migration.status}>
          {migration.status}
        </span>
      </h2>
      <dl className="demo-ids">
        {ids.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? "–"}</dd>
          </div>
        ))}
      </dl>
      <div className="demo-actions">
        <button
          type="button"
          disabled={!canRetry || busy}
          onClick={() => act("Retry", () => api.retry(migration.id))}
        >
          Retry failed steps
        </button>
        <button
          type="button"
          disabled={!canCopy || busy}
          onClick={() => act("Template migration", () => api.migrateTemplates(migration.id))}
        >
          Migrate templates now
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `support-bundle-${migration.id}.json`,
              buildSupportBundle(migration, { signupEvents, webhookEvents, now: new Date() }),
            )
          }
        >
          Download support bundle
        </button>
      </div>
      {noticeApplies(notice, migration) ? (
        <p className={notice.tone === "ok" ? "demo-ok" : "demo-problem"} role="status">
          {notice.text}
        </p>
      ) : null}
      {migration.warnings.length > 0 ? (
        <p className="demo-warning">Warnings: {migration.warnings.join(", ")}</p>
      ) : null}

      <h3>Steps</h3>
      <ol className="demo-timeline">
        {migration.steps.map((step) => (
          <li key={step.id} data-step={step.id} data-status={step.status}>
            <div className="demo-timeline-head">
              <strong>{step.id}</strong>{" "}
              <span className="demo-badge" data-status={step.status}>
                {step.status}
              </span>{" "}
              <span className="demo-muted">
                attempts {step.attempts} · started {formatTime(step.startedAt)} · took{" "}
                {formatDuration(step.startedAt, step.finishedAt)}
              </span>
            </div>
            {step.lastError ? (
              <div className="demo-error" data-code={step.lastError.code}>
                <p>
                  {step.status === "running" ? "Retrying after " : null}
                  <code>{step.lastError.code}</code>: {step.lastError.message}
                </p>
                {step.lastError.retryAt ? (
                  <p>Can be retried from {formatTime(step.lastError.retryAt)}</p>
                ) : null}
                <p>Remedy: {step.lastError.remedy}</p>
                <CustomerStep step={step} />
                {step.lastError.graph ? (
                  <p>
                    Graph error {step.lastError.graph.code}
                    {step.lastError.graph.subcode ? `/${step.lastError.graph.subcode}` : ""}
                    {step.lastError.graph.message ? ` “${step.lastError.graph.message}”` : ""} ·
                    fbtrace_id <code>{step.lastError.graph.fbtraceId ?? "–"}</code>
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      <h3>Templates ({migration.templates.mode})</h3>
      {migration.templates.items.length === 0 ? (
        <p>No templates reported yet.</p>
      ) : (
        <TableScroll>
          <table className="demo-table" aria-label="Templates report">
            <thead>
              <tr>
                <th scope="col">Template</th>
                <th scope="col">Language</th>
                <th scope="col">Source</th>
                <th scope="col">Outcome</th>
                <th scope="col">New quality</th>
              </tr>
            </thead>
            <tbody>
              {migration.templates.items.map((item) => (
                <tr key={`${item.name}:${item.language}`} data-outcome={item.outcome}>
                  <td>{item.name}</td>
                  <td>{item.language}</td>
                  <td>
                    {item.sourceStatus} / {item.sourceQuality ?? "–"}
                  </td>
                  <td>
                    {item.outcome}
                    {item.reason ? ` (${item.reason})` : ""}
                  </td>
                  <td>{item.destinationQuality ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
