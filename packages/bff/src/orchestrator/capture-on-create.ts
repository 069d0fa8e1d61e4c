import type {
  CreateMigrationRequest,
  DebugTokenResponse,
  PhoneNumber,
  Waba,
} from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import type { BffRuntime } from "./runtime.js";

/** What `POST /migrations` learned before answering. */
export interface CapturedAssets {
  token: string;
  wabaId: string;
  phoneNumberId: string;
  businessId: string | null;
  phone: PhoneNumber;
  waba: Waba;
  /** WABA ids granted `whatsapp_business_management`, newest first. */
  grantedWabaIds: string[];
}

/** Turns a Graph failure during the request into the HTTP error the browser gets. */
export function requestError(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  return new BffError(errorCodeOfGraph(error), { graph: error.toRef(), cause: error });
}

function grantedWabas(debug: DebugTokenResponse): string[] {
  const scopes = debug.data.granular_scopes ?? [];
  return scopes.find((s) => s.scope === "whatsapp_business_management")?.target_ids ?? [];
}

/**
 * The part of `capture_assets` that runs before `POST /migrations` answers, because the code lives
 * 30 s and a wrong grant must be a 403: exchange the code, then in parallel `debug_token`, the WABA's
 * numbers (with the snapshot fields) and the WABA's fields. When the browser sent only the code,
 * the WABA is the newest granted target and the number the WABA's newest.
 *
 * @example
 * const assets = await captureOnCreate(rt, { code, wabaId, phoneNumberId });
 */
export async function captureOnCreate(
  rt: BffRuntime,
  request: CreateMigrationRequest,
): Promise<CapturedAssets> {
  // The code is a credential for 30 s: keep it out of every log line.
  rt.log.addSecret(request.code);
  try {
    const { access_token: token } = await rt.graph.exchangeCode(request.code);
    rt.log.addSecret(token);
    let debug: DebugTokenResponse;
    let wabaId = request.wabaId;
    let phones: PhoneNumber[];
    let waba: Waba;
    if (wabaId) {
      const [d, list, w] = await Promise.all([
        rt.graph.debugToken(token),
        rt.graph.listPhones(wabaId, token),
        rt.graph.getWaba(wabaId, token),
      ]);
      debug = d;
      phones = list.data;
      waba = w;
    } else {
      debug = await rt.graph.debugToken(token);
      wabaId = grantedWabas(debug)[0];
      if (!wabaId)
        throw new BffError("assets_not_found", {
          detail: "The token grants no WhatsApp Business Account.",
        });
      const [list, w] = await Promise.all([
        rt.graph.listPhones(wabaId, token),
        rt.graph.getWaba(wabaId, token),
      ]);
      phones = list.data;
      waba = w;
    }
    const granted = grantedWabas(debug);
    if (!debug.data.is_valid || !granted.includes(wabaId)) {
      throw new BffError("asset_not_granted", {
        detail: "The WhatsApp Business Account is not among the token's granted accounts.",
      });
    }
    const phone = request.phoneNumberId
      ? phones.find((p) => p.id === request.phoneNumberId)
      : phones[0];
    if (!phone) {
      throw request.phoneNumberId
        ? new BffError("asset_not_granted", {
            detail: "The phone number does not belong to the granted WhatsApp Business Account.",
          })
        : new BffError("assets_not_found", {
            detail: "The granted WhatsApp Business Account has no phone number.",
          });
    }
    return {
      token,
      wabaId,
      phoneNumberId: phone.id,
      businessId: request.businessId ?? waba.owner_business_info?.id ?? null,
      phone,
      waba,
      grantedWabaIds: granted,
    };
  } catch (error) {
    throw requestError(error);
  }
}
