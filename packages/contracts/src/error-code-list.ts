import type { MigrationErrorCode } from "./error-codes.js";

/**
 * Every error code as a literal list, without the catalogue's texts: what schemas need. Browser
 * bundles that parse error codes (the migration record, problem+json) import this instead of
 * `ERROR_CATALOG`, which saves its messages and remedies (about 2.3 kB gzipped).
 *
 * @example
 * ERROR_CODE_LIST.includes("pin_mismatch"); // true
 */
export const ERROR_CODE_LIST = [
  "two_step_enabled",
  "test_number",
  "display_name_not_approved",
  "display_name_change_pending",
  "business_not_verified",
  "source_waba_not_approved",
  "source_waba_no_payment_method",
  "on_prem_source",
  "sdk_load_error",
  "popup_blocked",
  "popup_closed",
  "popup_no_response",
  "signup_cancelled",
  "signup_error",
  "signup_incomplete",
  "code_expired",
  "code_used",
  "asset_not_granted",
  "assets_not_found",
  "token_invalid",
  "permission_denied",
  "credit_line_not_found",
  "credit_share_failed",
  "waba_funded_elsewhere",
  "credit_share_unverified",
  "webhook_subscription_failed",
  "templates_source_unreadable",
  "template_limit_reached",
  "template_migration_failed",
  "pin_mismatch",
  "ownership_unconfirmed",
  "register_rate_limited",
  "destination_not_subscribed",
  "number_already_moved",
  "migration_superseded",
  "migration_refused",
  "registration_unconfirmed",
  "graph_rate_limited",
  "graph_unavailable",
  "graph_error",
  "graph_response_invalid",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "migration_running",
  "idempotency_conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "invalid_signature",
  "bff_unreachable",
  "store_unavailable",
  "schema_too_new",
  "unknown_key_id",
  "config_invalid",
  "internal_error",
] as const satisfies readonly MigrationErrorCode[];

// Compile-time check that the list names every code of the catalogue (the test checks the order).
type Missing = Exclude<MigrationErrorCode, (typeof ERROR_CODE_LIST)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
