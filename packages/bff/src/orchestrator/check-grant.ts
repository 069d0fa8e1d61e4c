import type { DebugTokenResponse, PhoneNumber, Waba } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import { DESTINATION_PHONE_FIELDS } from "../graph/graph-fields.js";
import type { StoredMigration } from "../store/migration-store.js";
import { followCursors, MAX_PHONE_PAGES } from "./follow-cursors.js";
import type { BffRuntime } from "./runtime.js";

/** What the grant check established about the destination. */
export interface GrantCheck {
  wabaId: string;
  phoneNumberId: string;
  businessId: string | null;
  /** WABA ids granted `whatsapp_business_management`, newest first. */
  grantedWabaIds: string[];
  phone: PhoneNumber;
  destination: Waba;
}

/**
 * The destination's fields and numbers in one expanded read; the pages after the first only
 * when the named number is not on it (Graph's cursors, like every other listing here).
 */
async function readDestination(
  rt: BffRuntime,
  wabaId: string,
  token: string,
  phoneNumberId: string | null,
): Promise<{ destination: Waba; phones: PhoneNumber[] }> {
  // The numbers stay out of the WABA kept in the journal: they are read for the check alone.
  const { phone_numbers: firstPage, ...destination } = await rt.graph.getDestination(wabaId, token);
  const phones = await followCursors(
    firstPage ?? { data: [] },
    (after) => rt.graph.listPhones(wabaId, token, after, DESTINATION_PHONE_FIELDS),
    {
      maxPages: MAX_PHONE_PAGES,
      // Without a named number the newest (first) one is taken: no further page is needed.
      done: (items) => !phoneNumberId || items.some((p) => p.id === phoneNumberId),
    },
  );
  return { destination, phones };
}

function grantedWabas(debug: DebugTokenResponse): string[] {
  const scopes = debug.data.granular_scopes ?? [];
  return scopes.find((s) => s.scope === "whatsapp_business_management")?.target_ids ?? [];
}

/**
 * The grant check of `capture_assets`: `debug_token` says the token is valid and the WABA is among
 * its granted targets, and the WABA lists the phone number (else `asset_not_granted`). The WABA's
 * fields and numbers (one expanded read, further pages only when the number is not on the first)
 * are read alongside `debug_token` when the WABA id is known; when the browser sent only the code,
 * the WABA is the newest granted target and the number the WABA's newest.
 *
 * @example
 * const { wabaId, phone, destination } = await checkGrant(rt, migration, token);
 */
export async function checkGrant(
  rt: BffRuntime,
  m: Pick<StoredMigration, "wabaId" | "phoneNumberId" | "businessId">,
  token: string,
): Promise<GrantCheck> {
  const early = m.wabaId ? readDestination(rt, m.wabaId, token, m.phoneNumberId) : null;
  // The grant decides first: a read refused because the WABA is not granted must not win.
  early?.catch(() => {});
  const debug = await rt.graph.debugToken(token);
  if (!debug.data.is_valid) {
    throw new BffError("token_invalid", { detail: "Meta reports the business token as invalid." });
  }
  const granted = grantedWabas(debug);
  const wabaId = m.wabaId ?? granted[0];
  if (!wabaId) {
    throw new BffError("assets_not_found", {
      detail: "The token grants no WhatsApp Business Account.",
    });
  }
  if (!granted.includes(wabaId)) {
    throw new BffError("asset_not_granted", {
      detail: "The WhatsApp Business Account is not among the token's granted accounts.",
    });
  }
  const { destination, phones } = await (early ??
    readDestination(rt, wabaId, token, m.phoneNumberId));
  const phone = m.phoneNumberId ? phones.find((p) => p.id === m.phoneNumberId) : phones[0];
  if (!phone) {
    throw m.phoneNumberId
      ? new BffError("asset_not_granted", {
          detail: "The phone number does not belong to the granted WhatsApp Business Account.",
        })
      : new BffError("assets_not_found", {
          detail: "The granted WhatsApp Business Account has no phone number.",
        });
  }
  return {
    wabaId,
    phoneNumberId: phone.id,
    businessId: m.businessId ?? destination.owner_business_info?.id ?? null,
    grantedWabaIds: granted,
    phone,
    destination,
  };
}
