import * as z from "zod/mini";
import { MIGRATION_STATUSES, TEMPLATE_OUTCOMES, TEMPLATES_MODES } from "./closed-lists.js";
import { MigrationErrorCodeSchema, MigrationErrorSchema } from "./errors.js";
import {
  MessagingLimitTierSchema,
  NameStatusSchema,
  PlatformTypeSchema,
  QualityRatingSchema,
  TemplateCategorySchema,
  TemplateStatusSchema,
} from "./graph/enums.js";
import { StepIdSchema, StepStatusSchema } from "./steps.js";

/** ISO 8601 timestamp string, as every time in the migration record is sent. */
const Timestamp = z.string();

/**
 * Schema for a {@link MigrationStatus}.
 *
 * @example
 * MigrationStatusSchema.parse("completed");
 */
export const MigrationStatusSchema = z.enum(MIGRATION_STATUSES);

/**
 * One step of a migration as the journal records it.
 *
 * @example
 * MigrationStepSchema.parse({ id: "register_phone", status: "running", attempts: 1, startedAt: "2026-12-04T10:00:00.000Z" });
 */
export const MigrationStepSchema = z.object({
  id: StepIdSchema,
  status: StepStatusSchema,
  attempts: z.number(),
  startedAt: z.optional(z.nullable(Timestamp)),
  finishedAt: z.optional(z.nullable(Timestamp)),
  lastError: z.optional(z.nullable(MigrationErrorSchema)),
});
/**
 * See {@link MigrationStepSchema}.
 *
 * @example
 * const failed = (steps: MigrationStep[]) => steps.filter((s) => s.status === "failed").map((s) => s.lastError?.code);
 */
export type MigrationStep = z.infer<typeof MigrationStepSchema>;

/**
 * What the number looked like when captured: the things the customer must keep.
 * `officialBusinessAccount` is null when Meta's answer did not say (the field is optional in
 * Meta's OpenAPI, without a default): never read as "no".
 *
 * @example
 * const p: PhoneSnapshot = { displayPhoneNumber: "+49 30 1234567", verifiedName: "Acme", nameStatus: "APPROVED",
 *   qualityRating: "GREEN", messagingLimit: "TIER_1K", officialBusinessAccount: null, platformType: "CLOUD_API", status: "CONNECTED" };
 */
export const PhoneSnapshotSchema = z.object({
  displayPhoneNumber: z.string(),
  verifiedName: z.string(),
  nameStatus: z.nullable(NameStatusSchema),
  qualityRating: z.nullable(QualityRatingSchema),
  messagingLimit: z.nullable(MessagingLimitTierSchema),
  officialBusinessAccount: z.nullable(z.boolean()),
  platformType: z.nullable(PlatformTypeSchema),
  status: z.nullable(z.string()),
});
/**
 * See {@link PhoneSnapshotSchema}.
 *
 * @example
 * const kept = (before: PhoneSnapshot, after: PhoneSnapshot) => before.qualityRating === after.qualityRating;
 */
export type PhoneSnapshot = z.infer<typeof PhoneSnapshotSchema>;

/**
 * Schema for a {@link TemplateOutcome}.
 *
 * @example
 * TemplateOutcomeSchema.parse("over_limit");
 */
export const TemplateOutcomeSchema = z.enum(TEMPLATE_OUTCOMES);

/**
 * One line of the templates report.
 *
 * @example
 * TemplateReportItemSchema.parse({ name: "order_update", language: "en_US", category: "UTILITY", sourceStatus: "APPROVED", sourceQuality: "GREEN", outcome: "copied" });
 */
export const TemplateReportItemSchema = z.object({
  sourceTemplateId: z.optional(z.string()),
  destinationTemplateId: z.optional(z.nullable(z.string())),
  name: z.string(),
  language: z.string(),
  category: TemplateCategorySchema,
  sourceStatus: TemplateStatusSchema,
  sourceQuality: z.nullable(QualityRatingSchema),
  destinationQuality: z.optional(z.nullable(QualityRatingSchema)),
  outcome: TemplateOutcomeSchema,
  reason: z.optional(z.nullable(z.string())),
  /** Meta's time (Unix seconds) of the last status webhook applied: an older one is ignored. */
  statusAt: z.optional(z.nullable(z.number())),
});
/**
 * See {@link TemplateReportItemSchema}.
 *
 * @example
 * const notCopied = (items: TemplateReportItem[]) => items.filter((i) => i.outcome !== "copied");
 */
export type TemplateReportItem = z.infer<typeof TemplateReportItemSchema>;

/**
 * How templates were (or will be) moved: by the kit before registration, or by Meta afterwards.
 *
 * @example
 * TemplatesReportSchema.parse({ mode: "meta_automatic", sourceReadable: false, items: [] });
 */
export const TemplatesReportSchema = z.object({
  mode: z.enum(TEMPLATES_MODES),
  sourceReadable: z.boolean(),
  items: z.array(TemplateReportItemSchema),
});
/**
 * See {@link TemplatesReportSchema}.
 *
 * @example
 * const done = (report: TemplatesReport) => report.items.every((i) => i.outcome !== "pending");
 */
export type TemplatesReport = z.infer<typeof TemplatesReportSchema>;

/**
 * The migration record: the one object the BFF returns, streams and stores.
 *
 * @example
 * const m = MigrationSchema.parse(await (await fetch("/wa/migrations/mig_1")).json());
 * m.steps.find((s) => s.id === "register_phone")?.status;
 */
export const MigrationSchema = z.object({
  id: z.string(),
  status: MigrationStatusSchema,
  businessId: z.nullable(z.string()),
  wabaId: z.nullable(z.string()),
  phoneNumberId: z.nullable(z.string()),
  sourceWabaId: z.nullable(z.string()),
  phone: z.nullable(PhoneSnapshotSchema),
  steps: z.array(MigrationStepSchema),
  templates: TemplatesReportSchema,
  warnings: z.array(MigrationErrorCodeSchema),
  billingCutoverAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/**
 * See {@link MigrationSchema}.
 *
 * @example
 * const registered = (m: Migration) => m.steps.find((s) => s.id === "register_phone")?.status === "succeeded";
 */
export type Migration = z.infer<typeof MigrationSchema>;
