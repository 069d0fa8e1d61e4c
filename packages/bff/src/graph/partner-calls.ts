import {
  AllocationConfigListSchema,
  AllocationConfigSchema,
  AppSubscriptionsResponseSchema,
  AssignedUsersResponseSchema,
  CreditSharingResponseSchema,
  ExtendedCreditsResponseSchema,
  SuccessResponseSchema,
} from "@wa-migrate/contracts";
import type { GraphClientOptions } from "./graph-client.js";
import { ALLOCATION_FIELDS, PAGE_SIZE } from "./graph-fields.js";
import type { GraphTransport } from "./graph-transport.js";

/**
 * The calls made as the partner, never with the customer's token: the credit line and its
 * allocations, our system user on the customer's account (system token), and the app's webhook
 * settings (app token).
 *
 * @example
 * const partner = createPartnerCalls(createGraphTransport({ fetch }), options);
 * const { data } = await partner.listCreditLines(businessId);
 */
export function createPartnerCalls(send: GraphTransport, options: GraphClientOptions) {
  const sys = options.systemToken;
  return {
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
  };
}
