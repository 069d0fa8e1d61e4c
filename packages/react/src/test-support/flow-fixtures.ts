import {
  BROWSER_STEP_IDS,
  type Migration,
  type MigrationErrorCode,
  STEP_IDS,
  type StepId,
  type StepStatus,
  type TemplateReportItem,
} from "@wa-migrate/contracts";
import type { FlowSnapshot, FlowState, StepViewState } from "@wa-migrate/core";
import { IDLE_SNAPSHOT } from "../idle-snapshot.js";
import { makeError, makeMigration, makeSnapshot, TEMPLATE_ITEMS } from "./fixtures.js";

/** Sets a step's status and last error on a migration record. */
export function withStep(
  migration: Migration,
  id: StepId,
  status: StepStatus,
  code?: MigrationErrorCode,
  retryable = true,
): Migration {
  return {
    ...migration,
    steps: migration.steps.map((step) =>
      step.id === id
        ? { ...step, status, lastError: code ? makeError(code, retryable) : null }
        : step,
    ),
  };
}

/** The server steps before `id`, all succeeded. */
export function doneBefore(id: StepId): Partial<Record<StepId, StepStatus>> {
  const ids = STEP_IDS.slice(2, Math.max(2, STEP_IDS.indexOf(id)));
  return Object.fromEntries(ids.map((step) => [step, "succeeded"]));
}

/** The templates report as capture leaves it: eligible ones waiting, the others with the reason. */
export const CAPTURED_ITEMS: TemplateReportItem[] = TEMPLATE_ITEMS.map((item) =>
  item.outcome === "not_eligible"
    ? item
    : { ...item, outcome: "pending" as const, reason: null, destinationQuality: null },
);

/** A completed migration with every template outcome, a billing cutover time and a warning. */
export const COMPLETED_MIGRATION = makeMigration(
  { ...doneBefore("register_phone"), register_phone: "succeeded" },
  {
    status: "completed",
    templates: { mode: "copied_before_registration", sourceReadable: true, items: TEMPLATE_ITEMS },
    billingCutoverAt: "2026-11-25T10:05:00.000Z",
    warnings: ["template_limit_reached"],
  },
);

/** One fixture snapshot per flow state, as the customer would see it. */
export const FLOW_STATE_SNAPSHOTS: Record<FlowState, FlowSnapshot> = {
  idle: IDLE_SNAPSHOT,
  preparing: makeSnapshot({ state: "preparing", twoStepConfirmed: false }),
  ready: makeSnapshot({ state: "ready", twoStepConfirmed: false }),
  in_popup: makeSnapshot({ state: "in_popup" }),
  submitting: makeSnapshot({ state: "submitting" }),
  running: makeSnapshot({
    state: "running",
    migration: makeMigration({
      ...doneBefore("subscribe_webhooks"),
      subscribe_webhooks: "running",
    }),
  }),
  // The `two-step-on` case: capture read the old account's templates, then found the PIN still on.
  action_required: makeSnapshot({
    state: "action_required",
    migration: withStep(
      makeMigration(
        {},
        {
          status: "action_required",
          templates: { mode: "not_started", sourceReadable: true, items: CAPTURED_ITEMS },
        },
      ),
      "capture_assets",
      "action_required",
      "two_step_enabled",
    ),
  }),
  failed: makeSnapshot({
    state: "failed",
    migration: withStep(
      makeMigration(doneBefore("share_credit_line"), { status: "failed" }),
      "share_credit_line",
      "failed",
      "credit_share_failed",
    ),
  }),
  completed: makeSnapshot({ state: "completed", migration: COMPLETED_MIGRATION }),
  cancelled: makeSnapshot({
    state: "cancelled",
    error: {
      code: "signup_cancelled",
      step: "embedded_signup",
      esStep: "PHONE_NUMBER_SETUP",
      retryable: true,
    },
  }),
};

/** Step 1 confirmed, Embedded Signup ready to launch. */
export const READY_TO_LAUNCH = makeSnapshot({ state: "ready" });

/** The step where each error code usually shows up. */
export function stepForCode(code: MigrationErrorCode): StepId {
  if (/^(sdk_|popup_|signup_)/.test(code)) return "embedded_signup";
  if (/^(credit_|waba_funded)/.test(code)) return "share_credit_line";
  if (/^(webhook_|destination_)/.test(code)) return "subscribe_webhooks";
  if (/^template/.test(code)) return "migrate_templates";
  if (/^(pin_|register_|registration_|migration_refused|ownership_)/.test(code))
    return "register_phone";
  return "capture_assets";
}

/** The flow stopped on `code` at its usual step: browser codes as a flow error, others on the record. */
export function snapshotForCode(code: MigrationErrorCode, retryable = true): FlowSnapshot {
  const step = stepForCode(code);
  if ((BROWSER_STEP_IDS as readonly StepId[]).includes(step)) {
    const detail = code === "signup_error" ? "This phone number is already registered." : undefined;
    return makeSnapshot({
      state: code === "sdk_load_error" ? "failed" : "cancelled",
      error: { code, step, retryable, ...(detail && { detail }) },
    });
  }
  const migration = makeMigration(doneBefore(step), { status: "failed" });
  return makeSnapshot({
    state: "failed",
    migration: withStep(migration, step, "failed", code, retryable),
  });
}

const SERVER_STATUS: Record<StepViewState, StepStatus> = {
  pending: "pending",
  current: "running",
  complete: "succeeded",
  failed: "failed",
  action_required: "action_required",
};

/** One step shown in one view state, for the per-step stories. */
export function snapshotForStep(id: StepId, state: StepViewState): FlowSnapshot {
  if (id === "two_step_verification" && (state === "failed" || state === "action_required")) {
    // Step 1 fails only by the server's word: capture found two-step verification still on.
    const migration = makeMigration({}, { status: state });
    return makeSnapshot({
      state,
      migration: withStep(migration, "capture_assets", state, "two_step_enabled"),
    });
  }
  if (id === "two_step_verification" || id === "embedded_signup") {
    const base =
      id === "embedded_signup" && (state === "failed" || state === "action_required")
        ? makeSnapshot({
            state: "cancelled",
            error: { code: "popup_blocked", step: id, retryable: true },
          })
        : makeSnapshot({
            state: "ready",
            twoStepConfirmed: id === "embedded_signup" || state === "complete",
          });
    // Browser steps have no server record: the view state is set directly.
    return { ...base, steps: base.steps.map((s) => (s.id === id ? { ...s, state } : s)) };
  }
  const status = SERVER_STATUS[state];
  const code: MigrationErrorCode | undefined =
    state === "failed"
      ? "graph_unavailable"
      : state === "action_required"
        ? "display_name_not_approved"
        : undefined;
  const flowState: FlowState =
    state === "failed" || state === "action_required" ? state : "running";
  let migration = withStep(makeMigration(doneBefore(id), { status: "running" }), id, status, code);
  if (id === "migrate_templates" && state !== "pending") {
    migration = { ...migration, templates: { ...migration.templates, items: TEMPLATE_ITEMS } };
  }
  if (state === "pending") {
    // The step before is still running (or, for the first server step, signup is still open).
    if (id === "capture_assets") return makeSnapshot({ state: "ready" });
    const previous = STEP_IDS[STEP_IDS.indexOf(id) - 1] ?? id;
    migration = withStep(migration, previous, "running");
  }
  return makeSnapshot({
    state: flowState,
    migration: { ...migration, status: flowState === "running" ? "running" : flowState },
  });
}
