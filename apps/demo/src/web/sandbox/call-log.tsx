import { usePolling } from "../operator/use-polling.js";
import { TableScroll } from "../table-scroll.js";
import type { SandboxApi } from "./sandbox-api.js";

/**
 * The Graph call log, live (newest first): what "Meta" received from the BFF, with the status,
 * Graph error code and injected fault of each call. Secrets are masked by the sandbox.
 *
 * @example
 * <CallLog api={api} />
 */
export function CallLog({ api }: { api: SandboxApi }) {
  const calls = usePolling(() => api.calls(), 1000);
  const rows = [...(calls.data?.data ?? [])].reverse().slice(0, 100);
  return (
    <section aria-labelledby="calls-title">
      <h2 id="calls-title">Graph call log</h2>
      {calls.error ? (
        <p className="demo-problem">Could not load calls: {calls.error.message}</p>
      ) : null}
      {rows.length === 0 ? (
        <p>No Graph calls yet.</p>
      ) : (
        <TableScroll>
          <table className="demo-table" aria-label="Graph calls">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Sandbox time</th>
                <th scope="col">Operation</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Error</th>
                <th scope="col">Fault</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((call) => (
                <tr key={call.seq} data-operation={call.operation} data-status={call.status}>
                  <td>{call.seq}</td>
                  <td>{new Date(call.time).toISOString().slice(11, 23)}</td>
                  <td>{call.operation}</td>
                  <td>
                    <code>
                      {call.method} {call.path}
                    </code>
                  </td>
                  <td>{call.status}</td>
                  <td>
                    {call.errorCode === null
                      ? "–"
                      : `${call.errorCode}${call.errorSubcode ? `/${call.errorSubcode}` : ""}`}
                  </td>
                  <td>{call.fault ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
