import type { MessageTemplate, MessageTemplateList } from "@wa-migrate/contracts";
import { followCursors } from "./follow-cursors.js";
import type { BffRuntime } from "./runtime.js";

/**
 * Every template of a WABA, following Graph's cursor paging (at most 100 pages) from `first`, a
 * page already read (an expanded read's nested page), or from the start.
 *
 * @example
 * const templates = await listAllTemplates(rt, wabaId, token);
 */
export async function listAllTemplates(
  rt: BffRuntime,
  wabaId: string,
  token: string,
  first?: MessageTemplateList,
): Promise<MessageTemplate[]> {
  const page = first ?? (await rt.graph.listTemplates(wabaId, token));
  return followCursors(page, (after) => rt.graph.listTemplates(wabaId, token, after), {
    maxPages: 100,
  });
}
