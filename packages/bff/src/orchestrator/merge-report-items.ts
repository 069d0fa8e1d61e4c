import type { TemplateReportItem } from "@wa-migrate/contracts";
import { templateKey } from "./template-key.js";

/**
 * A three-way merge of templates report lines: `base` is what the templates step read, `ours` what
 * it concluded, `theirs` what is stored now. A field that changed since `base` (a webhook wrote it
 * while the step was copying) keeps the stored value; every other field takes the step's. Lines
 * only one side has are kept. A webhook writes a value and its time together (`destinationQuality`
 * and `qualityAt`), so both keep the stored pair and a later redelivery is still judged by it.
 *
 * @example
 * mergeReportItems(m.templates.items, final, latest.templates.items);
 */
export function mergeReportItems<T extends TemplateReportItem>(
  base: T[],
  ours: T[],
  theirs: T[],
): T[] {
  const baseByKey = new Map(base.map((i) => [templateKey(i), i]));
  const oursByKey = new Map(ours.map((i) => [templateKey(i), i]));
  const merged = theirs.map((stored) => {
    const was = baseByKey.get(templateKey(stored));
    const mine = oursByKey.get(templateKey(stored));
    if (!was || !mine) return stored;
    const item: T = { ...mine };
    for (const field of new Set([...Object.keys(was), ...Object.keys(stored)])) {
      const f = field as keyof T;
      if (stored[f] !== was[f]) item[f] = stored[f];
    }
    return item;
  });
  const storedKeys = new Set(theirs.map(templateKey));
  return [...merged, ...ours.filter((i) => !storedKeys.has(templateKey(i)))];
}
