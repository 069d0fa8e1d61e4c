import { completeMigration } from "../../rules/complete-migration.js";
import { MIGRATION_SUBCODES, migrationBlocker } from "../../rules/migration-rules.js";
import type { PhoneRecord } from "../../state/types.js";
import { apiError, invalidParam, missingParam } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { str } from "../params.js";
import { requirePhone, requirePin } from "./phone.js";

/** 10 register/deregister requests per number per 72 h moving window (facts §3.9, §3.10). */
export const REGISTRATION_LIMIT = 10;
export const REGISTRATION_WINDOW_MS = 72 * 3_600_000;
/** How long a number that went over the limit may not register or deregister (facts §3.9). */
export const REGISTRATION_BLOCK_MS = 72 * 3_600_000;

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

/** Whether the number is serving a 133016 block at the sandbox's current time. */
function isBlocked(ctx: OperationContext, phone: PhoneRecord): boolean {
  const until = phone.registrationBlockedUntil;
  return until !== undefined && ctx.sandbox.clock.now() < until;
}

function rateLimited(until: number) {
  return apiError(133016, {
    details: `Too many register or deregister requests for this number: it is blocked from registering until ${new Date(until).toISOString()}.`,
  });
}

/**
 * Checks the limit and counts this request. A refused request is not counted, and a request
 * refused during a block does not extend it: the facts only say what going over the limit does.
 */
function chargeRegistration(ctx: OperationContext, phone: PhoneRecord): void {
  const now = ctx.sandbox.clock.now();
  if (isBlocked(ctx, phone)) throw rateLimited(phone.registrationBlockedUntil as number);
  const recent = recentRequests(ctx, phone);
  if (recent.length >= REGISTRATION_LIMIT) {
    // Facts §3.9 (line 314): "10 register requests per number per 72 h moving window → error
    // 133016, number blocked from registering for 72 h." The error and the block are both what
    // going over the limit causes, so the block starts at the refused request (the 11th), not at
    // the 10th, which Meta accepted. Deregister has the "same 10/72 h limit → 133016" (§3.10,
    // line 318) and Meta names one "Register/deregister rate limit" (§4.2, line 445): one count,
    // one block for both, as the facts do not say a deregister block spares register.
    phone.registrationBlockedUntil = now + REGISTRATION_BLOCK_MS;
    throw rateLimited(phone.registrationBlockedUntil);
  }
  phone.registrationBlockedUntil = undefined;
  phone.registrationRequests = [...recent, now];
}

/**
 * A request that reached registration and failed there (an injected error, 5xx or lost answer)
 * still counts: Meta limits requests, not successes (facts §3.9). One the limit would have refused
 * (during a block, or with 10 already in the window) is not counted, like a 133016.
 */
function countFailedRequest(ctx: OperationContext): void {
  const phone = ctx.sandbox.state.phones.get(ctx.nodeId);
  if (!phone || isBlocked(ctx, phone)) return;
  const recent = recentRequests(ctx, phone);
  if (recent.length < REGISTRATION_LIMIT)
    phone.registrationRequests = [...recent, ctx.sandbox.clock.now()];
}

/**
 * `POST /{phone-number-id}/register` (facts §3.9). On a number moving to a new WABA this is the
 * step that completes the migration, after Meta's rules (see `migrationBlocker`).
 */
export const register: Operation = {
  name: "registerWhatsAppBusinessPhoneNumber",
  // No `usage`: register is not in the WABA rate limit's list (see `wabaUsage`); its own limit
  // is the 10 per 72 h above.
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
      const blocker = migrationBlocker(state, phone, dest, phone.migration.via);
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
  // No `usage`, as for register.
  onFault: countFailedRequest,
  run(ctx) {
    const phone = requirePhone(ctx);
    chargeRegistration(ctx, phone);
    phone.status = "DISCONNECTED";
    phone.dataLocalizationRegion = undefined;
    return { body: { success: true } };
  },
};
