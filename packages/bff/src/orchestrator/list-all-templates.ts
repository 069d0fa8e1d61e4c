import type { MessageTemplate, MessageTemplateList } from "@wa-migrate/contracts";
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
  const all: MessageTemplate[] = [];
  let page = first ?? (await rt.graph.listTemplates(wabaId, token));
  for (let n = 1; ; n++) {
    all.push(...page.data);
    const after = page.paging?.next ? page.paging.cursors?.after : undefined;
    if (!after || n >= 100) return all;
    page = await rt.graph.listTemplates(wabaId, token, after);
  }
}
