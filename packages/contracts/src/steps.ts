import * as z from "zod/mini";
import { STEP_IDS, STEP_STATUSES } from "./closed-lists.js";

// The lists themselves (STEP_IDS, STEP_STATUSES, ...) live in closed-lists.ts, without zod.

/**
 * Schema for a {@link StepId}.
 *
 * @example
 * StepIdSchema.parse("register_phone");
 */
export const StepIdSchema = z.enum(STEP_IDS);

/**
 * Schema for a {@link StepStatus}.
 *
 * @example
 * StepStatusSchema.parse("running");
 */
export const StepStatusSchema = z.enum(STEP_STATUSES);
