import type { EsStep, MigrationErrorCode } from "@wa-migrate/contracts";
import { useFlowContext } from "../flow-context.js";
import { formatMessage, formatTime } from "../messages/messages.js";

/**
 * Props of {@link ErrorNotice}.
 *
 * @example
 * const props: ErrorNoticeProps = { code: "popup_blocked", tone: "error", action: { label: "Try again", run: flow.launch } };
 * <MigrationFlow.ErrorNotice {...props} />
 */
export interface ErrorNoticeProps {
  code: MigrationErrorCode;
  /** Meta's own words, when it sent any. */
  detail?: string | undefined;
  /**
   * The Embedded Signup screen where the customer left Meta's window (a screen without a name in
   * the catalogue, one Meta added since, is shown as Meta named it).
   */
  esStep?: string | undefined;
  /** Meta's fbtrace_id, for support. */
  reference?: string | undefined;
  /** When trying again can work (ISO 8601), shown in the customer's language. */
  retryAt?: string | undefined;
  /** When the server last ran into this stop after a "Try again" (ISO 8601): the press had an effect. */
  checkedAt?: string | undefined;
  /** "warning" for steps that wait on someone's action, "error" for failures. */
  tone?: "error" | "warning";
  /** The way on, if any (a retry or a new start). */
  action?: { label: string; run: () => void } | null;
}

/**
 * One error as the customer sees it: the catalogue text for its code (what happened and what to
 * do), Meta's detail and reference, and an optional action button. It is an alert, so screen
 * readers announce it when it appears or changes (the status line only names the flow's state).
 *
 * @example
 * <MigrationFlow.ErrorNotice code="popup_blocked" />
 */
export function ErrorNotice({
  code,
  detail,
  esStep,
  reference,
  retryAt,
  checkedAt,
  tone = "error",
  action,
}: ErrorNoticeProps) {
  const { t, cx, locale } = useFlowContext();
  return (
    <div className={cx("error")} data-code={code} data-tone={tone} role="alert">
      <p className={cx("error-title")}>{t.error.title}</p>
      <p className={cx("error-text")}>{t.errors[code]}</p>
      {esStep ? (
        <p className={cx("error-detail")} data-es-step={esStep}>
          {formatMessage(t.error.stoppedAt, { screen: t.esSteps[esStep as EsStep] ?? esStep })}
        </p>
      ) : null}
      {retryAt ? (
        <p className={cx("error-detail")}>
          {formatMessage(t.error.retryAt, { time: formatTime(retryAt, locale) })}
        </p>
      ) : null}
      {checkedAt ? (
        <p className={cx("error-detail")}>
          {/* With seconds: retries within a minute must not read the same. */}
          {formatMessage(t.error.checkedAt, { time: formatTime(checkedAt, locale, "medium") })}
        </p>
      ) : null}
      {detail ? (
        <p className={cx("error-detail")}>{formatMessage(t.error.metaSaid, { detail })}</p>
      ) : null}
      {reference ? (
        <p className={cx("error-detail")}>{formatMessage(t.error.reference, { reference })}</p>
      ) : null}
      {action ? (
        <button type="button" className={cx("button")} onClick={action.run}>
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
