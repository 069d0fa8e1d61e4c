import type { SandboxState } from "../state/sandbox-state.js";
import type { WabaRecord } from "../state/types.js";

/** Templates per WABA under an unverified portfolio (facts §3.17). */
export const UNVERIFIED_TEMPLATE_LIMIT = 250;
/** Templates per WABA under a verified portfolio with an approved display name (facts §3.17). */
export const VERIFIED_TEMPLATE_LIMIT = 6000;

// The portfolio a WABA answers to: the one its `business_verification_status` reports (the
// customer of an on-behalf-of account, else the owner), so the limit follows what Graph shows.
const parentOf = (waba: WabaRecord) => waba.onBehalfOfBusinessId ?? waba.ownerBusinessId;

/**
 * How many templates `wabaId` may hold now (name + language each), by Meta's rule (facts §3.17,
 * line 388): "unverified parent portfolio → 250 templates per WABA; verified portfolio with at
 * least one WABA number having an approved display name → 6,000 per WABA". A verified portfolio
 * without such a number is not given 6,000 by the facts, so it keeps 250. Read at each copy, so a
 * portfolio verified or a name approved later raises the limit from then on.
 *
 * @example
 * templateLimit(state, destWabaId); // 6000 for the happy scenario's destination
 */
export function templateLimit(state: SandboxState, wabaId: string): number {
  const waba = state.wabas.get(wabaId);
  if (!waba) throw new Error(`no WABA ${wabaId}`);
  const portfolioId = parentOf(waba);
  if (state.businesses.get(portfolioId)?.verification_status !== "verified")
    return UNVERIFIED_TEMPLATE_LIMIT;
  const approvedName = [...state.phones.values()].some((phone) => {
    const home = state.wabas.get(phone.wabaId);
    return home !== undefined && parentOf(home) === portfolioId && phone.name_status === "APPROVED";
  });
  return approvedName ? VERIFIED_TEMPLATE_LIMIT : UNVERIFIED_TEMPLATE_LIMIT;
}
