import type { Migration } from "@wa-migrate/contracts";
import { deriveStepViews } from "@wa-migrate/core";
import { useMemo, useState } from "react";
import type { DemoConfig } from "../demo-config.js";
import { TableScroll } from "../table-scroll.js";
import { CustomerInboxPanel } from "./customer-inbox-panel.js";
import { EventLists } from "./event-lists.js";
import { formatTime } from "./format.js";
import { MigrationDetail } from "./migration-detail.js";
import { operatorApi } from "./operator-api.js";
import { usePolling } from "./use-polling.js";

/**
 * The step an operator looks at first: the one the customer's kit shows as failed or needing
 * action (`deriveStepViews`: a `two_step_enabled` or `pin_mismatch` stop is on step 1, and step 6
 * once the move is done and copies are left to the customer), else the running one.
 *
 * @example
 * focusStep(buildMigration({ steps: { capture_assets: ["action_required", "two_step_enabled"] } })); // "two_step_verification"
 */
export function focusStep(migration: Migration): string {
  const views = deriveStepViews({
    state: migration.status,
    migration,
    error: null,
    twoStepConfirmed: true,
  });
  const stop = views.find((view) => view.state === "failed" || view.state === "action_required");
  if (stop) return stop.id;
  return migration.steps.find((step) => step.status === "running")?.id ?? "–";
}

/**
 * The operator view: every migration with its status, the selected one's step timeline, errors
 * with remedy and fbtrace_id, retry, manual template migration and the support bundle; below,
 * the Embedded Signup and webhook events the BFF received, and (against the sandbox) the customer
 * messages the demo partner's messaging system received.
 *
 * @example
 * <OperatorPage config={config} />
 */
export function OperatorPage({ config }: { config: DemoConfig }) {
  const api = useMemo(() => operatorApi(config.bffUrl), [config.bffUrl]);
  const migrations = usePolling(() => api.listMigrations(), 1500);
  const signupEvents = usePolling(() => api.listSignupEvents(), 3000);
  const webhookEvents = usePolling(() => api.listWebhookEvents(), 3000);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = migrations.data ?? [];
  const selected = list.find((m) => m.id === selectedId) ?? list[0] ?? null;

  return (
    <div className="demo-operator">
      <h1>Migrations</h1>
      {migrations.error ? (
        <p className="demo-problem" role="alert">
          Could not load migrations: {migrations.error.message}
        </p>
      ) : null}
      {migrations.data === null && !migrations.error ? <p>Loading…</p> : null}
      {migrations.data !== null && list.length === 0 ? (
        <p>No migrations yet. Start one on the customer page.</p>
      ) : null}
      {list.length > 0 ? (
        <TableScroll>
          <table className="demo-table" aria-label="Migrations">
            <thead>
              <tr>
                <th scope="col">Migration</th>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col">Step</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {list.map((migration) => (
                <tr
                  key={migration.id}
                  data-migration={migration.id}
                  data-status={migration.status}
                  aria-selected={migration.id === selected?.id}
                >
                  <td>
                    <button
                      type="button"
                      className="demo-link-button"
                      onClick={() => setSelectedId(migration.id)}
                      aria-pressed={migration.id === selected?.id}
                    >
                      {migration.id}
                    </button>
                  </td>
                  <td>
                    {migration.phone
                      ? `${migration.phone.displayPhoneNumber} (${migration.phone.verifiedName})`
                      : (migration.phoneNumberId ?? "–")}
                  </td>
                  <td>
                    <span className="demo-badge" data-status={migration.status}>
                      {migration.status}
                    </span>
                  </td>
                  <td>{focusStep(migration)}</td>
                  <td>{formatTime(migration.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {selected ? (
        <MigrationDetail
          key={selected.id}
          migration={selected}
          api={api}
          signupEvents={signupEvents.data ?? []}
          webhookEvents={webhookEvents.data ?? []}
          onChange={migrations.reload}
        />
      ) : null}
      <EventLists
        signupEvents={signupEvents.data}
        signupError={signupEvents.error}
        webhookEvents={webhookEvents.data}
        webhookError={webhookEvents.error}
      />
      {config.mode === "sandbox" ? <CustomerInboxPanel /> : null}
    </div>
  );
}
