import { apiError, type GraphError } from "../graph/graph-error.js";
import type { SandboxState } from "../state/sandbox-state.js";
import type { PendingMigration, PhoneRecord, WabaRecord } from "../state/types.js";

/** Meta's phone-migration error subcodes (facts §4.3). */
export const MIGRATION_SUBCODES = {
  /** Two-step verification on, or ownership not confirmed. */
  twoStepOrOwnership: 2388001,
  /** The number is already in the destination's list. */
  alreadyInWaba: 2388012,
  /** The "Cannot migrate phone number." family. */
  cannotMigrate: 2388103,
} as const;

function migrationError(subcode: number, userMsg: string, details: string): GraphError {
  return apiError(100, {
    subcode,
    userTitle: "Cannot migrate phone number",
    userMsg,
    details,
    isTransient: false,
  });
}

/**
 * The first migration rule of Meta's guide (facts §2.1, §2.2, §8) that stops `phone` from moving
 * to `dest` by `via`, or undefined when it may move. Checked at registration on the destination
 * (both paths) and at `POST /{dest}/phone_numbers` with `migrate_phone_number` (programmatic path).
 *
 * @example
 * const blocker = migrationBlocker(state, phone, destWaba, "embedded_signup");
 * if (blocker) throw blocker; // e.g. 100 / 2388001 when two-step verification is still on
 */
export function migrationBlocker(
  state: SandboxState,
  phone: PhoneRecord,
  dest: WabaRecord,
  via: PendingMigration["via"],
): GraphError | undefined {
  const source = state.wabas.get(phone.wabaId);
  const customer = state.businesses.get(dest.ownerBusinessId);
  const { cannotMigrate, twoStepOrOwnership } = MIGRATION_SUBCODES;
  if (phone.isTestNumber) {
    return migrationError(
      cannotMigrate,
      "There was an error migrating this phone number.",
      "Meta test numbers cannot be migrated.",
    );
  }
  if (phone.twoStepEnabled) {
    return migrationError(
      twoStepOrOwnership,
      "Please ensure two-step authentication is disabled.",
      "Two-step verification must be disabled on the number before it can migrate.",
    );
  }
  if (phone.name_status !== "APPROVED") {
    return migrationError(
      cannotMigrate,
      "Registered name should be present and approved.",
      `name_status is ${phone.name_status}; it must be APPROVED.`,
    );
  }
  if (phone.new_name_status === "PENDING_REVIEW") {
    return migrationError(
      cannotMigrate,
      "Registered name should be present and approved.",
      "A display name change is pending review.",
    );
  }
  if (customer?.verification_status !== "verified") {
    return migrationError(
      cannotMigrate,
      "There was an error migrating this phone number.",
      "The customer's business portfolio must be verified.",
    );
  }
  if (source === undefined || source.account_review_status !== "APPROVED") {
    return migrationError(
      cannotMigrate,
      "Your WhatsApp account must be approved",
      "The source WhatsApp Business Account must be approved.",
    );
  }
  if (!source.hasPaymentMethod) {
    return migrationError(
      cannotMigrate,
      "Your WhatsApp account does not have a payment account.",
      "The source WhatsApp Business Account has no valid payment method.",
    );
  }
  // Each guide sets the rule for its own path. The Embedded Signup guide asks for "at least one app
  // subscribed to webhooks on the destination WABA" whatever the source runs on (facts line 148);
  // only the programmatic guide says "for Cloud API numbers" (line 159, and its older copy: "If
  // source is Cloud API", line 175).
  const needsSubscribedApp = via === "embedded_signup" || phone.platform_type === "CLOUD_API";
  if (needsSubscribedApp && dest.subscriptions.length === 0) {
    return migrationError(
      cannotMigrate,
      "Cannot migrate phone number.",
      "Subscribe an app to webhooks on the destination WhatsApp Business Account first.",
    );
  }
  return undefined;
}
