import { useId } from "react";
import { useFlowContext } from "../flow-context.js";
import { formatTime } from "../messages/messages.js";

/**
 * The completion summary: what the customer kept (display name, quality rating, messaging limit,
 * official-business status) and when billing moves to the new partner, with the migration's notes
 * that are not about templates (an On-Premises source); the templates' own notes stand beside their
 * report in step 6. Renders once completed.
 *
 * @example
 * <MigrationFlow.Summary />
 */
export function Summary() {
  const titleId = useId();
  const { flow, t, cx, locale } = useFlowContext();
  const { state, migration } = flow.snapshot;
  if (state !== "completed" || !migration) return null;
  const phone = migration.phone;
  const s = t.summary;
  const official = phone?.officialBusinessAccount;
  // A value not known yet (null) says so, without "(kept)": nothing known was kept. The third
  // entry replaces "not known yet" where there is more to say: a number Meta's answer gave no
  // official-business status for is "not reported", never "no".
  const rows: [string, string | null | undefined, string?][] = [
    [s.displayName, phone?.verifiedName],
    [s.phoneNumber, phone?.displayPhoneNumber],
    [s.qualityRating, phone?.qualityRating && t.quality[phone.qualityRating]],
    [s.messagingLimit, phone?.messagingLimit && t.limits[phone.messagingLimit]],
    [
      s.officialBusiness,
      official == null ? null : official ? s.yes : s.no,
      phone ? s.notReported : undefined,
    ],
  ];
  const cutover = migration.billingCutoverAt
    ? formatTime(migration.billingCutoverAt, locale)
    : null;

  return (
    <section className={cx("summary")} aria-labelledby={titleId}>
      <h3 id={titleId} className={cx("summary-title")}>
        {s.title}
      </h3>
      <p>{s.intro}</p>
      <dl className={cx("facts")}>
        {rows.map(([label, value, missing]) => (
          <div key={label} className={cx("fact")}>
            <dt>{label}</dt>
            <dd>
              {value ? (
                <>
                  {value} <span className={cx("kept")}>({s.kept})</span>
                </>
              ) : (
                (missing ?? s.unknown)
              )}
            </dd>
          </div>
        ))}
        <div className={cx("fact")}>
          <dt>{s.billingCutover}</dt>
          <dd>{cutover ?? s.billingPending}</dd>
        </div>
      </dl>
      {/* The templates' warnings stand in step 6, beside the report and its copy button. */}
      {migration.warnings
        .filter((code) => !code.startsWith("template"))
        .map((code) => (
          <p key={code} className={cx("note")} data-code={code}>
            {t.errors[code]}
          </p>
        ))}
    </section>
  );
}
