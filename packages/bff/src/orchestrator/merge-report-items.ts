import type { StoredTemplateItem } from "../store/stored-templates-report.js";
import { type ChangeKind, supersedes, type TimedValue } from "./supersedes.js";
import { templateKey } from "./template-key.js";

type Field = keyof StoredTemplateItem;

interface Group {
  value: "reason" | "destinationQuality" | "category";
  at: "statusAt" | "qualityAt" | "categoryAt";
  fields: Field[];
}

// The value each kind of change is ordered by, with its time. A pair is taken whole from one side,
// so a value never travels without the time that orders the next change of it. A status's outcome
// stays a field of its own: a webhook's PENDING (no outcome) must not undo the step's "copied".
const TIMED: Record<ChangeKind, Group> = {
  status: { value: "reason", at: "statusAt", fields: ["reason", "statusAt"] },
  quality: {
    value: "destinationQuality",
    at: "qualityAt",
    fields: ["destinationQuality", "qualityAt"],
  },
  category: { value: "category", at: "categoryAt", fields: ["category", "categoryAt"] },
};
const GROUPED = new Set(Object.values(TIMED).flatMap((g) => g.fields));

/**
 * A three-way merge of templates report lines: `base` is what the templates step read, `ours` what
 * it concluded, `theirs` what is stored now. A field that changed since `base` (a webhook wrote it
 * while the step was copying) keeps the stored value; every other field takes the step's. A status,
 * quality or category both sides changed is decided as webhooks are (decision 027, {@link
 * supersedes}): the step's timed reading (a retry's quality from Graph, with Meta's date) beats an
 * older webhook's value, a newer one keeps the webhook's. Lines only one side has are kept.
 *
 * @example
 * mergeReportItems(m.templates.items, final, latest.templates.items);
 */
export function mergeReportItems<T extends StoredTemplateItem>(
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
    for (const [kind, group] of Object.entries(TIMED) as [ChangeKind, Group][]) {
      const changed = (line: T) => group.fields.some((f) => line[f] !== was[f]);
      if (!changed(stored)) continue;
      // The stored value is the later change (a webhook applied after the step read the report):
      // where either lacks a time it stays, so the step's own conclusions (a fresh copy's UNKNOWN)
      // never undo a webhook; two timed values are ordered by time, then gravity, either way round.
      if (changed(mine) && !supersedes(kind, timed(mine, group), timed(stored, group))) continue;
      for (const f of group.fields as (keyof T)[]) item[f] = stored[f];
    }
    for (const field of new Set([...Object.keys(was), ...Object.keys(stored)])) {
      const f = field as keyof T;
      if (!GROUPED.has(field as Field) && stored[f] !== was[f]) item[f] = stored[f];
    }
    return item;
  });
  const storedKeys = new Set(theirs.map(templateKey));
  return [...merged, ...ours.filter((i) => !storedKeys.has(templateKey(i)))];
}

function timed(line: StoredTemplateItem, group: Group): TimedValue {
  return { at: line[group.at], value: line[group.value] };
}
