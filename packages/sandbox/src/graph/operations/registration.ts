import { completeMigration } from "../../rules/complete-migration.js";
import { MIGRATION_SUBCODES, migrationBlocker } from "../../rules/migration-rules.js";
import type { PhoneRecord } from "../../state/types.js";
import { apiError, invalidParam, missingParam } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { str } from "../params.js";
import { phoneUsage, requirePhone, requirePin } from "./phone.js";

/** 10 register/deregister requests per number per 72 h moving window (facts §3.9). */
export const REGISTRATION_LIMIT = 10;
export const REGISTRATION_WINDOW_MS = 72 * 3_600_000;

/** Data localization regions Meta lists for `register` (facts §3.9). */
export const LOCALIZATION_REGIONS = [
  "AU",
  "ID",
  "IN",
  "JP",
  "SG",
  "KR",
  "DE",
  "CH",
  "GB",
  "BR",
  "BH",
  "ZA",
  "AE",
  "CA",
];

/** The number's requests still inside the 72 h window. */
function recentRequests(ctx: OperationContext, phone: PhoneRecord): number[] {
  const now = ctx.sandbox.clock.now();
  return phone.registrationRequests.filter((t) => now - t < REGISTRATION_WINDOW_MS);
}

/** Checks the 72 h window and counts this request (a refused request is not counted). */
function chargeRegistration(ctx: OperationContext, phone: PhoneRecord): void {
  const now = ctx.sandbox.clock.now();
  const recent = recentRequests(ctx, phone);
  if (recent.length >= REGISTRATION_LIMIT) {
    throw apiError(133016, {
      details:
        "Too many register or deregister requests for this number: wait until the 72 hour window allows another.",
    });
  }
  phone.registrationRequests = [...recent, now];
}

/**
 * A request that reached registration and failed there (an injected error, 5xx or lost answer)
 * still counts: Meta limits requests, not successes (facts §3.9).
 */
function countFailedRequest(ctx: OperationContext): void {
  const phone = ctx.sandbox.state.phones.get(ctx.nodeId);
  if (phone) phone.registrationRequests = [...recentRequests(ctx, phone), ctx.sandbox.clock.now()];
}

/**
 * `POST /{phone-number-id}/register` (facts §3.9). On a number moving to a new WABA this is the
 * step that completes the migration, after Meta's rules (see `migrationBlocker`).
 */
export const register: Operation = {
  name: "registerWhatsAppBusinessPhoneNumber",
  usage: phoneUsage,
  onFault: countFailedRequest,
  run(ctx) {
    const phone = requirePhone(ctx);
    const product = str(ctx.params, "messaging_product");
    if (!product) throw missingParam("messaging_product");
    if (product !== "whatsapp") throw invalidParam("messaging_product", "must be whatsapp");
    const pin = requirePin(ctx);
    const region = str(ctx.params, "data_localization_region");
    if (region !== undefined && !LOCALIZATION_REGIONS.includes(region)) {
      throw invalidParam(
        "data_localization_region",
        `must be one of ${LOCALIZATION_REGIONS.join(", ")}`,
      );
    }
    chargeRegistration(ctx, phone);
    const { state } = ctx.sandbox;
    if (phone.migration) {
      const dest = state.wabas.get(phone.migration.destWabaId);
      if (!dest) throw new Error("migration to a missing WABA");
      const blocker = migrationBlocker(state, phone, dest);
      if (blocker) throw blocker;
      if (!phone.migration.ownershipVerified) {
        throw apiError(100, {
          subcode: MIGRATION_SUBCODES.twoStepOrOwnership,
          userMsg: "Please confirm ownership of this phone number.",
          details: "Call request_code and verify_code first.",
        });
      }
    }
    if (phone.twoStepEnabled && phone.pin !== pin) {
      throw apiError(133005, {
        details: "The PIN does not match the number's two-step verification PIN.",
      });
    }
    if (!phone.twoStepEnabled) {
      phone.pin = pin;
      phone.twoStepEnabled = true;
    }
    if (region) phone.dataLocalizationRegion = region;
    if (phone.migration) completeMigration(ctx.sandbox, phone);
    else phone.status = "CONNECTED";
    return { body: { success: true } };
  },
};

/** `POST /{phone-number-id}/deregister` (facts §3.10). */
export const deregister: Operation = {
  name: "deregisterPhoneNumber",
  usage: phoneUsage,
  onFault: countFailedRequest,
  run(ctx) {
    const phone = requirePhone(ctx);
    chargeRegistration(ctx, phone);
    phone.status = "DISCONNECTED";
    phone.dataLocalizationRegion = undefined;
    return { body: { success: true } };
  },
};
