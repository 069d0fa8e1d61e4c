import {
  type Migration,
  type MigrationError,
  type MigrationErrorCode,
  SERVER_STEP_IDS,
  type StepId,
  type StepStatus,
  type TemplateReportItem,
} from "@wa-migrate/contracts";
import {
  deriveCurrentStep,
  deriveStepViews,
  type FlowError,
  type FlowSnapshot,
  type FlowState,
} from "@wa-migrate/core";
import type { MigrationFlowHandle } from "../flow-handle.js";

// Fixture snapshots for stories and tests: every flow state and every step state, without a
// controller. Times are fixed so renders are deterministic.

const NOW = "2026-11-25T10:00:00.000Z";

/** Builds a migration record; every step pending unless `statuses` says otherwise. */
export function makeMigration(
  statuses: Partial<Record<StepId, StepStatus>> = {},
  overrides: Partial<Migration> = {},
): Migration {
  return {
    id: "mig_01JDEMO",
    status: "running",
    businessId: "2729063490586005",
    wabaId: "524126980791429",
    phoneNumberId: "106540352242922",
    sourceWabaId: "102290129340398",
    phone: {
      displayPhoneNumber: "+49 30 1234567",
      verifiedName: "Acme Bakery",
      nameStatus: "APPROVED",
      qualityRating: "GREEN",
      messagingLimit: "TIER_1K",
      officialBusinessAccount: true,
      platformType: "CLOUD_API",
      status: "CONNECTED",
    },
    steps: SERVER_STEP_IDS.map((id) => ({ id, status: statuses[id] ?? "pending", attempts: 1 })),
    templates: { mode: "copied_before_registration", sourceReadable: true, items: [] },
    warnings: [],
    billingCutoverAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** A migration error as the server would send it (English texts from the catalogue are not needed). */
export function makeError(code: MigrationErrorCode, retryable = true): MigrationError {
  return {
    code,
    message: `${code} (server message)`,
    remedy: "See the customer text.",
    retryable,
    graph: { code: 133016, fbtraceId: "AbCdEf123_xyz", message: "Rate limit hit" },
  };
}

/** A template report covering every outcome. */
export const TEMPLATE_ITEMS: TemplateReportItem[] = [
  item("order_confirmation", "en_US", "copied"),
  item("order_confirmation", "de_DE", "copied"),
  // As the BFF keeps a re-check's rejection: Meta's status and reason code.
  item("spring_sale", "en_US", "rejected_on_recheck", "REJECTED: PROMOTIONAL"),
  // The BFF's reasons are English words for the operator; the report says them from the fields.
  item("old_promo", "en_US", "not_eligible", "quality is YELLOW", { sourceQuality: "YELLOW" }),
  item("draft_welcome", "de_DE", "not_eligible", "status is PENDING", { sourceStatus: "PENDING" }),
  item("welcome_offer", "en_US", "not_eligible", "quality is RED", { sourceQuality: "RED" }),
  item("extra_offer", "en_US", "over_limit", "the destination's template limit is reached"),
  // Meta's own words from `failed_templates`, shown as they are.
  item("shipping_update", "en_US", "refused", "Formatting error - dangling parameter"),
  item("delivery_window", "en_US", "failed"),
  item("appointment_reminder", "en_US", "pending"),
];

function item(
  name: string,
  language: string,
  outcome: TemplateReportItem["outcome"],
  reason?: string,
  source: Partial<Pick<TemplateReportItem, "sourceStatus" | "sourceQuality">> = {},
): TemplateReportItem {
  return {
    name,
    language,
    category: "UTILITY",
    sourceStatus: "APPROVED",
    sourceQuality: "GREEN",
    ...source,
    destinationQuality: outcome === "copied" ? "UNKNOWN" : null,
    outcome,
    reason: reason ?? null,
  };
}

/** Options of {@link makeSnapshot}. */
export interface SnapshotFixture {
  state: FlowState;
  migration?: Migration | null;
  error?: FlowError | null;
  /** Default true: most fixtures are past step 1. */
  twoStepConfirmed?: boolean;
}

/** A snapshot derived the way the core controller derives it (steps and current step). */
export function makeSnapshot(fixture: SnapshotFixture): FlowSnapshot {
  const inputs = {
    state: fixture.state,
    migration: fixture.migration ?? null,
    error: fixture.error ?? null,
    twoStepConfirmed: fixture.twoStepConfirmed ?? true,
  };
  return Object.freeze({
    ...inputs,
    steps: deriveStepViews(inputs),
    currentStep: deriveCurrentStep(inputs),
  });
}

/** A handle over a fixed snapshot; actions default to doing nothing (stories pass spies). */
export function fixtureHandle(
  snapshot: FlowSnapshot,
  actions: Partial<Omit<MigrationFlowHandle, "snapshot">> = {},
): MigrationFlowHandle {
  const noop = () => {};
  return {
    snapshot,
    confirmTwoStep: actions.confirmTwoStep ?? noop,
    launch: actions.launch ?? noop,
    retry: actions.retry ?? noop,
    migrateTemplates: actions.migrateTemplates ?? noop,
    reset: actions.reset ?? noop,
    redirectToLogin: actions.redirectToLogin,
  };
}
