import type { InboxMessage } from "../../server/customer-inbox.js";
import { TableScroll } from "../table-scroll.js";
import { formatTime } from "./format.js";
import { usePolling } from "./use-polling.js";

async function loadInbox(): Promise<InboxMessage[]> {
  const answer = await fetch("/demo-api/inbox", { headers: { accept: "application/json" } });
  if (!answer.ok) throw new Error(`/demo-api/inbox answered ${answer.status}`);
  return ((await answer.json()) as { data: InboxMessage[] }).data;
}

/**
 * The demo partner's messaging system as an operator sees it: the customer messages Meta delivered
 * to the app's callback (which forwards every delivery to the BFF), newest first. A moved number's
 * messages arrive here from the moment its new account is subscribed; the Sandbox page's "Send a
 * customer message" makes a customer write.
 *
 * @example
 * <CustomerInboxPanel />
 */
export function CustomerInboxPanel() {
  const inbox = usePolling(loadInbox, 2000);
  return (
    <section className="demo-inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Customer messages</h2>
      <p className="demo-muted">
        What our messaging system received from Meta at the app's callback URL.
      </p>
      {inbox.error ? (
        <p className="demo-problem">Could not load the messages: {inbox.error.message}</p>
      ) : null}
      {inbox.data && inbox.data.length === 0 ? <p>None yet.</p> : null}
      {inbox.data && inbox.data.length > 0 ? (
        <TableScroll>
          <table className="demo-table" aria-labelledby="inbox-title">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">To</th>
                <th scope="col">From</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.map((message) => (
                <tr key={message.id} data-phone-id={message.phoneNumberId}>
                  <td>{formatTime(message.sentAt)}</td>
                  <td>+{message.displayPhoneNumber}</td>
                  <td>
                    {message.name ? `${message.name} (+${message.from})` : `+${message.from}`}
                  </td>
                  <td>{message.text ?? `(${message.type})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
