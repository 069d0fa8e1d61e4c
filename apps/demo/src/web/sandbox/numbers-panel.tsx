import { TableScroll } from "../table-scroll.js";
import type { CustomerMessageSent, SandboxApi, SandboxPhone } from "./sandbox-api.js";
import { useAction } from "./use-action.js";

/** What a customer writes when the page makes one text the number. */
export const CUSTOMER_TEXT = "Hello, are you open today?";

// Where Meta sent the message, as the notice says it: a webhook leaves only for a subscribed app.
function whereItWent(sent: CustomerMessageSent): string {
  if (sent.webhook.url) return `Meta sends it to ${sent.webhook.url}.`;
  return sent.detail ?? "Meta sends it to none of our callbacks.";
}

/**
 * The customer's numbers in Meta's world with their two-step verification, and a button per number
 * to turn it off (or on) as the old partner or the owner would in WhatsApp Manager. Graph and the
 * popup read the change at once, so a migration stopped on `two_step_enabled` can be retried.
 * Another button makes a customer text the number, to see where Meta delivers it: to none of ours
 * before the move, to the partner's messaging system (the Operator page's inbox) after it.
 *
 * @example
 * <NumbersPanel api={api} phones={summary.phones} onChange={reload} />
 */
export function NumbersPanel({
  api,
  phones,
  onChange,
}: {
  api: SandboxApi;
  phones: SandboxPhone[] | null;
  onChange: () => void;
}) {
  const [notice, act] = useAction();
  const toggle = (phone: SandboxPhone) => {
    const on = !phone.twoStepEnabled;
    const state = on ? "on" : "off";
    return act(`Two-step verification is ${state} for ${phone.display_phone_number}`, async () => {
      await api.setTwoStep(phone.id, on);
      onChange();
    });
  };
  const text = (phone: SandboxPhone) =>
    act(
      `A customer texted ${phone.display_phone_number}`,
      () => api.sendCustomerMessage(phone.id, CUSTOMER_TEXT),
      whereItWent,
    );
  return (
    <section className="demo-panel" aria-labelledby="numbers-title">
      <h2 id="numbers-title">Phone numbers</h2>
      <p className="demo-muted">
        The customer's numbers. Meta lets only the old partner or the owner (in WhatsApp Manager)
        turn two-step verification off; a number with it on cannot move.
      </p>
      {phones === null ? (
        <p>Loading…</p>
      ) : phones.length === 0 ? (
        <p>No numbers in this world.</p>
      ) : (
        <TableScroll>
          <table className="demo-table" aria-labelledby="numbers-title">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col">Two-step verification</th>
                <th scope="col">Change</th>
                <th scope="col">Customer</th>
              </tr>
            </thead>
            <tbody>
              {phones.map((phone) => (
                <tr key={phone.id} data-phone-id={phone.id}>
                  <td>
                    {phone.display_phone_number} · {phone.verified_name}
                  </td>
                  <td>
                    {phone.status} on {phone.platform_type}
                    {phone.movingTo ? ` (moving to ${phone.movingTo})` : ""}
                  </td>
                  <td data-two-step={phone.twoStepEnabled ? "on" : "off"}>
                    {phone.twoStepEnabled ? "on" : "off"}
                  </td>
                  <td>
                    <button type="button" onClick={() => toggle(phone)}>
                      {phone.twoStepEnabled
                        ? "Turn two-step verification off"
                        : "Turn two-step verification on"}
                      <span className="demo-visually-hidden">
                        {` for ${phone.display_phone_number}`}
                      </span>
                    </button>
                  </td>
                  <td>
                    <button type="button" onClick={() => text(phone)}>
                      Send a customer message
                      <span className="demo-visually-hidden">
                        {` to ${phone.display_phone_number}`}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {notice ? (
        <p role="status" className={notice.tone === "ok" ? "demo-ok" : "demo-problem"}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
