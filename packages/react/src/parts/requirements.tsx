import { useFlowContext } from "../flow-context.js";

const ITEMS = [
  "twoStepOff",
  "displayNameApproved",
  "businessVerified",
  "accountApproved",
  "paymentMethod",
  "notTestNumber",
] as const;

/**
 * Meta's migration requirements as a checklist the customer reads before launching.
 *
 * @example
 * <MigrationFlow.Requirements />
 */
export function Requirements() {
  const { t, cx } = useFlowContext();
  return (
    <div className={cx("requirements")}>
      <p className={cx("requirements-title")}>{t.requirements.title}</p>
      <ul className={cx("checklist")}>
        {ITEMS.map((key) => (
          <li key={key}>{t.requirements[key]}</li>
        ))}
      </ul>
    </div>
  );
}
