import { useId, useState } from "react";
import { useFlowContext } from "../flow-context.js";

type CopyState = "idle" | "copied" | "failed";

/**
 * Step 1: what to ask the old partner, a copyable request text, and the "done" confirmation.
 * Copying uses the async Clipboard API inside the click; where it is missing or refused, the text
 * is selected so the customer can copy it by hand. When the server found two-step verification
 * still on (step 1 `failed` or `action_required`), the confirmation is not shown: it was proven
 * wrong, and the way on is the step error's "Try again".
 *
 * @example
 * <MigrationFlow.TwoStepInstructions />
 */
export function TwoStepInstructions() {
  const { flow, t, cx } = useFlowContext();
  // Step 1 (first in STEP_IDS) only has an error when the server found two-step verification on.
  const disproved = flow.snapshot.steps[0]?.error;
  const [copy, setCopy] = useState<CopyState>("idle");
  const fieldId = useId();

  const onCopy = (event: React.MouseEvent<HTMLButtonElement>) => {
    const field = event.currentTarget.form?.elements.namedItem("wam-request");
    const selectForHand = () => {
      if (field instanceof HTMLTextAreaElement) field.select();
      setCopy("failed");
    };
    const clipboard = navigator.clipboard;
    if (!clipboard) return selectForHand();
    clipboard.writeText(t.twoStep.requestText).then(() => setCopy("copied"), selectForHand);
  };

  return (
    <form className={cx("two-step")} onSubmit={(event) => event.preventDefault()}>
      <p>{t.twoStep.intro}</p>
      <label className={cx("label")} htmlFor={fieldId}>
        {t.twoStep.requestLabel}
      </label>
      <textarea
        id={fieldId}
        name="wam-request"
        className={cx("request")}
        readOnly
        rows={4}
        value={t.twoStep.requestText}
      />
      <div className={cx("actions")}>
        <button type="button" className={cx("button-secondary")} onClick={onCopy}>
          {t.twoStep.copy}
        </button>
        <span className={cx("copy-status")} role="status">
          {copy === "copied" ? t.twoStep.copied : copy === "failed" ? t.twoStep.copyFailed : ""}
        </span>
      </div>
      {disproved ? null : flow.snapshot.twoStepConfirmed ? (
        <p className={cx("confirmed")}>{t.twoStep.confirmed}</p>
      ) : (
        <button type="button" className={cx("button")} onClick={() => flow.confirmTwoStep()}>
          {t.twoStep.confirm}
        </button>
      )}
    </form>
  );
}
