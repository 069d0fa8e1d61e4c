import type { MigrationErrorCode } from "@wa-migrate/contracts";

/**
 * Customer-facing English texts for every error code: what happened, then what to do.
 * Typed as a `Record` over the contracts' codes so a new code fails the build until it is explained.
 *
 * @example
 * errorsEn.popup_blocked;
 */
export const errorsEn: Record<MigrationErrorCode, string> = {
  two_step_enabled:
    "Two-step verification is still on for this number. Ask your current provider to turn it off, then press “Try again”.",
  test_number:
    "This is a Meta test number, and test numbers cannot be moved. Start again with your real business number.",
  display_name_not_approved:
    "Meta has not approved the number's display name yet. Wait for the approval in WhatsApp Manager, then press “Try again”.",
  display_name_change_pending:
    "Meta is still reviewing a new display name for this number. Wait for its decision, then press “Try again”.",
  business_not_verified:
    "Your business is not verified with Meta yet. Complete business verification in Meta Business Suite, then press “Try again”.",
  source_waba_not_approved:
    "Meta has not approved your current WhatsApp Business Account yet. Wait for the approval, then press “Try again”.",
  source_waba_no_payment_method:
    "Your current WhatsApp Business Account has no valid payment method. Ask your current provider to add one, then press “Try again”.",
  on_prem_source:
    "Your number comes from the older On-Premises system, so old chats and media stay there. Nothing to do: the number itself moves.",
  sdk_load_error:
    "Meta's sign-in could not be loaded. Check your connection, turn off ad or script blockers for this page, and try again.",
  popup_blocked:
    "Your browser blocked Meta's window. Allow pop-ups for this site and press the button again.",
  popup_closed:
    "Meta's window was closed before it finished. Start again and go through every screen of the window.",
  signup_cancelled:
    "You left Meta's window before finishing. Start again when you are ready; you can pick up where you stopped.",
  signup_error:
    "Meta's window reported a problem. Read Meta's message below, fix what it names and start again.",
  signup_incomplete:
    "Meta's window did not send everything we need. Start again; if this repeats, contact us.",
  code_expired:
    "Your sign-in with Meta took too long to reach us. Start again; it only takes a moment.",
  code_used: "This sign-in with Meta was already used. Start again to sign in once more.",
  asset_not_granted:
    "Access to your WhatsApp account or number was not granted in Meta's window. Start again and select the account and the number to move.",
  assets_not_found:
    "We could not find your WhatsApp account or number after sign-in. Start again and enter your existing business number in Meta's window.",
  token_invalid: "Your sign-in with Meta is no longer valid. Start again to sign in once more.",
  permission_denied:
    "Meta did not allow a step of the move. We have been told; please contact us and we will fix it.",
  credit_line_not_found:
    "Our billing setup could not be found. This is on our side: please contact us and we will fix it.",
  credit_share_failed:
    "Setting up billing did not work this time. Press “Try again”; if it repeats, contact us.",
  credit_share_unverified:
    "Billing is set up but Meta has not confirmed it yet. Wait a few minutes, then press “Try again”.",
  webhook_subscription_failed:
    "Connecting your messages to us did not work. Press “Try again”; if it repeats, contact us.",
  templates_source_unreadable:
    "We cannot read your templates in the old account, so Meta copies them itself after the move. Nothing to do: watch the list below.",
  template_limit_reached:
    "Your new account reached its template limit, so some templates were not copied. Delete templates you no longer use, or verify your business to raise the limit.",
  template_migration_failed:
    "Copying your templates did not work. Press “Try again”; your number keeps working meanwhile.",
  pin_mismatch:
    "Two-step verification is still on for this number. Ask your current provider to turn it off, then press “Try again”.",
  register_rate_limited:
    "This number was registered too often in a short time. Meta allows the next try 72 hours after the first one; please try again then.",
  destination_not_subscribed:
    "Meta did not accept the move yet because your messages were not connected. Press “Try again”; if it repeats, contact us.",
  migration_refused:
    "Meta refused to move this number. Please contact us with the reference below and we will take it up with Meta.",
  registration_unconfirmed:
    "Your number is registered but Meta has not confirmed it yet. Wait a minute, then press “Try again”.",
  graph_rate_limited: "Meta is busy right now. Wait a few minutes, then press “Try again”.",
  graph_unavailable:
    "Meta did not answer in time. Press “Try again”; the move continues where it stopped.",
  graph_error: "Meta returned an unexpected error. Please contact us with the reference below.",
  graph_response_invalid:
    "Meta sent an answer we did not understand. Press “Try again”; if it repeats, contact us with the reference below.",
  validation_failed:
    "Something in the request was not valid. Start again; if it repeats, contact us.",
  unauthorized:
    "Your session with us has ended. Sign in to the portal again, then come back to this page.",
  not_found: "We could not find this migration. Start again from the beginning.",
  migration_running: "The move is still running. Wait until it stops, then try again.",
  idempotency_conflict:
    "This request was already sent in a different form. Reload the page and start again.",
  payload_too_large: "The request was too large. Reload the page and start again.",
  unsupported_media_type:
    "The request could not be read by our server. Reload the page and start again.",
  rate_limited: "Too many moves were started in a short time. Wait a minute, then try again.",
  invalid_signature:
    "A message from Meta could not be verified. This is on our side: please contact us.",
  bff_unreachable: "Our server could not be reached. Check your connection and try again.",
  store_unavailable: "Our server cannot save the move right now. Wait a moment, then try again.",
  schema_too_new: "Our server needs an update before the move can continue. Please contact us.",
  unknown_key_id:
    "Our server cannot read saved data for this move. This is on our side: please contact us.",
  config_invalid: "Our server is not set up completely. This is on our side: please contact us.",
  internal_error: "Something went wrong on our server. Try again; if it repeats, contact us.",
};
