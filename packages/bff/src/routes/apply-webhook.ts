import {
  TemplateCategorySchema,
  TemplateCategoryUpdateValueSchema,
  TemplateQualityUpdateValueSchema,
  type TemplateReportItem,
  TemplateStatusUpdateValueSchema,
  type TemplatesReport,
} from "@wa-migrate/contracts";
import { statusReason } from "../orchestrator/template-key.js";

/**
 * The templates report after one webhook change, or null when the change does not concern it or
 * changes nothing (so applying a redelivered change again is harmless).
 * `message_template_status_update`: APPROVED means the copy is usable, REJECTED that Meta's re-check
 * refused it; with Meta's automatic copy unknown templates are added. A status older than the one
 * applied (`time`, the entry's Unix seconds: Meta retries failed deliveries for 36 h, so they
 * arrive out of order) is ignored. `message_template_quality_update` sets the destination quality,
 * `template_category_update` the category Meta now gives the copy (it decides the price).
 *
 * @example
 * const next = applyTemplateChange(migration.templates, change.field, change.value, entry.time);
 */
export function applyTemplateChange(
  report: TemplatesReport,
  field: string,
  value: unknown,
  time?: number,
): TemplatesReport | null {
  if (field === "message_template_status_update") {
    const parsed = TemplateStatusUpdateValueSchema.safeParse(value);
    if (!parsed.success) return null;
    const v = parsed.data;
    const destId = String(v.message_template_id);
    const index = findItem(report, destId, v.message_template_name, v.message_template_language);
    const outcome: TemplateReportItem["outcome"] | null =
      v.event === "APPROVED" ? "copied" : v.event === "REJECTED" ? "rejected_on_recheck" : null;
    const existing = report.items[index];
    if (existing) {
      if (time !== undefined && (existing.statusAt ?? -1) > time) return null;
      return replaceItem(report, index, {
        ...existing,
        destinationTemplateId: destId,
        ...(outcome ? { outcome } : {}),
        reason: statusReason(v.event, v.reason),
        ...(time !== undefined ? { statusAt: time } : {}),
      });
    }
    // Meta's automatic copy: a template we never saw; add it when Meta names its category.
    const category = TemplateCategorySchema.safeParse(v.message_template_category);
    if (!category.success || !outcome) return null;
    const added: TemplateReportItem = {
      destinationTemplateId: destId,
      name: v.message_template_name,
      language: v.message_template_language,
      category: category.data,
      sourceStatus: "APPROVED",
      sourceQuality: null,
      destinationQuality: "UNKNOWN",
      outcome,
      reason: outcome === "copied" ? null : statusReason(v.event, v.reason),
      ...(time !== undefined ? { statusAt: time } : {}),
    };
    return { ...report, items: [...report.items, added] };
  }
  if (field === "message_template_quality_update") {
    const parsed = TemplateQualityUpdateValueSchema.safeParse(value);
    if (!parsed.success) return null;
    const v = parsed.data;
    const destId = String(v.message_template_id);
    const index = findItem(report, destId, v.message_template_name, v.message_template_language);
    const existing = report.items[index];
    if (!existing) return null;
    return replaceItem(report, index, {
      ...existing,
      destinationTemplateId: destId,
      destinationQuality: v.new_quality_score,
    });
  }
  if (field === "template_category_update") {
    const parsed = TemplateCategoryUpdateValueSchema.safeParse(value);
    if (!parsed.success) return null;
    const v = parsed.data;
    const destId = String(v.message_template_id);
    const index = findItem(report, destId, v.message_template_name, v.message_template_language);
    const existing = report.items[index];
    const category = TemplateCategorySchema.safeParse(v.new_category);
    if (!existing || !category.success) return null;
    return replaceItem(report, index, {
      ...existing,
      destinationTemplateId: destId,
      category: category.data,
    });
  }
  return null;
}

function findItem(report: TemplatesReport, destId: string, name: string, language: string) {
  return report.items.findIndex(
    (i) => i.destinationTemplateId === destId || (i.name === name && i.language === language),
  );
}

function replaceItem(
  report: TemplatesReport,
  index: number,
  item: TemplateReportItem,
): TemplatesReport | null {
  const before = report.items[index];
  if (before && sameItem(before, item)) return null;
  const items = [...report.items];
  items[index] = item;
  return { ...report, items };
}

function sameItem(a: TemplateReportItem, b: TemplateReportItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TemplateReportItem>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
