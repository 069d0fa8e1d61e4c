import * as z from "zod/mini";
import { ERROR_CODE_LIST } from "./error-code-list.js";

/**
 * Schema for a {@link MigrationErrorCode}.
 *
 * @example
 * MigrationErrorCodeSchema.parse("pin_mismatch");
 */
export const MigrationErrorCodeSchema = z.enum(ERROR_CODE_LIST);

/**
 * What Meta said when a Graph call failed: kept on every error that came from Graph so support can
 * quote the `fbtrace_id` to Meta.
 *
 * @example
 * GraphErrorRefSchema.parse({ code: 100, subcode: 2388001, fbtraceId: "AbCdEf123" });
 */
export const GraphErrorRefSchema = z.object({
  code: z.number(),
  subcode: z.optional(z.number()),
  fbtraceId: z.optional(z.string()),
  message: z.optional(z.string()),
});
/**
 * See {@link GraphErrorRefSchema}.
 *
 * @example
 * const ref: GraphErrorRef = { code: 133005, fbtraceId: "AbCdEf123" }; // quote fbtraceId to Meta support
 */
export type GraphErrorRef = z.infer<typeof GraphErrorRefSchema>;

/**
 * An error as it is stored on a step and sent to browsers: a stable code, what happened, what to do.
 *
 * @example
 * const e: MigrationError = { code: "pin_mismatch", message: "...", remedy: "...", retryable: true };
 */
export const MigrationErrorSchema = z.object({
  code: MigrationErrorCodeSchema,
  message: z.string(),
  remedy: z.string(),
  retryable: z.boolean(),
  graph: z.optional(GraphErrorRefSchema),
  /** When trying again can work, if it is known (ISO 8601): a registration rate limit's end. */
  retryAt: z.optional(z.string()),
});
/**
 * See {@link MigrationErrorSchema}.
 *
 * @example
 * const { code, remedy, graph } = migration.steps[0]?.lastError as MigrationError;
 */
export type MigrationError = z.infer<typeof MigrationErrorSchema>;

/**
 * RFC 9457 problem details, the body of every BFF error (`application/problem+json`).
 * `code` is the stable key to branch on; `errors` lists field problems for `validation_failed`.
 *
 * @example
 * { type: "https://wa-migrate.dev/errors/not_found", title: "Nothing was found at this address.",
 *   status: 404, code: "not_found", detail: "...", remedy: "Check the migration id.", retryable: false }
 */
export const ProblemDetailsSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: MigrationErrorCodeSchema,
  detail: z.optional(z.string()),
  remedy: z.string(),
  retryable: z.boolean(),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  graph: z.optional(GraphErrorRefSchema),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
/**
 * See {@link ProblemDetailsSchema}.
 *
 * @example
 * const problem = (await response.json()) as ProblemDetails;
 * if (problem.code === "validation_failed") for (const e of problem.errors ?? []) console.log(e.path, e.message);
 */
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;

/**
 * Media type of {@link ProblemDetails} bodies.
 *
 * @example
 * response.headers.get("content-type")?.startsWith(PROBLEM_JSON); // true for every BFF error
 */
export const PROBLEM_JSON = "application/problem+json";

/**
 * Base of the `type` URI of every problem; the code is appended.
 *
 * @example
 * `${PROBLEM_TYPE_BASE}not_found`; // "https://wa-migrate.dev/errors/not_found"
 */
export const PROBLEM_TYPE_BASE = "https://wa-migrate.dev/errors/";
