import type { StepId } from "@wa-migrate/contracts/browser";
import { useId } from "react";
import { useFlowContext } from "../flow-context.js";

/**
 * The templates report: each template with what happened to it (copied, rejected on re-check, not
 * eligible with the reason, over the limit…), the 24-hour "quality unknown" note for copies, and a
 * button to copy the remaining ones by hand when the server is not running. The button only works
 * once the assets are captured and the templates step has run (or Meta's own copy is relied on);
 * before that, when the migration stopped at an earlier step, it is disabled with the reason.
 *
 * @example
 * <MigrationFlow.TemplatesReport />
 */
export function TemplatesReport() {
  const { flow, t, cx } = useFlowContext();
  const reasonId = useId();
  const migration = flow.snapshot.migration;
  if (!migration) return null;
  const { items, sourceReadable, mode } = migration.templates;
  const anyCopied = items.some((item) => item.outcome === "copied");
  const status = (id: StepId) => migration.steps.find((step) => step.id === id)?.status;
  const offered =
    sourceReadable &&
    migration.status !== "running" &&
    items.some((item) => item.outcome === "pending" || item.outcome === "failed");
  // POST /templates needs the destination account from capture; before step 6 has run, the
  // server's own run would copy them anyway.
  const reached =
    status("capture_assets") === "succeeded" &&
    (mode === "meta_automatic" || (status("migrate_templates") ?? "pending") !== "pending");

  return (
    <div className={cx("templates")}>
      <h4 className={cx("templates-title")}>{t.templates.title}</h4>
      {sourceReadable ? null : <p className={cx("note")}>{t.templates.sourceUnreadable}</p>}
      {items.length === 0 ? (
        <p className={cx("note")}>{t.templates.empty}</p>
      ) : (
        <table className={cx("table")} aria-label={t.templates.title}>
          <thead>
            <tr>
              <th scope="col">{t.templates.name}</th>
              <th scope="col">{t.templates.language}</th>
              <th scope="col">{t.templates.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.name}:${item.language}`} data-outcome={item.outcome}>
                <td>{item.name}</td>
                <td>{item.language}</td>
                <td>
                  {t.templates.outcomes[item.outcome]}
                  {item.reason ? <span className={cx("reason")}>: {item.reason}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {anyCopied ? <p className={cx("note")}>{t.templates.qualityNote}</p> : null}
      {offered ? (
        <div className={cx("actions")}>
          <button
            type="button"
            className={cx("button-secondary")}
            disabled={!reached}
            aria-describedby={reached ? undefined : reasonId}
            onClick={() => flow.migrateTemplates()}
          >
            {t.templates.copyNow}
          </button>
          {reached ? null : (
            <span id={reasonId} className={cx("note")}>
              {t.templates.copyLater}
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
