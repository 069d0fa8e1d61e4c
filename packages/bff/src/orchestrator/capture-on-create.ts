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
  /** Null when the reads were throttled: the capture step reads them then. */
  phone: PhoneNumber | null;
  waba: Waba | null;
  /** WABA ids granted `whatsapp_business_management`, newest first. */
  grantedWabaIds: string[];
}

/**
 * Turns a Graph failure during the request into the HTTP error the browser gets.
 *
 * @example
 * try { await graph.exchangeCode(code) } catch (e) { throw requestError(e) }
 */
export function requestError(error: unknown): unknown {
  if (!(error instanceof GraphError)) return error;
  return new BffError(errorCodeOfGraph(error), { graph: error.toRef(), cause: error });
}

/** Meta refused the code itself (#100): expired, used, or not a code at all. Never a 5xx. */
function exchangeError(error: unknown): unknown {
  if (!(error instanceof GraphError) || error.body?.code !== 100) return error;
  const code = errorCodeOfGraph(error);
  if (code === "code_used" || code === "code_expired") return error;
  return new BffError("validation_failed", {
    detail: "Meta refused the Embedded Signup code.",
    errors: [{ path: "code", message: error.body.message }],
    graph: error.toRef(),
    cause: error,
  });
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
    const { access_token: token } = await rt.graph
      .exchangeCode(request.code)
      .catch((error: unknown) => {
        throw exchangeError(error);
      });
    rt.log.addSecret(token);
    const readWaba = (id: string) =>
      Promise.allSettled([rt.graph.listPhones(id, token), rt.graph.getWaba(id, token)]);
    let debug: DebugTokenResponse;
    let wabaId = request.wabaId;
    let reads: Partial<Awaited<ReturnType<typeof readWaba>>> | [undefined, undefined];
    if (wabaId) {
      [debug, reads] = await Promise.all([rt.graph.debugToken(token), readWaba(wabaId)]);
    } else {
      debug = await rt.graph.debugToken(token);
      wabaId = grantedWabas(debug)[0];
      if (!wabaId && debug.data.is_valid)
        throw new BffError("assets_not_found", {
          detail: "The token grants no WhatsApp Business Account.",
        });
      reads = wabaId ? await readWaba(wabaId) : [undefined, undefined];
    }
    if (!debug.data.is_valid) {
      throw new BffError("token_invalid", {
        detail: "Meta reports the business token as invalid.",
      });
    }
    const granted = grantedWabas(debug);
    if (!wabaId || !granted.includes(wabaId)) {
      throw new BffError("asset_not_granted", {
        detail: "The WhatsApp Business Account is not among the token's granted accounts.",
      });
    }
    const [list, waba] = reads;
    // A throttled or unavailable read does not lose the code: the migration is created and the
    // capture step reads again (checking the number then). Permanent refusals end the request.
    const failure = [list, waba].find((r) => r?.status === "rejected");
    if (failure?.status === "rejected") {
      const transient = failure.reason instanceof GraphError && failure.reason.transient;
      if (!transient || !request.phoneNumberId) throw failure.reason;
      rt.log.warn("capture reads deferred to the capture step", { wabaId });
      return {
        token,
        wabaId,
        phoneNumberId: request.phoneNumberId,
        businessId: request.businessId ?? null,
        phone: null,
        waba: null,
        grantedWabaIds: granted,
      };
    }
    const phones = list?.status === "fulfilled" ? list.value.data : [];
    const phone = request.phoneNumberId
      ? phones.find((p) => p.id === request.phoneNumberId)
      : phones[0];
    if (!phone || waba?.status !== "fulfilled") {
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
      businessId: request.businessId ?? waba.value.owner_business_info?.id ?? null,
      phone,
      waba: waba.value,
      grantedWabaIds: granted,
    };
  } catch (error) {
    throw requestError(error);
  }
}
