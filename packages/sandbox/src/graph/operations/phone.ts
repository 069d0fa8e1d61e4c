import type { PhoneRecord } from "../../state/types.js";
import { canManageWaba, requireToken } from "../auth.js";
import { selectFields } from "../fields.js";
import { apiError, invalidParam, unsupportedRequest } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { requireStr, str } from "../params.js";
import { PHONE_DEFAULT_FIELDS, phoneFields } from "../render.js";
import { setPhoneWebhookOverride } from "./set-phone-webhook-override.js";

/**
 * Charges `GET /{phone-number-id}`, the one phone endpoint in Meta's WABA rate-limit list (see
 * `wabaUsage`), to the WABA the number belongs to.
 */
export const phoneUsage: Operation["usage"] = (ctx) => {
  const phone = ctx.sandbox.state.phones.get(ctx.nodeId);
  return phone ? { kind: "waba", id: phone.wabaId } : undefined;
};

/**
 * The number, if the token manages its WABA or the WABA it is moving to (Graph answers 100/33 otherwise).
 *
 * @example
 * const phone = requirePhone(ctx);
 */
export function requirePhone(ctx: OperationContext): PhoneRecord {
  const token = requireToken(ctx);
  const phone = ctx.sandbox.state.phones.get(ctx.nodeId);
  const visible =
    phone &&
    (canManageWaba(token, phone.wabaId) ||
      (phone.migration !== undefined && canManageWaba(token, phone.migration.destWabaId)));
  if (!phone || !visible) throw unsupportedRequest(ctx.method, ctx.nodeId);
  return phone;
}

/** Six digits, as `register` and the PIN endpoint demand. */
export function requirePin(ctx: OperationContext): string {
  const pin = requireStr(ctx.params, "pin");
  if (!/^\d{6}$/.test(pin)) throw invalidParam("pin", "must be a 6-digit number");
  return pin;
}

/** `GET /{phone-number-id}` (facts §3.12). */
export const getPhone: Operation = {
  name: "getPhoneNumberById",
  usage: phoneUsage,
  run(ctx) {
    const phone = requirePhone(ctx);
    const fields = phoneFields(ctx.sandbox, phone);
    return {
      body: selectFields(
        str(ctx.params, "fields"),
        PHONE_DEFAULT_FIELDS,
        fields,
        "WhatsAppBusinessPhoneNumber",
      ),
    };
  },
};

/**
 * `POST /{phone-number-id}` with `pin` (sets or changes the two-step PIN, facts §3.11) and/or
 * `webhook_configuration` (the number's alternate callback, facts §3.6); Meta's OpenAPI: "All
 * parameters are optional and can be combined in a single request". Both are checked before
 * either is applied, so a refused callback leaves the PIN alone.
 */
export const updatePhone: Operation = {
  name: "updatePhoneNumberStatus",
  // Not in Meta's WABA rate-limit list (see `wabaUsage`): not charged.
  async run(ctx) {
    const phone = requirePhone(ctx);
    const token = requireToken(ctx);
    if (token.type === "APP") throw unsupportedRequest(ctx.method, ctx.nodeId);
    const configuration = ctx.params.webhook_configuration;
    if (ctx.params.pin === undefined && configuration === undefined)
      throw apiError(100, { details: "Nothing to update: pass pin or webhook_configuration" });
    const pin = ctx.params.pin === undefined ? undefined : requirePin(ctx);
    if (configuration !== undefined)
      await setPhoneWebhookOverride(ctx, phone, token, configuration);
    if (pin !== undefined) {
      phone.pin = pin;
      phone.twoStepEnabled = true;
    }
    return { body: { success: true } };
  },
};

/** `POST /{phone-number-id}/request_code` (facts §3.8). */
export const requestCode: Operation = {
  name: "requestVerificationCode",
  // Not in Meta's WABA rate-limit list (see `wabaUsage`): not charged.
  run(ctx) {
    const phone = requirePhone(ctx);
    const method = requireStr(ctx.params, "code_method");
    if (method !== "SMS" && method !== "VOICE")
      throw invalidParam("code_method", "must be SMS or VOICE");
    requireStr(ctx.params, "language");
    const pendingProgrammatic = phone.migration?.via === "programmatic";
    if (phone.status === "CONNECTED" && !pendingProgrammatic) {
      throw apiError(136024, {
        subcode: 2388091,
        userMsg:
          "This phone number is not eligible to receive a registration code since it is not being migrated.",
      });
    }
    phone.verificationCode = ctx.sandbox.state.rng.digits(6);
    return { body: { success: true } };
  },
};

/** `POST /{phone-number-id}/verify_code` (facts §3.8). */
export const verifyCode: Operation = {
  name: "verifyPhoneNumberCode",
  // Not in Meta's WABA rate-limit list (see `wabaUsage`): not charged.
  run(ctx) {
    const phone = requirePhone(ctx);
    const code = requireStr(ctx.params, "code");
    if (!phone.verificationCode) {
      throw apiError(136024, {
        subcode: 2388093,
        userMsg:
          "This phone number is not eligible to verify a registration code since it is not being migrated.",
      });
    }
    if (code !== phone.verificationCode)
      throw apiError(100, { details: "The verification code is incorrect." });
    phone.verificationCode = undefined;
    phone.code_verification_status = "VERIFIED";
    if (phone.migration) phone.migration.ownershipVerified = true;
    return { body: { success: true } };
  },
};
