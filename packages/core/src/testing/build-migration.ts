import {
  ERROR_CATALOG,
  type Migration,
  type MigrationError,
  type MigrationErrorCode,
  STEP_IDS,
  type StepId,
  type StepStatus,
} from "@wa-migrate/contracts";

/**
 * A complete, valid {@link Migration} for stories and tests: every step `pending` unless `steps`
 * says otherwise, a phone snapshot, an empty templates report. Fixed ids and times (deterministic).
 *
 * @example
 * buildMigration({ status: "failed", steps: { capture_assets: "succeeded", share_credit_line: ["failed", "credit_line_not_found"] } });
 */
export function buildMigration(
  overrides: Partial<Omit<Migration, "steps">> & {
    steps?: Partial<Record<StepId, StepStatus | [StepStatus, MigrationErrorCode]>>;
  } = {},
): Migration {
  const { steps = {}, ...rest } = overrides;
  const at = "2026-11-25T10:00:00.000Z";
  return {
    id: "mig_1",
    status: "running",
    businessId: "2729063490586005",
    wabaId: "524126980791429",
    phoneNumberId: "106540352242922",
    sourceWabaId: "102290129340398",
    phone: {
      displayPhoneNumber: "+49 30 1234567",
      verifiedName: "Acme GmbH",
      nameStatus: "APPROVED",
      qualityRating: "GREEN",
      messagingLimit: "TIER_1K",
      officialBusinessAccount: false,
      platformType: "CLOUD_API",
      status: "CONNECTED",
    },
    steps: STEP_IDS.map((id, index) => {
      const given = steps[id] ?? (index < 2 ? "succeeded" : "pending");
      const [status, code] = Array.isArray(given) ? given : [given, undefined];
      return {
        id,
        status,
        attempts: status === "pending" ? 0 : 1,
        startedAt: status === "pending" ? null : at,
        finishedAt: status === "succeeded" || status === "skipped" ? at : null,
        lastError: code ? migrationError(code) : null,
      };
    }),
    templates: { mode: "not_started", sourceReadable: true, items: [] },
    warnings: [],
    billingCutoverAt: null,
    createdAt: at,
    updatedAt: at,
    ...rest,
  };
}

/**
 * The stored/streamed error for a code, with the catalogue's English message and remedy.
 *
 * @example
 * migrationError("pin_mismatch").retryable; // true
 */
export function migrationError(code: MigrationErrorCode): MigrationError {
  const entry = ERROR_CATALOG[code];
  return { code, message: entry.message, remedy: entry.remedy, retryable: entry.retryable };
}
