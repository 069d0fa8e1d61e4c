import type { TemplateRejectionReason, TemplateReportItem } from "@wa-migrate/contracts";
import { useState } from "react";
import { useFlowContext } from "../flow-context.js";
import { formatMessage, type Messages } from "../messages/messages.js";

// Why a template did not move, in the customer's language. The record's `reason` is the BFF's
// English note for operators; a re-check's reason code ("REJECTED: INCORRECT_CATEGORY") has a text
// in each language, and only Meta's free words (a refused or failed copy) are shown as they are,
// since nobody can translate them. The limit needs no reason: its outcome says it.
function reasonText(
  { outcome, sourceStatus, sourceQuality, reason }: TemplateReportItem,
  t: Messages,
) {
  if (outcome === "rejected_on_recheck") {
    // The outcome already says rejected; a code Meta adds later reads as words.
    const code = reason?.replace(/^REJECTED: /, "");
    return code && code !== "REJECTED"
      ? (t.templates.rejectionReasons[code as TemplateRejectionReason] ??
          code.replace(/_/g, " ").toLowerCase())
      : null;
  }
  if (outcome === "refused" || outcome === "failed") return reason;
  if (outcome !== "not_eligible") return null;
  const { templates } = t;
  // Not eligible and approved: rated YELLOW or RED (GREEN and unrated ones are copied).
  return sourceStatus !== "APPROVED"
    ? formatMessage(templates.notApproved, { status: templates.statuses[sourceStatus] })
    : formatMessage(templates.lowQuality, { quality: t.quality[sourceQuality ?? "NA"] });
}

/**
 * The templates report: each template with what happened to it (copied, rejected on re-check,
 * refused by Meta, not eligible with the reason, over the limit…), the 24-hour "quality unknown"
 * note for copies once the migration is completed (they can be sent from then on), what to do with
 * refused or rejected copies, and a button to copy the remaining ones by hand when the server is
 * not running and the templates step has run (not while the migration is stopped at an earlier
 * step), with the limit's or a failed copy's note beside it and, after a press, how many it copied.
 *
 * @example
 * <MigrationFlow.TemplatesReport />
 */
export function TemplatesReport() {
  const { flow, t, cx } = useFlowContext();
  // The copy request can take a while (Meta copies one template per call): the button says so and
  // ignores further clicks; it stays focusable (aria-disabled), so focus never drops to the page.
  const [copying, setCopying] = useState(false);
  // How many were copied before the last press: its result is said, even when nothing moved.
  const [copiedBefore, setCopiedBefore] = useState<number | null>(null);
  const migration = flow.snapshot.migration;
  if (!migration) return null;
  const { items, sourceReadable } = migration.templates;
  const copied = items.filter((item) => item.outcome === "copied").length;
  // "You can send them now" holds once the number is registered here: at completion, not before.
  const sendable = migration.status === "completed" && copied > 0;
  // POST /templates needs what capture found and is meant for what step 6 left; before step 6 has
  // run (steps run in order, so capture is done once it has) the server's own run copies them.
  // Meta's automatic copy is recorded at capture only for an unreadable source (nothing to copy).
  const canCopyNow =
    sourceReadable &&
    migration.status !== "running" &&
    migration.steps.find((step) => step.id === "migrate_templates")?.status !== "pending" &&
    // Over the limit: the limit's text sends the customer here once room is made (the BFF re-lists).
    // A copy Meta refused is not sent again (the same answer would come back).
    items.some((item) => /pending|failed|over_limit/.test(item.outcome));

  return (
    <div className={cx("templates")}>
      <h4 className={cx("templates-title")}>{t.templates.title}</h4>
      {sourceReadable ? null : <p className={cx("note")}>{t.templates.sourceUnreadable}</p>}
      {items.length === 0 ? (
        // Meta's own copy has not brought any yet: the note above says they come.
        sourceReadable ? (
          <p className={cx("note")}>{t.templates.empty}</p>
        ) : null
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
            {items.map((item) => {
              const reason = reasonText(item, t);
              return (
                <tr key={`${item.name}:${item.language}`} data-outcome={item.outcome}>
                  <td>{item.name}</td>
                  <td>{item.language}</td>
                  <td>
                    {t.templates.outcomes[item.outcome]}
                    {reason ? <span className={cx("reason")}>: {reason}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {sendable ? <p className={cx("note")}>{t.templates.qualityNote}</p> : null}
      {items.some((item) => /refused|rejected/.test(item.outcome)) ? (
        <p className={cx("note")}>{t.templates.refusedNote}</p>
      ) : null}
      {/* What the limit or a failed copy asks of the customer, next to the button it names, also
          when the migration stopped later (no summary then). The unreadable source has its note above. */}
      {canCopyNow
        ? migration.warnings
            .filter(
              (code) => code === "template_limit_reached" || code === "template_migration_failed",
            )
            .map((code) => (
              <p key={code} className={cx("note")} data-code={code}>
                {t.errors[code]}
              </p>
            ))
        : null}
      {canCopyNow ? (
        <button
          type="button"
          className={cx("button-secondary")}
          aria-disabled={copying || undefined}
          onClick={() => {
            if (copying) return;
            setCopying(true);
            setCopiedBefore(null);
            void Promise.resolve(flow.migrateTemplates()).finally(() => {
              setCopying(false);
              setCopiedBefore(copied);
            });
          }}
        >
          {copying ? t.templates.copying : t.templates.copyNow}
        </button>
      ) : null}
      {copiedBefore === null || copying ? null : (
        <p className={cx("note")} role="status">
          {formatMessage(t.templates.copiedNow, { n: Math.max(0, copied - copiedBefore) })}
        </p>
      )}
    </div>
  );
}
