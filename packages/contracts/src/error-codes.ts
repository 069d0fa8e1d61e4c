/**
 * The one error vocabulary of wa-migrate. Every layer (Graph client, BFF, browser flow, UI) speaks
 * these codes; they are stable, snake_case, and never renamed. New codes may be added.
 *
 * Each entry: HTTP status the BFF answers with when the code ends a request, whether trying again
 * can help, an English message (what happened) and remedy (what to do). The UI carries its own
 * en/de texts for customers; these are for partner engineers and operators.
 *
 * @example
 * ERROR_CATALOG.two_step_enabled.remedy;
 */
export const ERROR_CATALOG = {
  // Eligibility (Meta's migration requirements), found after capturing the assets.
  two_step_enabled: {
    status: 409,
    retryable: true,
    message: "Two-step verification is still on for this phone number.",
    remedy:
      "Ask the current partner (or the owner in WhatsApp Manager) to turn off two-step verification, then retry.",
  },
  test_number: {
    status: 409,
    retryable: false,
    message: "This is a Meta test number; test numbers cannot be migrated.",
    remedy: "Use a real business phone number.",
  },
  display_name_not_approved: {
    status: 409,
    retryable: true,
    message: "The number's display name is not approved (name_status must be APPROVED).",
    remedy: "Wait for Meta to approve the display name in WhatsApp Manager, then retry.",
  },
  display_name_change_pending: {
    status: 409,
    retryable: true,
    message: "A display name change is pending review.",
    remedy: "Wait until Meta has decided on the new display name, then retry.",
  },
  business_not_verified: {
    status: 409,
    retryable: true,
    message: "The customer's business portfolio is not verified.",
    remedy: "Complete business verification in Meta Business Suite, then retry.",
  },
  source_waba_not_approved: {
    status: 409,
    retryable: true,
    message: "The WhatsApp Business Account the number lives in is not approved.",
    remedy: "Have the current WhatsApp Business Account's review approved by Meta, then retry.",
  },
  source_waba_no_payment_method: {
    status: 409,
    retryable: true,
    message: "The current WhatsApp Business Account has no valid payment method.",
    remedy: "Ask the current partner to keep a valid payment method on the account, then retry.",
  },
  on_prem_source: {
    status: 200,
    retryable: false,
    message: "The number comes from the On-Premises API: message history and media will not move.",
    remedy: "Nothing to do; tell the customer that old chats stay on the old system.",
  },
  // Browser side: SDK, popup and Embedded Signup.
  sdk_load_error: {
    status: 502,
    retryable: true,
    message: "Meta's JavaScript SDK could not be loaded.",
    remedy:
      "Check the network, ad blockers and the Content-Security-Policy (script-src), then try again.",
  },
  popup_blocked: {
    status: 400,
    retryable: true,
    message: "The browser blocked the Embedded Signup window.",
    remedy: "Allow pop-ups for this site and press the button again.",
  },
  popup_closed: {
    status: 400,
    retryable: true,
    message: "The Embedded Signup window was closed before it finished.",
    remedy: "Start again and complete every screen of the window.",
  },
  popup_no_response: {
    status: 400,
    retryable: true,
    message:
      "Nothing came from the Embedded Signup window for minutes (no login callback, no message).",
    remedy:
      "If the window is still open, finish there (it still counts); else start again or use the full-page fallback.",
  },
  signup_cancelled: {
    status: 400,
    retryable: true,
    message: "The customer left Embedded Signup before finishing.",
    remedy: "Start again; the step where it stopped is recorded.",
  },
  signup_error: {
    status: 400,
    retryable: true,
    message: "Embedded Signup reported an error.",
    remedy: "Read Meta's message, fix what it names and start again.",
  },
  signup_incomplete: {
    status: 400,
    retryable: true,
    message: "Embedded Signup sent its result only in part.",
    remedy: "Start again; if it repeats, check the app's allowed domains in the App Dashboard.",
  },
  // Code exchange and granted assets.
  code_expired: {
    status: 400,
    retryable: false,
    message: "The Embedded Signup code expired (it lives 30 seconds).",
    remedy: "Run Embedded Signup again; the code must reach the server at once.",
  },
  code_used: {
    status: 400,
    retryable: false,
    message: "The Embedded Signup code was already used.",
    remedy: "Run Embedded Signup again to get a new code.",
  },
  asset_not_granted: {
    status: 403,
    retryable: false,
    message: "The customer did not grant access to this WhatsApp Business Account or phone number.",
    remedy: "Run Embedded Signup again and select the account and number to move.",
  },
  assets_not_found: {
    status: 422,
    retryable: false,
    message: "No WhatsApp Business Account or phone number could be found for this signup.",
    remedy: "Run Embedded Signup again and enter the existing business phone number.",
  },
  token_invalid: {
    status: 401,
    retryable: false,
    message: "A Meta access token is invalid or expired.",
    remedy: "Check the system user token in the configuration, or run Embedded Signup again.",
  },
  permission_denied: {
    status: 403,
    retryable: false,
    message: "Meta refused the call for lack of permission.",
    remedy: "Check the system user's roles and the app's permissions (run /doctor).",
  },
  // Server steps.
  credit_line_not_found: {
    status: 500,
    retryable: false,
    message: "The partner's credit line could not be found.",
    remedy: "Set META_CREDIT_LINE_ID or give the system user Financial Editor on the business.",
  },
  credit_share_failed: {
    status: 502,
    retryable: true,
    message: "Sharing the credit line with the new account failed.",
    remedy: "Retry; if it persists, check the credit line in Business Settings (run /doctor).",
  },
  waba_funded_elsewhere: {
    status: 409,
    retryable: false,
    message:
      "The new WhatsApp Business Account already has a funding source that is not our credit line (Meta does not allow changing an attached credit line).",
    remedy:
      "Run Embedded Signup again and create a new WhatsApp Business Account for the number instead of choosing this one.",
  },
  credit_share_unverified: {
    status: 502,
    retryable: true,
    message: "The credit line was shared but the account does not show it as its funding source.",
    remedy: "Retry in a few minutes; Meta may still be attaching the credit line.",
  },
  webhook_subscription_failed: {
    status: 502,
    retryable: true,
    message: "Subscribing the app to the account's webhooks failed.",
    remedy: "Set a default webhook callback URL for the app in the App Dashboard, then retry.",
  },
  templates_source_unreadable: {
    status: 200,
    retryable: false,
    message: "The old account's templates cannot be read (the old partner owns it).",
    remedy: "Nothing to do: Meta copies eligible templates after registration; watch the report.",
  },
  template_limit_reached: {
    status: 200,
    retryable: false,
    message: "The new account reached its template limit; some templates were not copied.",
    remedy: "Delete unused templates in the new account or verify the business to raise the limit.",
  },
  template_migration_failed: {
    status: 502,
    retryable: true,
    message:
      "Copying the templates failed; the number was moved anyway (Meta also copies eligible templates after registration).",
    remedy:
      "Copy the failed ones with “Copy templates now” (POST /migrations/:id/templates); the step keeps Meta's reference.",
  },
  pin_mismatch: {
    status: 409,
    retryable: true,
    message: "Two-step verification is on and the PIN does not match (Meta error 133005).",
    remedy: "Ask the current partner to turn off two-step verification, then retry.",
  },
  ownership_unconfirmed: {
    status: 409,
    retryable: false,
    message:
      'Meta has not confirmed ownership of the phone number (Meta error 2388001, "Please confirm ownership of this phone number.").',
    remedy:
      "Run Embedded Signup again and confirm the number with the code Meta sends to it (or request_code and verify_code).",
  },
  register_rate_limited: {
    status: 429,
    retryable: true,
    message: "The number was registered or deregistered too often (10 per 72 hours, error 133016).",
    remedy:
      "Retry at the time in retryAt (the end of Meta's 72-hour block, or when the oldest of the kit's requests leaves the 72-hour window).",
  },
  destination_not_subscribed: {
    status: 409,
    retryable: true,
    message:
      "Meta refused the migration: no app is subscribed to the new account's webhooks (2388103).",
    remedy: "Retry; the kit subscribes the app first. If it repeats, run /doctor.",
  },
  number_already_moved: {
    status: 409,
    retryable: true,
    message:
      "An earlier migration of this tenant already moved this phone number here; two-step verification is on with the PIN its registration set.",
    remedy:
      "Nothing to move. To move it into another account, the customer turns off two-step verification in WhatsApp Manager, then retry.",
  },
  migration_superseded: {
    status: 409,
    retryable: false,
    message:
      "A later Embedded Signup of the same phone number took over (Meta follows the latest one), so this migration stopped before registering.",
    remedy: "Continue with the later migration (its id is in the detail); this one cannot finish.",
  },
  migration_refused: {
    status: 409,
    retryable: false,
    message: "Meta refused to migrate this phone number.",
    remedy:
      "Read Meta's details and fbtrace_id in the operator view and contact Meta support with them.",
  },
  registration_unconfirmed: {
    status: 502,
    retryable: true,
    message: "Registration succeeded but the number is not yet CONNECTED on Cloud API.",
    remedy: "Retry in a minute; the kit re-checks without registering twice.",
  },
  // Graph transport.
  graph_rate_limited: {
    status: 429,
    retryable: true,
    message: "Meta's rate limit was reached.",
    remedy:
      "The kit already retried for its whole budget: retry once Meta's limit resets (minutes to an hour); if it persists, spread migrations out.",
  },
  graph_unavailable: {
    status: 503,
    retryable: true,
    message: "Meta's Graph API did not answer or answered with a temporary error.",
    remedy: "Retry; the step resumes where it stopped.",
  },
  graph_error: {
    status: 502,
    retryable: false,
    message: "Meta's Graph API returned an unexpected error.",
    remedy:
      "Look up Meta's error code (shown with it) in Meta's error reference and retry once it is resolved; if the cause is unclear, send the fbtrace_id to Meta support.",
  },
  graph_response_invalid: {
    status: 502,
    retryable: true,
    message: "Meta's Graph API answered with a shape the kit does not understand.",
    remedy: "Retry; if it repeats, report it with the fbtrace_id.",
  },
  // BFF HTTP.
  validation_failed: {
    status: 400,
    retryable: false,
    message: "The request is not valid.",
    remedy: "Fix the fields named in `errors` and send it again.",
  },
  unauthorized: {
    status: 401,
    retryable: false,
    message: "The request is not authenticated.",
    remedy: "Sign in to the partner portal again.",
  },
  forbidden: {
    status: 403,
    retryable: false,
    message: "The request is authenticated but not allowed.",
    remedy:
      "Give the user access to migrations in the portal, add a cross-site origin to corsOrigins, or fix the verify token.",
  },
  not_found: {
    status: 404,
    retryable: false,
    message: "Nothing was found at this address.",
    remedy: "Check the migration id.",
  },
  migration_running: {
    status: 409,
    retryable: true,
    message: "The migration is still running.",
    remedy: "Wait until it stops, then retry.",
  },
  idempotency_conflict: {
    status: 409,
    retryable: false,
    message: "This Idempotency-Key was used with a different request.",
    remedy: "Use a new Idempotency-Key for a new request.",
  },
  payload_too_large: {
    status: 413,
    retryable: false,
    message: "The request body is too large.",
    remedy: "Send a smaller body.",
  },
  unsupported_media_type: {
    status: 415,
    retryable: false,
    message: "The request body must be JSON.",
    remedy: "Send Content-Type: application/json.",
  },
  rate_limited: {
    status: 429,
    retryable: true,
    message: "Too many migrations were started in a short time.",
    remedy: "Wait a minute and try again.",
  },
  invalid_signature: {
    status: 401,
    retryable: false,
    message: "The webhook signature does not match.",
    remedy: "Check that the app secret configured here is the app's secret.",
  },
  bff_unreachable: {
    status: 503,
    retryable: true,
    message: "The partner's server could not be reached.",
    remedy: "Check the connection and try again.",
  },
  store_unavailable: {
    status: 503,
    retryable: true,
    message: "The migration journal (database) is not reachable.",
    remedy: "Check DATABASE_URL and that the database is running.",
  },
  schema_too_new: {
    status: 500,
    retryable: false,
    message: "The database schema is newer than this version of the kit.",
    remedy: "Upgrade @wa-migrate/bff to the version that migrated the database.",
  },
  unknown_key_id: {
    status: 500,
    retryable: false,
    message: "A stored secret was encrypted with a key this server does not have.",
    remedy: "Add the old key to WA_MIGRATE_ENCRYPTION_KEY (key rotation keeps old keys).",
  },
  config_invalid: {
    status: 500,
    retryable: false,
    message: "The server's configuration is incomplete or invalid.",
    remedy: "Run /doctor and fix the settings it names.",
  },
  internal_error: {
    status: 500,
    retryable: true,
    message: "Something went wrong on the partner's server.",
    remedy: "Retry; if it repeats, send the request id to support.",
  },
} as const satisfies Record<
  string,
  { status: number; retryable: boolean; message: string; remedy: string }
>;

/**
 * Every error code wa-migrate uses, as a string union. See {@link ERROR_CATALOG} for meaning and remedy.
 *
 * @example
 * const code: MigrationErrorCode = "asset_not_granted";
 */
export type MigrationErrorCode = keyof typeof ERROR_CATALOG;

/**
 * All codes as an array (for schemas, tables and exhaustive tests).
 *
 * @example
 * MIGRATION_ERROR_CODES.includes("pin_mismatch"); // true
 */
export const MIGRATION_ERROR_CODES = Object.keys(ERROR_CATALOG) as [
  MigrationErrorCode,
  ...MigrationErrorCode[],
];

/**
 * Warnings are codes that are reported without stopping the migration.
 *
 * @example
 * WARNING_CODES.includes("on_prem_source"); // true
 */
export const WARNING_CODES = [
  "on_prem_source",
  "templates_source_unreadable",
  "template_limit_reached",
  "template_migration_failed",
] as const satisfies readonly MigrationErrorCode[];
