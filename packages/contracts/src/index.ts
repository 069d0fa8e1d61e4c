/**
 * @wa-migrate/contracts: the single source of truth for every shape wa-migrate exchanges.
 *
 * @example
 * import { MigrationSchema, STEP_IDS, parseEmbeddedSignupMessage } from "@wa-migrate/contracts";
 */
export * from "./api.js";
export * from "./closed-lists.js";
export * from "./embedded-signup.js";
export * from "./error-code-list.js";
export * from "./error-codes.js";
export * from "./errors.js";
export * from "./event-list-queries.js";
export * from "./graph/index.js";
export * from "./graph-config.js";
export * from "./migration.js";
export * from "./steps.js";
export * from "./template-rejection-reasons.js";
