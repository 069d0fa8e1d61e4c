import type { Sandbox } from "../engine/sandbox.js";
import { completeMigration } from "../rules/complete-migration.js";
import type { PopupFacts } from "../scenarios/scenarios.js";
import { bulkTemplates } from "../state/seed-templates.js";
import { addTemplates, createWaba } from "../state/seed-world.js";
import type { PhoneRecord } from "../state/types.js";
import { accountUpdateValue } from "../webhooks/webhook-payloads.js";
import { popupRefusal } from "./popup-refusal.js";

/**
 * What finishing Embedded Signup hands the page: the code and the ids of the message event.
 *
 * @example
 * const outcome = completeSignup(sandbox, {});
 * if (outcome.ok) { const { code, waba_id, phone_number_id }: SignupResult = outcome.result; }
 */
export interface SignupResult {
  /** The single-use code for `GET /oauth/access_token` (30 s, bound to the business token). */
  code: string;
  waba_id: string;
  /** Absent for `FINISH_ONLY_WABA`. */
  phone_number_id?: string;
  business_id: string;
}

/**
 * Input of {@link completeSignup}.
 *
 * @example
 * const input: SignupInput = { phone: "+1 631-555-1234", force: true, wabaName: "Acme (new)" };
 * completeSignup(sandbox, input);
 */
export interface SignupInput {
  /** The number the customer entered: a phone-number id, or digits with country code ("16315551234"). Default: the scenario's number. */
  phone?: string;
  /** Default: the scenario's `popup.finishEvent`. `FINISH_ONLY_WABA` shares a WABA without a number. */
  finishEvent?: PopupFacts["finishEvent"];
  /** Finish even when the scenario's popup would show an error (to test Graph's own checks). */
  force?: boolean;
  /** Name of the new WABA (the popup's profile screen); default the customer's business name. */
  wabaName?: string;
  /** The dialog's `redirect_uri` when it ran as a full page; the code exchange must repeat it. */
  redirectUri?: string;
}

/**
 * Either the signup finished, or the popup stops on the scenario's error screen.
 *
 * @example
 * const outcome: SignupOutcome = completeSignup(sandbox, { finishEvent: "FINISH_ONLY_WABA" });
 * if (!outcome.ok) console.log(outcome.error.error_message);
 */
export type SignupOutcome =
  | { ok: true; result: SignupResult }
  | {
      ok: false;
      error:
        | NonNullable<PopupFacts["error"]>
        | { current_step: "PHONE_NUMBER_SETUP"; error_message: string; error_id: string };
    };

function findPhone(sandbox: Sandbox, phone: string | undefined): PhoneRecord | undefined {
  const { state } = sandbox;
  if (phone === undefined) return state.phones.get(state.customer.phoneId);
  const digits = phone.replace(/\D/g, "");
  return (
    state.phones.get(phone) ??
    [...state.phones.values()].find((p) => `${p.cc}${p.phoneNumber}` === digits)
  );
}

/**
 * The Meta-side effects of a customer finishing Embedded Signup (used by `POST /__sandbox/signups`
 * and by the popup pages): creates the destination WABA in the customer's portfolio, grants the
 * partner app `whatsapp_business_management` / `whatsapp_business_messaging` on it (newest first in
 * `debug_token`, plus the source WABA when the scenario shares it), mints a single-use 30 s code
 * bound to a new business token, marks the number as moving to the new WABA, and sends
 * `account_update` PARTNER_ADDED and PARTNER_APP_INSTALLED to the app's callback.
 *
 * @example
 * const outcome = completeSignup(sandbox, {});
 * if (outcome.ok) console.log(outcome.result.code, outcome.result.waba_id);
 * else console.log(outcome.error.error_message); // the popup's error screen
 */
export function completeSignup(sandbox: Sandbox, input: SignupInput = {}): SignupOutcome {
  const { state, scenario, clock } = sandbox;
  const finishEvent = input.finishEvent ?? scenario.popup.finishEvent;
  const phone = finishEvent === "FINISH" ? findPhone(sandbox, input.phone) : undefined;
  if (finishEvent === "FINISH" && !phone) {
    return {
      ok: false,
      error: {
        current_step: "PHONE_NUMBER_SETUP",
        error_message:
          "This phone number is not registered to a WhatsApp Business Account that can be moved.",
        error_id: "2388103",
      },
    };
  }
  const refusal = popupRefusal(sandbox, phone);
  if (refusal && !input.force) return { ok: false, error: refusal };

  const now = clock.now();
  const customerId = state.customer.businessId;
  const customerName = state.businesses.get(customerId)?.name ?? "";
  const dest = createWaba(state, customerId, input.wabaName ?? customerName, now);
  // No invoicing currency yet: the partner's credit share gives it one (`waba_currency`).
  dest.currency = undefined;
  state.wabas.set(dest.id, dest);
  if (scenario.destinationTemplates > 0)
    addTemplates(state, dest.id, bulkTemplates("kept_notice", scenario.destinationTemplates), now);
  if (scenario.exhaustWabaUsage) sandbox.exhaustUsage(dest.id);

  // Newest first: the destination, then the source when the customer shares it too.
  const shared = [dest.id];
  if (scenario.grantsSourceWaba && finishEvent === "FINISH")
    shared.push(state.customer.sourceWabaId);
  const app = state.partner.app;
  const token = state.newToken();
  state.tokens.set(token, {
    value: token,
    type: "USER",
    appId: app.id,
    userId: state.newId(),
    expiresAt: scenario.businessTokenExpired ? now : 0,
    scopes: ["whatsapp_business_management", "whatsapp_business_messaging", "public_profile"],
    granularScopes: [
      { scope: "whatsapp_business_management", target_ids: shared },
      { scope: "whatsapp_business_messaging", target_ids: shared },
    ],
    businessId: customerId,
  });
  // What the customer shared goes to the partner's portfolio. The partner's system user gets no
  // access by that: the partner adds it with `POST /{waba-id}/assigned_users`, which Meta names
  // as the prerequisite of `whatsapp_credit_sharing_and_attach` after Embedded Signup.
  for (const id of shared) {
    const waba = state.wabas.get(id);
    if (waba && !waba.partnerBusinessIds.includes(state.partner.businessId))
      waba.partnerBusinessIds.push(state.partner.businessId);
  }
  const code = `AQ${state.rng.alnum(180)}`;
  state.codes.set(code, {
    code,
    appId: app.id,
    token,
    createdAt: now,
    usedAt: undefined,
    redirectUri: input.redirectUri,
  });

  if (phone) {
    phone.migration = {
      destWabaId: dest.id,
      via: "embedded_signup",
      ownershipVerified: true,
    };
    if (scenario.alreadyRegisteredPin) {
      // pin-mismatch: an earlier attempt already registered the number with this PIN.
      dest.subscriptions.push({
        appId: app.id,
        overrideCallbackUri: undefined,
        verifyToken: undefined,
      });
      phone.twoStepEnabled = true;
      phone.pin = scenario.alreadyRegisteredPin;
      phone.registrationRequests.push(now);
      completeMigration(sandbox, phone);
    }
  }

  const partnerBusinessId = state.partner.businessId;
  for (const event of ["PARTNER_ADDED", "PARTNER_APP_INSTALLED"] as const) {
    sandbox.webhooks.send(
      partnerBusinessId,
      dest.id,
      "account_update",
      accountUpdateValue(event, dest.id, customerId, app.id),
    );
  }
  const result: SignupResult = { code, waba_id: dest.id, business_id: customerId };
  if (phone) result.phone_number_id = phone.id;
  return { ok: true, result };
}
