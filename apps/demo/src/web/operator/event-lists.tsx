import type { SignupEvent, WebhookEvent } from "@wa-migrate/contracts";
import { TableScroll } from "../table-scroll.js";
import { formatTime } from "./format.js";

/** A short, single-line view of a webhook change value for the table. */
function summarise(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  const v = value as Record<string, unknown>;
  const parts = [
    "event",
    "message_template_name",
    "message_template_language",
    "new_quality_score",
    "reason",
  ]
    .filter((key) => v[key] !== undefined && v[key] !== null)
    .map((key) => `${key}: ${String(v[key])}`);
  return parts.length > 0 ? parts.join(", ") : JSON.stringify(value).slice(0, 120);
}

/**
 * The Embedded Signup events (cancels, errors, popup trouble) and the webhook events the BFF
 * received, newest first.
 *
 * @example
 * <EventLists signupEvents={events} signupError={null} webhookEvents={hooks} webhookError={null} />
 */
export function EventLists(props: {
  signupEvents: SignupEvent[] | null;
  signupError: Error | null;
  webhookEvents: WebhookEvent[] | null;
  webhookError: Error | null;
}) {
  const { signupEvents, signupError, webhookEvents, webhookError } = props;
  return (
    <div className="demo-events">
      <section aria-labelledby="signup-events-title">
        <h2 id="signup-events-title">Signup events</h2>
        {signupError ? (
          <p className="demo-problem">Could not load signup events: {signupError.message}</p>
        ) : null}
        {signupEvents && signupEvents.length === 0 ? <p>None yet.</p> : null}
        {signupEvents && signupEvents.length > 0 ? (
          <TableScroll>
            <table className="demo-table" aria-label="Signup events">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Event</th>
                  <th scope="col">Where / what</th>
                </tr>
              </thead>
              <tbody>
                {signupEvents.map((event) => (
                  <tr key={event.id} data-event={event.event}>
                    <td>{formatTime(event.receivedAt)}</td>
                    <td>{event.event}</td>
                    <td>
                      {[
                        event.currentStep,
                        event.errorMessage,
                        event.errorId && `error ${event.errorId}`,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
      <section aria-labelledby="webhook-events-title">
        <h2 id="webhook-events-title">Webhook events</h2>
        {webhookError ? (
          <p className="demo-problem">Could not load webhook events: {webhookError.message}</p>
        ) : null}
        {webhookEvents && webhookEvents.length === 0 ? <p>None yet.</p> : null}
        {webhookEvents && webhookEvents.length > 0 ? (
          <TableScroll>
            <table className="demo-table" aria-label="Webhook events">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Field</th>
                  <th scope="col">WABA</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {webhookEvents.map((event) => (
                  <tr key={event.id} data-field={event.field}>
                    <td>{formatTime(event.receivedAt)}</td>
                    <td>{event.field}</td>
                    <td>{event.wabaId}</td>
                    <td>{summarise(event.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </div>
  );
}
