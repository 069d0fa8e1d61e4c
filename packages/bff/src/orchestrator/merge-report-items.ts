import type { TemplateReportItem } from "@wa-migrate/contracts";
import { templateKey } from "./template-key.js";

/**
 * A three-way merge of templates report lines: `base` is what the templates step read, `ours` what
 * it concluded, `theirs` what is stored now. A field that changed since `base` (a webhook wrote it
 * while the step was copying) keeps the stored value; every other field takes the step's. Lines
 * only one side has are kept.
 *
 * @example
 * mergeReportItems(m.templates.items, final, latest.templates.items);
 */
export function mergeReportItems(
  base: TemplateReportItem[],
  ours: TemplateReportItem[],
  theirs: TemplateReportItem[],
): TemplateReportItem[] {
  const baseByKey = new Map(base.map((i) => [templateKey(i), i]));
  const oursByKey = new Map(ours.map((i) => [templateKey(i), i]));
  const merged = theirs.map((stored) => {
    const was = baseByKey.get(templateKey(stored));
    const mine = oursByKey.get(templateKey(stored));
    if (!was || !mine) return stored;
    const item: Record<string, unknown> = { ...mine };
    for (const field of new Set([...Object.keys(was), ...Object.keys(stored)])) {
      const f = field as keyof TemplateReportItem;
      if (stored[f] !== was[f]) item[f] = stored[f];
    }
    return item as TemplateReportItem;
  });
  const storedKeys = new Set(theirs.map(templateKey));
  return [...merged, ...ours.filter((i) => !storedKeys.has(templateKey(i)))];
}
