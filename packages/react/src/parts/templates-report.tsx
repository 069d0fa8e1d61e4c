import { useFlowContext } from "../flow-context.js";

/**
 * The templates report: each template with what happened to it (copied, rejected on re-check, not
 * eligible with the reason, over the limit…), the 24-hour "quality unknown" note for copies, and a
 * button to copy the remaining ones by hand when the server is not running and the templates step
 * has run: not while the migration is stopped at an earlier step.
 *
 * @example
 * <MigrationFlow.TemplatesReport />
 */
export function TemplatesReport() {
  const { flow, t, cx } = useFlowContext();
  const migration = flow.snapshot.migration;
  if (!migration) return null;
  const { items, sourceReadable } = migration.templates;
  const anyCopied = items.some((item) => item.outcome === "copied");
  // POST /templates needs what capture found and is meant for what step 6 left; before step 6 has
  // run (steps run in order, so capture is done once it has) the server's own run copies them.
  // Meta's automatic copy is recorded at capture only for an unreadable source (nothing to copy).
  const canCopyNow =
    sourceReadable &&
    migration.status !== "running" &&
    migration.steps.find((step) => step.id === "migrate_templates")?.status !== "pending" &&
    items.some((item) => item.outcome === "pending" || item.outcome === "failed");

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
      {canCopyNow ? (
        <button
          type="button"
          className={cx("button-secondary")}
          onClick={() => flow.migrateTemplates()}
        >
          {t.templates.copyNow}
        </button>
      ) : null}
    </div>
  );
}
