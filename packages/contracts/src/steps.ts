import * as z from "zod/mini";

/**
 * The seven steps of a migration, in the order Meta's guide prescribes them (with template copying
 * moved before registration, which is the cutover, so templates are usable at once).
 *
 * @example
 * STEP_IDS.indexOf("register_phone"); // 6
 */
export const STEP_IDS = [
  "two_step_verification",
  "embedded_signup",
  "capture_assets",
  "share_credit_line",
  "subscribe_webhooks",
  "migrate_templates",
  "register_phone",
] as const;

/** One of {@link STEP_IDS}. */
export type StepId = (typeof STEP_IDS)[number];
/** Schema for a {@link StepId}. */
export const StepIdSchema = z.enum(STEP_IDS);

/** The steps the customer does in the browser; the rest run on the server. */
export const BROWSER_STEP_IDS = [
  "two_step_verification",
  "embedded_signup",
] as const satisfies readonly StepId[];

/** The steps the BFF runs after the browser hands over the code. */
export const SERVER_STEP_IDS = [
  "capture_assets",
  "share_credit_line",
  "subscribe_webhooks",
  "migrate_templates",
  "register_phone",
] as const satisfies readonly StepId[];

/** One of {@link SERVER_STEP_IDS}. */
export type ServerStepId = (typeof SERVER_STEP_IDS)[number];

/**
 * Where a step stands.
 * - `action_required`: someone outside the kit must act (the customer, the old partner, Meta support).
 * - `skipped`: the step had nothing to do (for example templates when the source is unreadable).
 *
 * @example
 * StepStatusSchema.parse("running");
 */
export const STEP_STATUSES = [
  "pending",
  "running",
  "succeeded",
  "failed",
  "action_required",
  "skipped",
] as const;
/** One of {@link STEP_STATUSES}. */
export type StepStatus = (typeof STEP_STATUSES)[number];
/** Schema for a {@link StepStatus}. */
export const StepStatusSchema = z.enum(STEP_STATUSES);
