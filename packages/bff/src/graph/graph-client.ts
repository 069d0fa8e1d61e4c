import {
  AllocationConfigListSchema,
  AllocationConfigSchema,
  AppSubscriptionsResponseSchema,
  AssignedUsersResponseSchema,
  BusinessSchema,
  CreditSharingResponseSchema,
  DebugTokenResponseSchema,
  ExtendedCreditsResponseSchema,
  MessageTemplateListSchema,
  MigrateTemplatesResponseSchema,
  PHONE_SNAPSHOT_FIELDS,
  PhoneNumberListSchema,
  PhoneNumberSchema,
  SubscribedAppsResponseSchema,
  SuccessResponseSchema,
  TokenExchangeResponseSchema,
  WabaSchema,
  WabasByIdSchema,
  WabaWithEdgesSchema,
} from "@wa-migrate/contracts";
import {
  ALLOCATION_FIELDS,
  DESTINATION_FIELDS,
  PAGE_SIZE,
  sourceFields,
  TEMPLATE_FIELDS,
  WABA_FIELDS,
} from "./graph-fields.js";
import { createGraphTransport, type GraphTransportOptions } from "./graph-transport.js";

/** The operation name of `register` in Graph errors: the one write Meta counts per number. */
export const REGISTER_OPERATION = "POST /{phone}/register";

/** Credentials and transport of the {@link GraphClient}. */
export interface GraphClientOptions extends GraphTransportOptions {
  appId: string;
  appSecret: string;
  /** The partner's system user token: credit line calls and debug_token. */
  systemToken: string;
}

/**
 * Every Graph operation the BFF uses, in one module. Each answer is parsed with the contracts
 * schema; failures are `GraphError`s.
 *
 * @example
 * const graph = createGraphClient({ fetch, appId, appSecret, systemToken });
 * const { access_token } = await graph.exchangeCode(code);
 */
export function createGraphClient(options: GraphClientOptions) {
  const send = createGraphTransport(options);
  const sys = options.systemToken;
  return {
    /**
     * `GET /oauth/access_token`: the Embedded Signup code for a business token. Retried on transient
     * errors: a code Meta already used then answers 36009 (code_used). `redirectUri` only for a code
     * from the Login dialog as a full page, which Meta binds to it (`FB.login` codes need none).
     */
    exchangeCode: (code: string, redirectUri?: string) =>
      send({
        method: "GET",
        path: "oauth/access_token",
        operation: "GET /oauth/access_token",
        query: {
          client_id: options.appId,
          client_secret: options.appSecret,
          code,
          ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
        },
        schema: TokenExchangeResponseSchema,
      }),
    /** `GET /debug_token` of `inputToken`, asked with the system token. */
    debugToken: (inputToken: string, token = sys) =>
      send({
        method: "GET",
        path: "debug_token",
        operation: "GET /debug_token",
        token,
        query: { input_token: inputToken },
        schema: DebugTokenResponseSchema,
      }),
    getPhone: (phoneId: string, token: string, fields: readonly string[] = PHONE_SNAPSHOT_FIELDS) =>
      send({
        method: "GET",
        path: phoneId,
        operation: "GET /{phone}",
        token,
        query: { fields: fields.join(",") },
        schema: PhoneNumberSchema,
      }),
    /** A page of `GET /{waba}/phone_numbers`: the pages after an expanded read's first one. */
    listPhones: (
      wabaId: string,
      token: string,
      after?: string,
      fields: readonly string[] = PHONE_SNAPSHOT_FIELDS,
    ) =>
      send({
        method: "GET",
        path: `${wabaId}/phone_numbers`,
        operation: "GET /{waba}/phone_numbers",
        token,
        query: { fields: fields.join(","), limit: PAGE_SIZE, ...(after ? { after } : {}) },
        schema: PhoneNumberListSchema,
      }),
    /** `GET /{waba}` with its fields and the first page of its numbers (field expansion). */
    getDestination: (wabaId: string, token: string) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: DESTINATION_FIELDS },
        schema: WabaWithEdgesSchema,
      }),
    /** `GET /{waba}` of a source: fields, first page of templates (and of number ids), one call. */
    getSource: (wabaId: string, token: string, withPhones: boolean) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: sourceFields(withPhones) },
        schema: WabaWithEdgesSchema,
      }),
    /**
     * `GET /?ids=a,b&fields=...`: several candidate sources in one call (Graph's multiple-id read,
     * at most 50 ids). Graph fails the whole read when one id cannot be read.
     */
    getSources: (wabaIds: readonly string[], token: string) =>
      send({
        method: "GET",
        path: "",
        operation: "GET /?ids={waba,...}",
        token,
        query: { ids: wabaIds.join(","), fields: sourceFields(true) },
        schema: WabasByIdSchema,
      }),
    getWaba: (wabaId: string, token: string, fields: readonly string[] = WABA_FIELDS) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: fields.join(",") },
        schema: WabaSchema,
      }),
    getBusiness: (businessId: string, token: string) =>
      send({
        method: "GET",
        path: businessId,
        operation: "GET /{business}",
        token,
        query: { fields: "id,name,verification_status" },
        schema: BusinessSchema,
      }),
    listCreditLines: (businessId: string) =>
      send({
        method: "GET",
        path: `${businessId}/extendedcredits`,
        operation: "GET /{business}/extendedcredits",
        token: sys,
        query: { fields: "id,legal_entity_name,is_access_revoked" },
        schema: ExtendedCreditsResponseSchema,
      }),
    shareCreditLine: (creditLineId: string, wabaId: string, currency: string) =>
      send({
        method: "POST",
        path: `${creditLineId}/whatsapp_credit_sharing_and_attach`,
        operation: "POST /{credit}/whatsapp_credit_sharing_and_attach",
        token: sys,
        query: { waba_currency: currency, waba_id: wabaId },
        schema: CreditSharingResponseSchema,
        idempotent: false,
      }),
    /**
     * `POST /{waba}/assigned_users?user=&tasks=['MANAGE']` with the system token: adds the
     * partner's system user to an account the customer shared, which Meta requires before
     * `whatsapp_credit_sharing_and_attach` ("Manage System Users"). Assigning again sets the same
     * tasks, so a retry is harmless.
     */
    assignSystemUser: (wabaId: string, systemUserId: string) =>
      send({
        method: "POST",
        path: `${wabaId}/assigned_users`,
        operation: "POST /{waba}/assigned_users",
        token: sys,
        query: { user: systemUserId, tasks: '["MANAGE"]' },
        schema: SuccessResponseSchema,
      }),
    /** `GET /{waba}/assigned_users?business=` with the system token (first page of 100). */
    listAssignedUsers: (wabaId: string, businessId: string) =>
      send({
        method: "GET",
        path: `${wabaId}/assigned_users`,
        operation: "GET /{waba}/assigned_users",
        token: sys,
        query: { business: businessId, limit: PAGE_SIZE },
        schema: AssignedUsersResponseSchema,
      }),
    getAllocationConfig: (allocationConfigId: string) =>
      send({
        method: "GET",
        path: allocationConfigId,
        operation: "GET /{allocation}",
        token: sys,
        query: { fields: ALLOCATION_FIELDS },
        schema: AllocationConfigSchema,
      }),
    /**
     * `GET /{credit-line}/owning_credit_allocation_configs`: our credit line's allocations to one
     * customer portfolio (all of them without `receivingBusinessId`), with the system token.
     */
    listOwnAllocations: (creditLineId: string, receivingBusinessId: string | null) =>
      send({
        method: "GET",
        path: `${creditLineId}/owning_credit_allocation_configs`,
        operation: "GET /{credit}/owning_credit_allocation_configs",
        token: sys,
        query: {
          fields: ALLOCATION_FIELDS,
          limit: PAGE_SIZE,
          ...(receivingBusinessId ? { receiving_business_id: receivingBusinessId } : {}),
        },
        schema: AllocationConfigListSchema,
      }),
    /** `GET /{app-id}/subscriptions` with the app token: the app's default callback and fields per object. */
    listAppSubscriptions: () =>
      send({
        method: "GET",
        path: `${options.appId}/subscriptions`,
        operation: "GET /{app}/subscriptions",
        token: `${options.appId}|${options.appSecret}`,
        query: { fields: "object,callback_url,active,fields" },
        schema: AppSubscriptionsResponseSchema,
      }),
    listSubscribedApps: (wabaId: string, token: string) =>
      send({
        method: "GET",
        path: `${wabaId}/subscribed_apps`,
        operation: "GET /{waba}/subscribed_apps",
        token,
        schema: SubscribedAppsResponseSchema,
      }),
    /** Plain subscription without a body, or with an override callback. */
    subscribeApp: (
      wabaId: string,
      token: string,
      override?: { callbackUri: string; verifyToken: string },
    ) =>
      send({
        method: "POST",
        path: `${wabaId}/subscribed_apps`,
        operation: "POST /{waba}/subscribed_apps",
        token,
        body: override
          ? { override_callback_uri: override.callbackUri, verify_token: override.verifyToken }
          : undefined,
        schema: SuccessResponseSchema,
      }),
    listTemplates: (wabaId: string, token: string, after?: string) =>
      send({
        method: "GET",
        path: `${wabaId}/message_templates`,
        operation: "GET /{waba}/message_templates",
        token,
        query: { fields: TEMPLATE_FIELDS, limit: PAGE_SIZE, after },
        schema: MessageTemplateListSchema,
      }),
    /** One page (<= 500 ids) of `migrate_message_templates` into `destWabaId`. */
    migrateTemplates: (
      destWabaId: string,
      token: string,
      sourceWabaId: string,
      templateIds: string[],
    ) =>
      send({
        method: "POST",
        path: `${destWabaId}/migrate_message_templates`,
        operation: "POST /{waba}/migrate_message_templates",
        token,
        body: { source_waba_id: sourceWabaId, template_ids: templateIds },
        schema: MigrateTemplatesResponseSchema,
        // After a timeout Meta may have copied the page: a blind resend would report those
        // templates as failed. The step's next attempt lists what arrived, then sends the rest.
        idempotent: false,
      }),
    register: (phoneId: string, token: string, pin: string) =>
      send({
        method: "POST",
        path: `${phoneId}/register`,
        operation: REGISTER_OPERATION,
        token,
        body: { messaging_product: "whatsapp", pin },
        schema: SuccessResponseSchema,
        idempotent: false,
      }),
  };
}

/** See {@link createGraphClient}. */
export type GraphClient = ReturnType<typeof createGraphClient>;
