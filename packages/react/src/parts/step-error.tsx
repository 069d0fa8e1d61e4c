import {
  BROWSER_STEP_IDS,
  type MigrationErrorCode,
  type StepId,
} from "@wa-migrate/contracts/browser";
import { useFlowContext } from "../flow-context.js";
import { ErrorNotice } from "./error-notice.js";

// Codes after which only a new Embedded Signup helps (the code or the grant is unusable).
const NEEDS_NEW_SIGNUP: ReadonlySet<MigrationErrorCode> = new Set<MigrationErrorCode>([
  "code_expired",
  "code_used",
  "asset_not_granted",
  "assets_not_found",
  "token_invalid",
  "not_found",
  // A Meta test number never moves: only a new signup with the real number does.
  "test_number",
  // Meta's window confirms the number with a code it sends there; nothing else does for the customer.
  "ownership_unconfirmed",
  // An account billed through another credit line stays so: only a new account in Meta's window.
  "waba_funded_elsewhere",
]);

/**
 * The error of one step: the customer text for its code (what happened, what to do), Meta's own
 * words and support reference when there are any, and the way on: "Try again" for retryable errors
 * (server steps, a failed hand-over or SDK load), "Start again" when only a new signup helps.
 * A cancelled popup restarts through the `Trigger`.
 *
 * @example
 * <MigrationFlow.StepError step="register_phone" />
 */
export function StepError({ step }: { step: StepId }) {
  const { flow, t } = useFlowContext();
  const { snapshot } = flow;
  const view = snapshot.steps.find((s) => s.id === step);
  const flowError =
    snapshot.error &&
    (snapshot.error.step === step ||
      (snapshot.error.step === null && snapshot.currentStep === step))
      ? snapshot.error
      : null;
  // Core gives a view an error only while its step is stopped (failed or action required).
  const stepError = view?.error ?? null;
  const error = stepError ?? flowError;
  if (!error) return null;

  const detail = stepError ? stepError.graph?.message : flowError?.detail;
  // The same stop again after "Try again" would read exactly as before: say when it was checked.
  const stopped = snapshot.migration?.steps.find((s) => stepError && s.lastError === stepError);
  // Browser steps start again through the Trigger; a failed submit or SDK load is retried (the
  // controller re-sends the same code, or reloads the SDK). A server stop shown on a browser step
  // (two-step verification found on) is retried on the server like any server step.
  const serverStop = stepError || !(BROWSER_STEP_IDS as readonly StepId[]).includes(step);
  const redirect = flow.redirectToLogin;
  // The full page also helps when Meta's window never answered (the SDK may have lost it).
  const action =
    (error.code === "popup_blocked" || error.code === "popup_no_response") && redirect
      ? { label: t.launch.redirect, run: redirect }
      : serverStop && NEEDS_NEW_SIGNUP.has(error.code)
        ? { label: t.error.startAgain, run: () => flow.reset() }
        : error.retryable && (serverStop || snapshot.state === "failed")
          ? {
              label: t.error.retry,
              // A failed "Copy templates now" is copied again: a retry would re-run the move.
              run: () =>
                stepError || step !== "migrate_templates" ? flow.retry() : flow.migrateTemplates(),
            }
          : null;
  return (
    <ErrorNotice
      code={error.code}
      detail={detail}
      esStep={stepError ? undefined : flowError?.esStep}
      reference={stepError ? stepError.graph?.fbtraceId : flowError?.reference}
      retryAt={stepError?.retryAt}
      checkedAt={(stopped?.attempts ?? 0) > 1 ? (stopped?.finishedAt ?? undefined) : undefined}
      tone={view?.state === "action_required" ? "warning" : "error"}
      action={action}
    />
  );
}
