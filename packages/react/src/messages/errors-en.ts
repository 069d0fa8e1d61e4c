import type { MigrationErrorCode } from "@wa-migrate/contracts";

// The ways on that many codes share (decision 021): one sentence each, so the same situation reads
// the same everywhere, and the catalogue stays small.
const retry = "Press “Try again”.";
const retryOrContact = "Press “Try again”; if it repeats, contact us.";
const waitRetry = "Wait a few minutes, then press “Try again”.";
const waitMeta = "Wait for Meta's decision, then press “Try again”.";
const restart = "Start again with Meta.";
const restartOrContact = "Start again; if it repeats, contact us.";
const reload = "Reload the page and start again.";
const ours = "This is on our side: please contact us.";
const withReference = "Please contact us with the reference below.";
const twoStepOn = `Two-step verification is still on for this number. Ask your current provider to turn it off, or turn it off yourself in WhatsApp Manager if you manage the account, then press “Try again”.`;

/**
 * Customer-facing English texts for every error code: what happened, then what to do.
 * Typed as a `Record` over the contracts' codes so a new code fails the build until it is explained.
 *
 * @example
 * errorsEn.popup_blocked;
 */
export const errorsEn: Record<MigrationErrorCode, string> = {
  two_step_enabled: twoStepOn,
  test_number: "Meta test numbers cannot be moved. Start again with your real business number.",
  display_name_not_approved: `Meta has not approved the number's display name. If Meta declined it, submit a new display name in WhatsApp Manager. ${waitMeta}`,
  display_name_change_pending: `Meta is still reviewing a new display name for this number. ${waitMeta}`,
  business_not_verified:
    "Your business is not verified with Meta yet. Verify it in Meta Business Suite, then press “Try again”.",
  source_waba_not_approved: `Meta has not approved your current WhatsApp Business Account. If Meta rejected it, ask your current provider to resolve it. ${waitMeta}`,
  source_waba_no_payment_method:
    "Your current WhatsApp Business Account has no valid payment method. Ask your current provider to add one, then press “Try again”.",
  on_prem_source:
    "Old chats and media stay in your On-Premises system; the number itself moves. Nothing to do.",
  sdk_load_error:
    "Meta's sign-in could not load. Check your connection, turn off ad blockers for this page and try again.",
  popup_blocked:
    "Your browser blocked Meta's window. Allow pop-ups for this site and press the button again.",
  popup_closed: `Meta's window was closed before the end. ${restart}`,
  popup_no_response: `Meta's window has not answered for minutes. If it is still open, finish there. ${restart}`,
  signup_cancelled: `You left Meta's window before the end. ${restart}`,
  signup_error: `Meta's window reported a problem. Fix what Meta says below, then start again.`,
  signup_incomplete: `Meta's window did not send all we need. ${restartOrContact}`,
  code_expired: `Your sign-in with Meta took too long to reach us. ${restart}`,
  code_used: `This sign-in with Meta was already used. ${restart}`,
  asset_not_granted:
    "Meta's window did not grant access to your WhatsApp account or number. Start again: in Meta's window, create a new WhatsApp account, enter your existing number and allow access to both.",
  assets_not_found:
    "We found no WhatsApp account or number after sign-in. Start again and enter your existing number in Meta's window.",
  token_invalid: `Your sign-in with Meta is no longer valid. ${restart}`,
  permission_denied: `Meta did not allow a step of the move. ${ours}`,
  credit_line_not_found: `Our billing setup was not found. ${ours}`,
  credit_share_failed: `Setting up billing did not work. ${retryOrContact}`,
  waba_funded_elsewhere:
    "The WhatsApp account you chose is already billed by someone else, and Meta does not allow changing that. Start again and create a new WhatsApp account in Meta's window.",
  credit_share_unverified: `Meta has not confirmed the billing yet. ${waitRetry}`,
  webhook_subscription_failed: `Connecting your messages to us did not work. ${retryOrContact}`,
  templates_source_unreadable:
    "Your old account's templates cannot be read, so after the move Meta itself copies the approved ones with high quality. Nothing to do.",
  template_limit_reached:
    "Some templates were not copied: the new account's limit is reached. Delete unused templates in the new account in WhatsApp Manager, then press “Copy templates now”.",
  template_migration_failed:
    "One or more templates could not be copied; your number keeps working. Press “Copy templates now”.",
  pin_mismatch: twoStepOn,
  ownership_unconfirmed:
    "Meta has not confirmed that this number is yours. Start again and enter the code Meta sends to the number.",
  register_rate_limited:
    "There were too many registration attempts for this number. Wait until the time shown below, then press “Try again”.",
  destination_not_subscribed: `Meta did not accept the move yet: your messages were not connected. ${retryOrContact}`,
  number_already_moved:
    "This number already moved to us in an earlier migration and sends through us. To move it into another WhatsApp account, turn off two-step verification in WhatsApp Manager, then press “Try again”.",
  migration_superseded:
    "This number is now being moved from another window or tab, and Meta follows the latest sign-up. Continue there; you can close this one.",
  migration_refused: `Meta refused to move this number. ${withReference}`,
  registration_unconfirmed: `Meta has not confirmed the registration yet. ${waitRetry}`,
  graph_rate_limited: `Meta is busy right now. ${waitRetry}`,
  graph_unavailable: `Meta did not answer in time. ${retry} The move then continues where it stopped.`,
  graph_error: `Meta returned an unexpected error. ${withReference}`,
  graph_response_invalid: `Meta sent an answer we did not understand. ${retryOrContact}`,
  validation_failed: `Something in the request was not valid. ${restartOrContact}`,
  unauthorized: "Your session with us has ended. Sign in to the portal again, then come back here.",
  forbidden:
    "Your account with us may not move this number. Ask your account's administrator for access, then reload the page.",
  not_found: "We could not find this migration. Start again from the beginning.",
  migration_running: "The move is still running. Wait until it stops, then try again.",
  idempotency_conflict: `This request was already sent in a different form. ${reload}`,
  payload_too_large: `The request was too large. ${reload}`,
  unsupported_media_type: `Our server could not read the request. ${reload}`,
  rate_limited: `Too many moves were started in a short time. ${waitRetry}`,
  invalid_signature: `A message from Meta could not be verified. ${ours}`,
  bff_unreachable: "Our server could not be reached. Check your connection and try again.",
  store_unavailable: `Our server cannot save the move right now. ${waitRetry}`,
  schema_too_new: `Our server needs an update before the move can continue. ${ours}`,
  unknown_key_id: `Our server cannot read the saved data of this move. ${ours}`,
  config_invalid: `Our server is not set up completely. ${ours}`,
  internal_error: `Something went wrong on our server. ${retryOrContact}`,
};
