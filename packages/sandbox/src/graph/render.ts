import type { Sandbox } from "../engine/sandbox.js";
import type { PhoneRecord, TemplateRecord, WabaRecord } from "../state/types.js";
import type { FieldMap } from "./fields.js";

const seconds = (ms: number) => Math.floor(ms / 1000);
const isoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");

/** `GET /{phone}` default fields (Meta's OpenAPI). */
export const PHONE_DEFAULT_FIELDS = [
  "id",
  "display_phone_number",
  "verified_name",
  "quality_rating",
] as const;

/** A phone number's fields (facts §3.12). */
export function phoneFields(sandbox: Sandbox, phone: PhoneRecord): FieldMap {
  return {
    id: () => phone.id,
    display_phone_number: () => phone.display_phone_number,
    verified_name: () => phone.verified_name,
    quality_rating: () => phone.quality_rating,
    code_verification_status: () => phone.code_verification_status,
    name_status: () => phone.name_status,
    new_name_status: () => phone.new_name_status,
    status: () => phone.status,
    platform_type: () => phone.platform_type,
    is_official_business_account: () => phone.is_official_business_account,
    is_pin_enabled: () => phone.twoStepEnabled,
    account_mode: () => phone.account_mode,
    messaging_limit_tier: () => phone.messagingLimit,
    whatsapp_business_manager_messaging_limit: () => phone.messagingLimit,
    throughput: () => ({ level: phone.throughputLevel }),
    last_onboarded_time: () => isoTime(phone.lastOnboardedTime),
    is_on_biz_app: () => false,
    is_preverified_number: () => false,
    search_visibility: () => undefined,
    health_status: () => undefined,
    certificate: () => undefined,
    new_certificate: () => undefined,
    // Meta's order and precedence: the number's, the WABA's (only when set), the app's (facts §3.6).
    webhook_configuration: () => {
      const appId = sandbox.state.partner.app.id;
      const waba = sandbox.state.wabas.get(phone.wabaId);
      const sub = waba?.subscriptions.find((s) => s.appId === appId);
      const config: Record<string, string> = {};
      if (phone.webhookOverride?.appId === appId)
        config.phone_number = phone.webhookOverride.callbackUri;
      if (sub?.overrideCallbackUri) config.whatsapp_business_account = sub.overrideCallbackUri;
      if (sandbox.state.partner.app.callbackUrl)
        config.application = sandbox.state.partner.app.callbackUrl;
      return config;
    },
  };
}

/** `GET /{waba}` default fields (Meta's OpenAPI examples). */
export const WABA_DEFAULT_FIELDS = [
  "id",
  "name",
  "timezone_id",
  "message_template_namespace",
] as const;

/** A WABA's fields: every field of Meta's codegen list is accepted; unmodelled ones are left out. */
export function wabaFields(sandbox: Sandbox, waba: WabaRecord): FieldMap {
  const { state } = sandbox;
  const owner = state.businesses.get(waba.ownerBusinessId);
  const customer = state.businesses.get(waba.onBehalfOfBusinessId ?? waba.ownerBusinessId);
  const phones = state.phonesOf(waba.id).filter((p) => p.wabaId === waba.id);
  const none = () => undefined;
  return {
    id: () => waba.id,
    name: () => waba.name,
    account_review_status: () => waba.account_review_status,
    business_verification_status: () => customer?.verification_status,
    country: () => "US",
    creation_time: () => seconds(waba.creationTime),
    currency: () => waba.currency,
    timezone_id: () => waba.timezone_id,
    message_template_namespace: () => waba.message_template_namespace,
    primary_funding_id: () => waba.primary_funding_id,
    status: () => "ACTIVE",
    ownership_type: () => (waba.onBehalfOfBusinessId ? "CLIENT_OWNED" : "SELF"),
    owner_business_info: () => ({ name: owner?.name, id: waba.ownerBusinessId }),
    owner_business: () => ({ id: waba.ownerBusinessId, name: owner?.name }),
    on_behalf_of_business_info: () =>
      waba.onBehalfOfBusinessId
        ? { name: customer?.name, id: waba.onBehalfOfBusinessId, status: "APPROVED" }
        : { name: owner?.name, id: waba.ownerBusinessId, status: "APPROVED", type: "SELF" },
    is_shared_with_partners: () => waba.subscriptions.length > 0,
    whatsapp_business_manager_messaging_limit: () => phones[0]?.messagingLimit,
    analytics: none,
    auth_international_rate_eligibility: none,
    disable_marketing_messages_on_cloud_api: none,
    health_status: none,
    is_enabled_for_insights: none,
    linked_commerce_account: none,
    marketing_messages_lite_api_status: none,
    marketing_messages_onboarding_status: none,
    primary_business_location: none,
    purchase_order_number: none,
    template_auto_archival_enabled: none,
  };
}

/** Message template list default fields (Meta's Postman "default fields" examples). */
export const TEMPLATE_DEFAULT_FIELDS = [
  "name",
  "parameter_format",
  "components",
  "language",
  "status",
  "category",
  "id",
] as const;

/** A template's fields (facts §3.16); the id is a string in API responses. */
export function templateFields(template: TemplateRecord): FieldMap {
  return {
    id: () => template.id,
    name: () => template.name,
    language: () => template.language,
    status: () => template.status,
    category: () => template.category,
    components: () => structuredClone(template.components),
    parameter_format: () => "POSITIONAL",
    quality_score: () => ({ score: template.quality.score, date: template.quality.date }),
    rejected_reason: () => template.rejectedReason ?? "NONE",
    previous_category: () => undefined,
    sub_category: () => undefined,
  };
}
