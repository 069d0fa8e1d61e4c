import { WABA_CURRENCIES } from "@wa-migrate/contracts";
import type { AllocationRecord } from "../../state/types.js";
import { canManageWaba, requireSystemToken } from "../auth.js";
import { selectFields, unmodelled } from "../fields.js";
import { apiError, invalidParam, unsupportedRequest } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { requireStr, str } from "../params.js";

/** Codegen fields of ExtendedCredit the sandbox accepts but does not model (left out of answers). */
const EXTENDED_CREDIT_UNMODELLED = [
  "allocated_amount",
  "balance",
  "credit_available",
  "is_automated_experience",
  "liable_address",
  "liable_biz_name",
  "max_balance",
  "online_max_balance",
  "partition_from",
  "receiving_credit_allocation_config",
  "send_bill_to_address",
  "send_bill_to_biz_name",
  "sold_to_address",
];

const creditUsage: Operation["usage"] = (ctx) => ({
  kind: "credit",
  id: ctx.sandbox.state.partner.businessId,
});

/** `GET /{business-id}/extendedcredits` (facts §3.3): the partner's credit line. */
export const getCreditLines: Operation = {
  name: "getCreditLines",
  usage: creditUsage,
  run(ctx) {
    requireSystemToken(ctx);
    const { partner } = ctx.sandbox.state;
    if (ctx.nodeId !== partner.businessId) return { body: { data: [] } };
    const line = selectFields(
      str(ctx.params, "fields"),
      ["id"],
      {
        id: () => partner.creditLineId,
        legal_entity_name: () => partner.legalEntityName,
        is_access_revoked: () => false,
        owner_business_name: () => ctx.sandbox.state.businesses.get(partner.businessId)?.name,
        owner_business: () => ({ id: partner.businessId }),
        ...unmodelled([...EXTENDED_CREDIT_UNMODELLED, "credit_type"]),
      },
      "ExtendedCredit",
    );
    return { body: { data: [line] } };
  },
};

/** `POST /{credit-line-id}/whatsapp_credit_sharing_and_attach` (facts §3.4). */
export const shareCreditLine: Operation = {
  name: "createWhatsAppCreditSharingAndAttach",
  usage: creditUsage,
  run(ctx) {
    const token = requireSystemToken(ctx);
    const { state } = ctx.sandbox;
    const wabaId = requireStr(ctx.params, "waba_id");
    const currency = requireStr(ctx.params, "waba_currency");
    if (!(WABA_CURRENCIES as readonly string[]).includes(currency)) {
      throw invalidParam("waba_currency", `must be one of ${WABA_CURRENCIES.join(", ")}`);
    }
    const waba = state.wabas.get(wabaId);
    if (!waba?.partnerBusinessIds.includes(state.partner.businessId)) {
      throw apiError(100, {
        details: `The WhatsApp Business Account ${wabaId} is not shared with your business.`,
      });
    }
    // Meta names adding the system user to the shared account as this call's prerequisite after
    // Embedded Signup (its exact answer without it is not documented; this is the sandbox's).
    if (!canManageWaba(token, wabaId)) {
      throw apiError(100, {
        details: `Add your system user to the WhatsApp Business Account ${wabaId} first (POST /${wabaId}/assigned_users).`,
      });
    }
    const existing = [...state.allocations.values()].find(
      (a) => a.wabaId === wabaId && a.request_status !== "DELETED",
    );
    if (existing) {
      // Meta: credit lines cannot be changed once attached. Re-sharing the same line is answered with the same allocation.
      if (existing.creditLineId === ctx.nodeId)
        return { body: { allocation_config_id: existing.id, waba_id: wabaId } };
      throw apiError(100, {
        details: "A credit line is already attached to this WhatsApp Business Account.",
      });
    }
    const allocation = {
      id: state.newId(14),
      creditLineId: ctx.nodeId,
      wabaId,
      receivingBusinessId: waba.ownerBusinessId,
      receivingCredentialId: state.newId(16),
      request_status: "ACTIVE" as const,
    };
    state.allocations.set(allocation.id, allocation);
    waba.primary_funding_id = allocation.receivingCredentialId;
    // `waba_currency` gives an account without one its invoicing currency. Meta documents no
    // change of an existing one by this call (it cannot be edited once a credit line is
    // attached, facts §3.4), so an account's own currency is kept.
    if (waba.currency === undefined) waba.currency = currency;
    return { body: { allocation_config_id: allocation.id, waba_id: wabaId } };
  },
};

// An ExtendedCreditAllocationConfig with the fields the request asks for.
function renderAllocation(ctx: OperationContext, a: AllocationRecord) {
  const { state } = ctx.sandbox;
  const receiving = state.businesses.get(a.receivingBusinessId);
  return selectFields(
    str(ctx.params, "fields"),
    ["id"],
    {
      id: () => a.id,
      receiving_credential: () => ({ id: a.receivingCredentialId }),
      receiving_business: () => ({ id: a.receivingBusinessId, name: receiving?.name }),
      owning_credential: () => ({ id: a.creditLineId }),
      owning_business: () => ({ id: state.partner.businessId }),
      // Meta documents only DELETED (facts §3.5); a live allocation leaves the field out.
      request_status: () => (a.request_status === "DELETED" ? "DELETED" : undefined),
      // Codegen fields the sandbox does not model are accepted and left out.
      liability_type: () => undefined,
      partition_type: () => undefined,
      send_bill_to: () => undefined,
      currency_amount: () => undefined,
    },
    "ExtendedCreditAllocationConfig",
  );
}

/** `GET /{allocation-config-id}` (facts §3.5). */
export const getAllocationConfig: Operation = {
  name: "getExtendedCreditAllocationConfig",
  usage: creditUsage,
  run(ctx) {
    requireSystemToken(ctx);
    const a = ctx.sandbox.state.allocations.get(ctx.nodeId);
    if (!a) throw unsupportedRequest(ctx.method, ctx.nodeId);
    return { body: renderAllocation(ctx, a) };
  },
};

/**
 * `GET /{extended-credit-line-id}/owning_credit_allocation_configs?receiving_business_id=`
 * (facts §3.5; codegen `ExtendedCredit` edge): the allocations of the partner's credit line, to
 * one customer portfolio when `receiving_business_id` is given, deleted ones included.
 */
export const getOwningAllocationConfigs: Operation = {
  name: "getExtendedCreditOwningCreditAllocationConfigs",
  usage: creditUsage,
  run(ctx) {
    requireSystemToken(ctx);
    const receiving = str(ctx.params, "receiving_business_id");
    const data = [...ctx.sandbox.state.allocations.values()]
      .filter((a) => a.creditLineId === ctx.nodeId)
      .filter((a) => receiving === undefined || a.receivingBusinessId === receiving)
      .map((a) => renderAllocation(ctx, a));
    return { body: { data } };
  },
};

/** `DELETE /{allocation-config-id}`: revokes the credit sharing (facts §3.5). */
export const deleteAllocationConfig: Operation = {
  name: "deleteExtendedCreditAllocationConfig",
  usage: creditUsage,
  run(ctx) {
    requireSystemToken(ctx);
    const { state } = ctx.sandbox;
    const a = state.allocations.get(ctx.nodeId);
    if (!a) throw unsupportedRequest(ctx.method, ctx.nodeId);
    a.request_status = "DELETED";
    const waba = state.wabas.get(a.wabaId);
    if (waba?.primary_funding_id === a.receivingCredentialId) waba.primary_funding_id = undefined;
    return { body: { success: true } };
  },
};
