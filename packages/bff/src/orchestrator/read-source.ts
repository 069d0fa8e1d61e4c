import type {
  MessageTemplate,
  MessageTemplateList,
  PhoneNumber,
  PhoneNumberList,
  PhoneSnapshot,
  TemplateReportItem,
  Waba,
  WabaWithEdges,
} from "@wa-migrate/contracts";
import { GraphError } from "../graph/graph-error.js";
import { followCursors, MAX_PHONE_PAGES } from "./follow-cursors.js";
import { listAllTemplates } from "./list-all-templates.js";
import type { BffRuntime } from "./runtime.js";

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

/**
 * Whether `wabaId` lists `phoneNumberId`, from the expanded read's first page of number ids and,
 * only when it is not there, Graph's cursors: an account with more numbers than one page must
 * not look like another customer's.
 */
async function listsPhone(
  rt: BffRuntime,
  wabaId: string,
  token: string,
  phoneNumberId: string,
  first: PhoneNumberList,
): Promise<boolean> {
  const phones = await followCursors(
    first,
    (after) => readable(rt.graph.listPhones(wabaId, token, after, ["id"])),
    { maxPages: MAX_PHONE_PAGES, done: (items) => items.some((p) => p.id === phoneNumberId) },
  );
  return phones.some((p) => p.id === phoneNumberId);
}

/**
 * A source account from its expanded read: the templates beyond the first page and, when
 * `phoneNumberId` is given, the check that the account lists the number. Null when it does not,
 * or when a later page is refused.
 */
async function completeAccount(
  rt: BffRuntime,
  read: WabaWithEdges,
  token: string,
  phoneNumberId: string | null,
): Promise<SourceAccount | null> {
  const { phone_numbers, message_templates, ...waba } = read;
  // Graph leaves an edge with nothing to list out of the answer.
  const phones: PhoneNumberList = phone_numbers ?? { data: [] };
  const templates: MessageTemplateList = message_templates ?? { data: [] };
  const onFirstPage = phones.data.some((p) => p.id === phoneNumberId);
  // Another customer's account is dropped at once, without paging through its templates.
  if (phoneNumberId && !onFirstPage && !phones.paging?.next) return null;
  const [all, lists] = await Promise.all([
    readable(listAllTemplates(rt, waba.id, token, templates)),
    phoneNumberId && !onFirstPage
      ? listsPhone(rt, waba.id, token, phoneNumberId, phones)
      : Promise.resolve(true),
  ]);
  return all && lists ? { waba, templates: all } : null;
}

/**
 * Reads a source WABA the caller named (no discovery): its fields and first page of templates
 * in one expanded call, further template pages only when there are more. Null when Meta refuses
 * (the old partner owns it); transient failures throw.
 *
 * @example
 * const source = await readSourceAccount(rt, sourceWabaId, token);
 */
export async function readSourceAccount(
  rt: BffRuntime,
  wabaId: string,
  token: string,
): Promise<SourceAccount | null> {
  const read = await readable(rt.graph.getSource(wabaId, token, false));
  return read ? completeAccount(rt, read, token, null) : null;
}

/**
 * The expanded reads of the candidate sources: one `GET /{id}` for one candidate, one multiple-id
 * read for several. Graph refuses a multiple-id read whole when one id is not readable, so then
 * each candidate is read alone (the refused one is null).
 */
async function readCandidates(
  rt: BffRuntime,
  ids: string[],
  token: string,
): Promise<(WabaWithEdges | null)[]> {
  const alone = () => Promise.all(ids.map((id) => readable(rt.graph.getSource(id, token, true))));
  if (ids.length === 1) return alone();
  const all = await readable(rt.graph.getSources(ids, token));
  return all ? ids.map((id) => all[id] ?? null) : alone();
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
  // Reading every candidate in one round trip keeps discovery at one (and one call, usually).
  const candidates = [...new Set(input.grantedWabaIds)]
    .filter((id) => id !== input.destinationWabaId)
    .slice(0, 5);
  if (candidates.length === 0) return null;
  const reads = await readCandidates(rt, candidates, token);
  const accounts = await Promise.all(
    reads.map((read) => (read ? completeAccount(rt, read, token, input.phoneNumberId) : null)),
  );
  return accounts.find((a) => a !== null) ?? null;
}

/**
 * The templates report line of a source template: eligible ones are `pending` until copied, the
 * rest `not_eligible` with the reason. Eligible is what Meta's template migration API copies:
 * APPROVED with quality GREEN or not rated yet (UNKNOWN, `NA` in Meta's OpenAPI, or no score),
 * facts §2.3. Meta's automatic copy after registration takes GREEN only (§2.1), so an unrated
 * template reaches the new account only through this copy.
 *
 * @example
 * reportItem(template).outcome; // "pending"
 */
export function reportItem(t: MessageTemplate): TemplateReportItem {
  const quality = t.quality_score?.score ?? null;
  const reason =
    t.status !== "APPROVED"
      ? `status is ${t.status}`
      : quality === "YELLOW" || quality === "RED"
        ? `quality is ${quality}`
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
    // Optional in Meta's answer, without a default: absent is "not reported", never "no".
    officialBusinessAccount: p.is_official_business_account ?? null,
    platformType: p.platform_type ?? null,
    status: p.status ?? null,
  };
}
