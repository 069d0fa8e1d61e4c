import { MIGRATION_SUBCODES, migrationBlocker } from "../../rules/migration-rules.js";
import { requireWaba } from "../auth.js";
import { selectFields } from "../fields.js";
import { apiError, GraphError, missingParam } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { paginate } from "../paging.js";
import { bool, str } from "../params.js";
import { PHONE_DEFAULT_FIELDS, phoneFields, WABA_DEFAULT_FIELDS, wabaFields } from "../render.js";

/** Charges WABA-scoped calls to the node's hourly budget (facts §4.4). */
export const wabaUsage: Operation["usage"] = (ctx) => ({ kind: "waba", id: ctx.nodeId });

/** `GET /{waba-id}` (facts §3.14). */
export const getWaba: Operation = {
  name: "getWhatsAppBusinessAccountDetails",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const waba = ctx.sandbox.state.wabas.get(ctx.nodeId);
    if (!waba) throw new Error("routed to a missing WABA");
    const fields = wabaFields(ctx.sandbox, waba);
    return {
      body: selectFields(
        str(ctx.params, "fields"),
        WABA_DEFAULT_FIELDS,
        fields,
        "WhatsAppBusinessAccount",
      ),
    };
  },
};

/** `GET /{waba-id}/phone_numbers` (facts §3.13): newest onboarding first; numbers on their way in are listed too. */
export const getPhoneNumbers: Operation = {
  name: "getWhatsAppBusinessAccountPhoneNumbers",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const ascending = (str(ctx.params, "sort") ?? "").includes("asc");
    const phones = ctx.sandbox.state
      .phonesOf(ctx.nodeId)
      .sort((a, b) => (ascending ? 1 : -1) * (a.lastOnboardedTime - b.lastOnboardedTime));
    const fields = str(ctx.params, "fields");
    const rendered = phones.map((p) =>
      selectFields(
        fields,
        PHONE_DEFAULT_FIELDS,
        phoneFields(ctx.sandbox, p),
        "WhatsAppBusinessPhoneNumber",
      ),
    );
    const page = paginate(rendered, ctx.params, new URL(ctx.request.url), 25);
    return { body: page.paging ? page : { data: page.data } };
  },
};

/**
 * `POST /{waba-id}/phone_numbers` (facts §2.2, §3.7): with `migrate_phone_number=true`, starts a
 * programmatic migration after Meta's checks; without it, adds a new unverified number.
 */
export const createPhoneNumber: Operation = {
  name: "createWhatsAppBusinessAccountPhoneNumber",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const { state } = ctx.sandbox;
    const dest = state.wabas.get(ctx.nodeId);
    if (!dest) throw new Error("routed to a missing WABA");
    const cc = str(ctx.params, "cc");
    const number = str(ctx.params, "phone_number");
    if (!cc) throw missingParam("cc");
    if (!number) throw missingParam("phone_number");
    if (!/^\d{1,4}$/.test(cc) || !/^\d{4,15}$/.test(number)) {
      throw apiError(100, {
        details:
          "cc and phone_number must be digits, without + or the country code in phone_number",
      });
    }
    const existing = [...state.phones.values()].find(
      (p) => p.cc === cc && p.phoneNumber === number,
    );
    if (bool(ctx.params, "migrate_phone_number")) {
      if (!existing) {
        throw apiError(100, {
          subcode: MIGRATION_SUBCODES.cannotMigrate,
          userTitle: "Cannot migrate phone number",
          userMsg: "Please add this phone number in your WhatsApp account",
          details: "The number is not registered with another WhatsApp Business Account.",
        });
      }
      if (existing.wabaId === dest.id) {
        throw apiError(100, {
          subcode: MIGRATION_SUBCODES.alreadyInWaba,
          userMsg: "This phone number already exists in your list of phone numbers.",
        });
      }
      const blocker = migrationBlocker(state, existing, dest);
      if (blocker) throw blocker;
      existing.migration = { destWabaId: dest.id, via: "programmatic", ownershipVerified: false };
      return { body: { id: existing.id } };
    }
    if (existing) {
      throw apiError(100, {
        subcode: MIGRATION_SUBCODES.alreadyInWaba,
        userMsg: "This phone number already exists in your list of phone numbers.",
      });
    }
    const verifiedName = str(ctx.params, "verified_name");
    if (!verifiedName) throw missingParam("verified_name");
    const id = state.newId();
    state.phones.set(id, {
      id,
      wabaId: dest.id,
      cc,
      phoneNumber: number,
      display_phone_number: `+${cc} ${number}`,
      verified_name: verifiedName,
      quality_rating: "UNKNOWN",
      code_verification_status: "NOT_VERIFIED",
      name_status: "PENDING_REVIEW",
      new_name_status: "NONE",
      requestedName: undefined,
      status: "PENDING",
      platform_type: "NOT_APPLICABLE",
      is_official_business_account: false,
      account_mode: "LIVE",
      messagingLimit: "TIER_250",
      throughputLevel: "STANDARD",
      isTestNumber: false,
      twoStepEnabled: false,
      pin: undefined,
      registrationRequests: [],
      lastOnboardedTime: ctx.sandbox.clock.now(),
      dataLocalizationRegion: undefined,
      migration: undefined,
      verificationCode: undefined,
    });
    return { body: { id } };
  },
};

/** Graph's answer to an edge that does not exist on a node. */
export function unknownEdge(edge: string): GraphError {
  return new GraphError({
    code: 2500,
    type: "OAuthException",
    message: `Unknown path components: /${edge}`,
  });
}
