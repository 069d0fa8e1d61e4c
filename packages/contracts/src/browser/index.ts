/**
 * `@wa-migrate/contracts/browser`: what browser code needs from the contracts, without zod. The
 * lean parsers accept and return exactly what the zod schemas of the main entry do (property tests
 * hold them together); the server and the OpenAPI document keep using the schemas.
 *
 * @example
 * import { parseMigration, STEP_IDS } from "@wa-migrate/contracts/browser";
 */
export type {
  CreateMigrationRequest,
  SignupEventRequest,
} from "../api.js";
export * from "../closed-lists.js";
export type {
  EmbeddedSignupCancel,
  EmbeddedSignupFinish,
  EmbeddedSignupMessage,
  EmbeddedSignupParseResult,
} from "../embedded-signup.js";
export { ERROR_CODE_LIST } from "../error-code-list.js";
export type { MigrationErrorCode } from "../error-codes.js";
export type { GraphErrorRef, MigrationError, ProblemDetails } from "../errors.js";
export { GRAPH_VERSION } from "../graph-config.js";
export type {
  Migration,
  MigrationStep,
  PhoneSnapshot,
  TemplateReportItem,
  TemplatesReport,
} from "../migration.js";
export * from "../template-rejection-reasons.js";
export { isAllowedEmbeddedSignupOrigin } from "./is-allowed-embedded-signup-origin.js";
export {
  MAX_ES_MESSAGE_LENGTH,
  parseEmbeddedSignupMessage,
} from "./parse-embedded-signup-message.js";
export { parseMigration } from "./parse-migration.js";
export { parseProblemDetails } from "./parse-problem-details.js";
