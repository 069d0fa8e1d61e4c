import {
  MESSAGING_LIMIT_TIERS,
  MIGRATION_STATUSES,
  NAME_STATUSES,
  PLATFORM_TYPES,
  QUALITY_RATINGS,
  STEP_IDS,
  STEP_STATUSES,
  TEMPLATE_CATEGORIES,
  TEMPLATE_OUTCOMES,
  TEMPLATE_STATUSES,
  TEMPLATES_MODES,
} from "../closed-lists.js";
import type { Migration } from "../migration.js";
import { errorCode, migrationError } from "./error-checks.js";
import {
  array,
  boolean,
  type Check,
  check,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
} from "./lean-check.js";

const text = nullable(string);
const maybeText = optional(text);
const quality = nullable(oneOf(QUALITY_RATINGS));

// Field for field `MigrationSchema` (migration.ts); parse-migration.test.ts proves they agree.
const migration: Check<Migration> = object({
  id: string,
  status: oneOf(MIGRATION_STATUSES),
  businessId: text,
  wabaId: text,
  phoneNumberId: text,
  sourceWabaId: text,
  phone: nullable(
    object({
      displayPhoneNumber: string,
      verifiedName: string,
      nameStatus: nullable(oneOf(NAME_STATUSES)),
      qualityRating: quality,
      messagingLimit: nullable(oneOf(MESSAGING_LIMIT_TIERS)),
      officialBusinessAccount: nullable(boolean),
      platformType: nullable(oneOf(PLATFORM_TYPES)),
      status: text,
    }),
  ),
  steps: array(
    object({
      id: oneOf(STEP_IDS),
      status: oneOf(STEP_STATUSES),
      attempts: number,
      startedAt: maybeText,
      finishedAt: maybeText,
      lastError: optional(nullable(migrationError)),
    }),
  ),
  templates: object({
    mode: oneOf(TEMPLATES_MODES),
    sourceReadable: boolean,
    items: array(
      object({
        sourceTemplateId: optional(string),
        destinationTemplateId: maybeText,
        name: string,
        language: string,
        category: oneOf(TEMPLATE_CATEGORIES),
        sourceStatus: oneOf(TEMPLATE_STATUSES),
        sourceQuality: quality,
        destinationQuality: optional(quality),
        outcome: oneOf(TEMPLATE_OUTCOMES),
        reason: maybeText,
        statusAt: optional(nullable(number)),
      }),
    ),
  }),
  warnings: array(errorCode),
  billingCutoverAt: text,
  createdAt: string,
  updatedAt: string,
});

/**
 * The migration record from a BFF answer or SSE event, or `undefined` when the value is not one:
 * accepts and returns exactly what `MigrationSchema.safeParse` does, without zod.
 *
 * @example
 * const m = parseMigration(await response.json());
 * if (m) console.log(m.status);
 */
export function parseMigration(value: unknown): Migration | undefined {
  return check(migration, value);
}
