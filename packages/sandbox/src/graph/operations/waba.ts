import type { Sandbox } from "../../engine/sandbox.js";
import { MIGRATION_SUBCODES, migrationBlocker } from "../../rules/migration-rules.js";
import { requireWaba } from "../auth.js";
import { type EdgeMap, type EdgeSelection, selectFields } from "../fields.js";
import { apiError, GraphError, missingParam } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { edgeUrl, paginate } from "../paging.js";
import { bool, type Params, str } from "../params.js";
import { PHONE_DEFAULT_FIELDS, phoneFields, WABA_DEFAULT_FIELDS, wabaFields } from "../render.js";
import { templatePage } from "./templates.js";
import { wabaUsage } from "./waba-usage.js";

/**
 * One page of a WABA's `phone_numbers` edge (facts §3.13), rendered with `params.fields`: newest
 * onboarding first; numbers on their way in are listed too. Read directly or through field expansion.
 *
 * @example
 * const { data, paging } = phonePage(sandbox, wabaId, { limit: "100" }, url);
 */
export function phonePage(
  sandbox: Sandbox,
  wabaId: string,
  params: Params,
  url: URL,
): { data: Record<string, unknown>[]; paging?: Record<string, unknown> } {
  const ascending = (str(params, "sort") ?? "").includes("asc");
  const phones = sandbox.state
    .phonesOf(wabaId)
    .sort((a, b) => (ascending ? 1 : -1) * (a.lastOnboardedTime - b.lastOnboardedTime));
  const fields = str(params, "fields");
  const rendered = phones.map((p) =>
    selectFields(
      fields,
      PHONE_DEFAULT_FIELDS,
      phoneFields(sandbox, p),
      "WhatsAppBusinessPhoneNumber",
    ),
  );
  return paginate(rendered, params, url, 25);
}

/**
 * The WABA's edges for field expansion (`?fields=phone_numbers.limit(n){...}`): the same pages
 * as `GET /{waba}/{edge}`, with a `paging.next` that is that edge's URL, so fetching it goes on
 * where the nested page ended. An edge with nothing to list is left out, as Graph does.
 */
function wabaEdges(ctx: OperationContext, wabaId: string): EdgeMap {
  const nested = (
    edge: string,
    page: (sandbox: Sandbox, id: string, params: Params, url: URL) => { data: unknown[] },
  ) => {
    return (selection: EdgeSelection) => {
      const url = edgeUrl(ctx.request, wabaId, edge, selection);
      const params = Object.fromEntries(url.searchParams);
      const result = page(ctx.sandbox, wabaId, params, url);
      return result.data.length === 0 ? undefined : result;
    };
  };
  return {
    phone_numbers: nested("phone_numbers", phonePage),
    message_templates: nested("message_templates", templatePage),
  };
}

/** `GET /{waba-id}` (facts §3.14), with field expansion of its `phone_numbers` and `message_templates` edges. */
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
        wabaEdges(ctx, waba.id),
      ),
    };
  },
};

/** `GET /{waba-id}/phone_numbers` (facts §3.13). */
export const getPhoneNumbers: Operation = {
  name: "getWhatsAppBusinessAccountPhoneNumbers",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const page = phonePage(ctx.sandbox, ctx.nodeId, ctx.params, new URL(ctx.request.url));
    return { body: page.paging ? page : { data: page.data } };
  },
};

/**
 * `POST /{waba-id}/phone_numbers` (facts §2.2, §3.7): with `migrate_phone_number=true`, starts a
 * programmatic migration after Meta's checks; without it, adds a new unverified number.
 */
export const createPhoneNumber: Operation = {
  name: "createWhatsAppBusinessAccountPhoneNumber",
  // Meta's WABA rate limit lists only `GET /<WABA>/phone_numbers` (see `wabaUsage`): not charged.
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
      const blocker = migrationBlocker(state, existing, dest, "programmatic");
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
