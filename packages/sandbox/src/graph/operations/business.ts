import { requireToken } from "../auth.js";
import { selectFields, unmodelled } from "../fields.js";
import { unsupportedRequest } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { str } from "../params.js";

/** Codegen fields of Business the sandbox accepts but does not model. */
const BUSINESS_UNMODELLED = [
  "block_offline_analytics",
  "collaborative_ads_managed_partner_business_info",
  "collaborative_ads_managed_partner_eligibility",
  "collaborative_ads_partner_premium_options",
  "created_by",
  "created_time",
  "extended_updated_time",
  "is_hidden",
  "marketing_messages_onboarding_status",
  "payment_account_id",
  "primary_page",
  "profile_picture_uri",
  "two_factor_type",
  "updated_by",
  "updated_time",
  "user_access_expire_time",
  "vertical",
  "vertical_id",
  "whatsapp_business_manager_messaging_limit",
];

/** `GET /{business-id}?fields=...` (facts §3.15). */
export const getBusiness: Operation = {
  name: "getBusinessPortfolioSpecificFields",
  run(ctx) {
    const token = requireToken(ctx);
    const business = ctx.sandbox.state.businesses.get(ctx.nodeId);
    const allowed =
      token.type !== "APP" && (token.businessId === ctx.nodeId || token.type === "SYSTEM_USER");
    if (!business || !allowed) throw unsupportedRequest(ctx.method, ctx.nodeId);
    return {
      body: selectFields(
        str(ctx.params, "fields"),
        ["id", "name"],
        {
          id: () => business.id,
          name: () => business.name,
          verification_status: () => business.verification_status,
          timezone_id: () => 1,
          link: () => `https://business.facebook.com/settings/info?business_id=${business.id}`,
          ...unmodelled(BUSINESS_UNMODELLED),
        },
        "Business",
      ),
    };
  },
};
