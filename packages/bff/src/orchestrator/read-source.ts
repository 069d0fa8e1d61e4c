import type {
  MessageTemplate,
  PhoneNumber,
  PhoneSnapshot,
  TemplateReportItem,
  Waba,
} from "@wa-migrate/contracts";
import { GraphError } from "../graph/graph-error.js";
import type { BffRuntime } from "./runtime.js";

/**
 * Every template of a WABA, following Graph's cursor paging (at most 100 pages).
 *
 * @example
 * const templates = await listAllTemplates(rt, wabaId, token);
 */
export async function listAllTemplates(
  rt: BffRuntime,
  wabaId: string,
  token: string,
): Promise<MessageTemplate[]> {
  const all: MessageTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const list = await rt.graph.listTemplates(wabaId, token, after);
    all.push(...list.data);
    after = list.paging?.next ? list.paging.cursors?.after : undefined;
    if (!after) break;
  }
  return all;
}

/** A readable source WABA with its templates. */
export interface SourceAccount {
  waba: Waba;
  templates: MessageTemplate[];
}

/** Permanent Graph refusals mean "not ours to read"; anything transient must fail the step instead. */
async function readable<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof GraphError && error.kind === "graph" && !error.transient) return null;
    throw error;
  }
}

/** Pages a source account may list before discovery gives up on it (100 numbers a page). */
const MAX_PHONE_PAGES = 50;

/**
 * Whether `wabaId` lists `phoneNumberId`, following Graph's cursors: an account with more numbers
 * than one page must not look unreadable. Null when the account cannot be read at all.
 */
async function listsPhone(
  rt: BffRuntime,
  wabaId: string,
  token: string,
  phoneNumberId: string,
): Promise<boolean | null> {
  let after: string | undefined;
  for (let page = 0; page < MAX_PHONE_PAGES; page++) {
    const phones = await readable(rt.graph.listPhones(wabaId, token, after));
    if (!phones) return page === 0 ? null : false;
    if (phones.data.some((p) => p.id === phoneNumberId)) return true;
    after = phones.paging?.next ? phones.paging.cursors?.after : undefined;
    if (!after) return false;
  }
  return false;
}

/**
 * Reads a source WABA the caller named (no discovery): its fields and every template. Null when
 * Meta refuses (the old partner owns it); transient failures throw.
 *
 * @example
 * const source = await readSourceAccount(rt, sourceWabaId, token);
 */
export async function readSourceAccount(
  rt: BffRuntime,
  wabaId: string,
  token: string,
): Promise<SourceAccount | null> {
  const [waba, templates] = await Promise.all([
    readable(rt.graph.getWaba(wabaId, token)),
    readable(listAllTemplates(rt, wabaId, token)),
  ]);
  return waba && templates ? { waba, templates } : null;
}

/**
 * Finds and reads the source WABA: the given `sourceWabaId`, else the granted WABA (other than the
 * destination) that lists the phone number. Null when none is readable (the old partner owns it).
 *
 * @example
 * const source = await readSource(rt, { token, phoneNumberId, destinationWabaId, sourceWabaId: null, grantedWabaIds });
 */
export async function readSource(
  rt: BffRuntime,
  input: {
    token: string;
    phoneNumberId: string;
    destinationWabaId: string;
    sourceWabaId: string | null;
    grantedWabaIds: string[];
  },
): Promise<SourceAccount | null> {
  const { token } = input;
  if (input.sourceWabaId) return readSourceAccount(rt, input.sourceWabaId, token);
  const readCandidate = async (wabaId: string): Promise<SourceAccount | null> => {
    const [lists, account] = await Promise.all([
      listsPhone(rt, wabaId, token, input.phoneNumberId),
      readSourceAccount(rt, wabaId, token),
    ]);
    return lists ? account : null;
  };
  // Reading every candidate at once keeps discovery at one round trip.
  const candidates = input.grantedWabaIds
    .filter((id) => id !== input.destinationWabaId)
    .slice(0, 5);
  const accounts = await Promise.all(candidates.map(readCandidate));
  return accounts.find((a) => a !== null) ?? null;
}

/**
 * The templates report line of a source template: eligible ones (APPROVED + GREEN) are `pending`
 * until copied, the rest `not_eligible` with the reason.
 *
 * @example
 * reportItem(template).outcome; // "pending"
 */
export function reportItem(t: MessageTemplate): TemplateReportItem {
  const quality = t.quality_score?.score ?? null;
  const reason =
    t.status !== "APPROVED"
      ? `status is ${t.status}`
      : quality !== "GREEN"
        ? `quality is ${quality ?? "unknown"}`
        : null;
  return {
    sourceTemplateId: t.id,
    destinationTemplateId: null,
    name: t.name,
    language: t.language,
    category: t.category,
    sourceStatus: t.status,
    sourceQuality: quality,
    destinationQuality: null,
    outcome: reason ? "not_eligible" : "pending",
    reason,
  };
}

/**
 * The customer-facing snapshot of a phone number.
 *
 * @example
 * phoneSnapshot(phone).qualityRating; // "GREEN"
 */
export function phoneSnapshot(p: PhoneNumber): PhoneSnapshot {
  return {
    displayPhoneNumber: p.display_phone_number ?? "",
    verifiedName: p.verified_name ?? "",
    nameStatus: p.name_status ?? null,
    qualityRating: p.quality_rating ?? null,
    messagingLimit: p.whatsapp_business_manager_messaging_limit ?? p.messaging_limit_tier ?? null,
    officialBusinessAccount: p.is_official_business_account ?? false,
    platformType: p.platform_type ?? null,
    status: p.status ?? null,
  };
}
