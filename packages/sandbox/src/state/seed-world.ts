import { WEBHOOK_FIELDS } from "@wa-migrate/contracts";
import type { SandboxState } from "./sandbox-state.js";
import { SOURCE_TEMPLATES, type TemplateSeed } from "./seed-templates.js";
import type { TemplateRecord, WabaRecord } from "./types.js";

const DAY = 86_400_000;

/**
 * Seeds the default world (the `happy` scenario before its own tweaks): the partner with its app,
 * system user and credit line; a verified customer portfolio owning an approved source WABA with a
 * payment method, 12 templates and one registered Cloud API number ready to migrate.
 *
 * @example
 * const state = new SandboxState(createRng(1));
 * seedWorld(state, Date.now());
 */
export function seedWorld(state: SandboxState, now: number): void {
  const partnerBusinessId = state.newId();
  state.businesses.set(partnerBusinessId, {
    id: partnerBusinessId,
    name: "Lucky Shrub Partners",
    verification_status: "verified",
  });
  const appId = state.newId();
  state.partner = {
    businessId: partnerBusinessId,
    app: {
      id: appId,
      name: "Lucky Shrub Connect",
      secret: state.rng.alnum(32).toLowerCase(),
      callbackUrl: "http://127.0.0.1:8787/webhooks",
      verifyToken: `verify-${state.rng.alnum(12)}`,
      // What a partner app ticks in the App Dashboard: messages plus every field the kit listens to.
      subscribedFields: ["messages", ...WEBHOOK_FIELDS],
    },
    systemUserId: state.newId(),
    systemToken: state.newToken(),
    creditLineId: state.newId(16),
    legalEntityName: "Lucky Shrub Partners Ltd",
    configIds: { v2: state.newId(), v3: state.newId(), v4: state.newId() },
  };
  state.tokens.set(state.partner.systemToken, {
    value: state.partner.systemToken,
    type: "SYSTEM_USER",
    appId,
    userId: state.partner.systemUserId,
    expiresAt: 0,
    scopes: ["business_management", "whatsapp_business_management", "whatsapp_business_messaging"],
    granularScopes: [],
    businessId: partnerBusinessId,
  });

  const customerId = state.newId();
  state.businesses.set(customerId, {
    id: customerId,
    name: "Wind & Wool",
    verification_status: "verified",
  });
  const oldPartnerId = state.newId();
  state.businesses.set(oldPartnerId, {
    id: oldPartnerId,
    name: "Previous Partner Inc",
    verification_status: "verified",
  });

  const source = createWaba(state, customerId, "Wind & Wool", now - 400 * DAY);
  state.wabas.set(source.id, source);
  // The old partner's app is subscribed to the source WABA; the new partner has no access yet.
  source.subscriptions.push({
    appId: state.newId(),
    overrideCallbackUri: undefined,
    verifyToken: undefined,
  });

  const phoneId = state.newId();
  state.phones.set(phoneId, {
    id: phoneId,
    wabaId: source.id,
    cc: "1",
    phoneNumber: "6315551234",
    display_phone_number: "+1 631-555-1234",
    verified_name: "Wind & Wool",
    quality_rating: "GREEN",
    code_verification_status: "VERIFIED",
    name_status: "APPROVED",
    new_name_status: "NONE",
    requestedName: undefined,
    status: "CONNECTED",
    platform_type: "CLOUD_API",
    is_official_business_account: true,
    account_mode: "LIVE",
    messagingLimit: "TIER_10K",
    throughputLevel: "STANDARD",
    isTestNumber: false,
    twoStepEnabled: false,
    pin: undefined,
    registrationRequests: [],
    lastOnboardedTime: now - 300 * DAY,
    dataLocalizationRegion: undefined,
    migration: undefined,
    verificationCode: undefined,
  });
  addTemplates(state, source.id, SOURCE_TEMPLATES, now - 30 * DAY);
  state.customer = {
    businessId: customerId,
    sourceWabaId: source.id,
    phoneId,
    oldPartnerBusinessId: oldPartnerId,
  };
}

/** A new WABA record (not stored): approved, USD, payment method, no subscriptions. */
export function createWaba(
  state: SandboxState,
  ownerBusinessId: string,
  name: string,
  creationTime: number,
): WabaRecord {
  const id = state.newId();
  const hex = () => state.rng.alnum(4).toLowerCase();
  return {
    id,
    name,
    ownerBusinessId,
    onBehalfOfBusinessId: undefined,
    account_review_status: "APPROVED",
    currency: "USD",
    timezone_id: "1",
    message_template_namespace: `${hex()}${hex()}_${hex()}_${hex()}_${hex()}_${hex()}${hex()}${hex()}`,
    primary_funding_id: undefined,
    hasPaymentMethod: true,
    subscriptions: [],
    partnerBusinessIds: [],
    assignedUsers: [],
    creationTime,
  };
}

/** Adds templates to a WABA (ids in creation order). */
export function addTemplates(
  state: SandboxState,
  wabaId: string,
  seeds: readonly TemplateSeed[],
  date: number,
): TemplateRecord[] {
  return seeds.map(([name, language, category, status, score]) => {
    const template: TemplateRecord = {
      id: state.newId(16),
      wabaId,
      name,
      language,
      category,
      status,
      quality: { score, date: Math.floor(date / 1000) },
      rejectedReason: status === "REJECTED" ? "INVALID_FORMAT" : undefined,
      components: [{ type: "BODY", text: `${name.replaceAll("_", " ")}: {{1}}` }],
      copiedFromId: undefined,
    };
    state.templates.set(template.id, template);
    return template;
  });
}
