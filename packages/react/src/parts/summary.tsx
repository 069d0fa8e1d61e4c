import { useId } from "react";
import { useFlowContext } from "../flow-context.js";
import { formatTime } from "../messages/messages.js";

/**
 * The completion summary: what the customer kept (display name, quality rating, messaging limit,
 * official-business status) and when billing moves to the new partner. Renders once completed.
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
  const rows: [string, string][] = [
    [s.displayName, phone?.verifiedName ?? s.unknown],
    [s.phoneNumber, phone?.displayPhoneNumber ?? s.unknown],
    [s.qualityRating, phone?.qualityRating ? t.quality[phone.qualityRating] : s.unknown],
    [s.messagingLimit, phone?.messagingLimit ? t.limits[phone.messagingLimit] : s.unknown],
    [s.officialBusiness, phone ? (phone.officialBusinessAccount ? s.yes : s.no) : s.unknown],
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
        {rows.map(([label, value]) => (
          <div key={label} className={cx("fact")}>
            <dt>{label}</dt>
            <dd>
              {value} <span className={cx("kept")}>({s.kept})</span>
            </dd>
          </div>
        ))}
        <div className={cx("fact")}>
          <dt>{s.billingCutover}</dt>
          <dd>{cutover ?? s.billingPending}</dd>
        </div>
      </dl>
      {migration.warnings.map((code) => (
        <p key={code} className={cx("note")} data-code={code}>
          {t.errors[code]}
        </p>
      ))}
    </section>
  );
}
