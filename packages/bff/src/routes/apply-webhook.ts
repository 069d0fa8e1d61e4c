import {
  TemplateCategorySchema,
  TemplateCategoryUpdateValueSchema,
  TemplateQualityUpdateValueSchema,
  type TemplateReportItem,
  TemplateStatusUpdateValueSchema,
} from "@wa-migrate/contracts";
import { supersedes } from "../orchestrator/supersedes.js";
import { statusReason } from "../orchestrator/template-key.js";
import type {
  StoredTemplateItem,
  StoredTemplatesReport,
} from "../store/stored-templates-report.js";

/**
 * The templates report after one webhook change, or null when the change does not concern it or
 * changes nothing (so applying a redelivered change again is harmless).
 * `message_template_status_update`: APPROVED means the copy is usable, REJECTED that Meta's re-check
 * refused it; with Meta's automatic copy unknown templates are added.
 * `message_template_quality_update` sets the destination quality, `template_category_update` the
 * category Meta now gives the copy (it decides the price). Meta retries failed deliveries for 36 h
 * and may deliver a change again after a 2xx, so changes arrive out of order: each line keeps the
 * entry time (`time`, Unix seconds) of its status, quality and category, and a change older than
 * the one applied is ignored, one of the same second only when it is graver ({@link supersedes}).
 *
 * @example
 * const next = applyTemplateChange(migration.templates, change.field, change.value, entry.time);
 */
export function applyTemplateChange(
  report: StoredTemplatesReport,
  field: string,
  value: unknown,
  time?: number,
): StoredTemplatesReport | null {
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
      const reason = statusReason(v.event, v.reason);
      const held = { at: existing.statusAt, value: existing.reason };
      if (!supersedes("status", held, { at: time, value: reason })) return null;
      return replaceItem(report, index, {
        ...existing,
        destinationTemplateId: destId,
        ...(outcome ? { outcome } : {}),
        reason,
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
    const held = { at: existing.qualityAt, value: existing.destinationQuality };
    if (!supersedes("quality", held, { at: time, value: v.new_quality_score })) return null;
    return replaceItem(report, index, {
      ...existing,
      destinationTemplateId: destId,
      destinationQuality: v.new_quality_score,
      ...(time !== undefined ? { qualityAt: time } : {}),
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
    const held = { at: existing.categoryAt, value: existing.category };
    if (!supersedes("category", held, { at: time, value: category.data })) return null;
    return replaceItem(report, index, {
      ...existing,
      destinationTemplateId: destId,
      category: category.data,
      ...(time !== undefined ? { categoryAt: time } : {}),
    });
  }
  return null;
}

function findItem(report: StoredTemplatesReport, destId: string, name: string, language: string) {
  return report.items.findIndex(
    (i) => i.destinationTemplateId === destId || (i.name === name && i.language === language),
  );
}

function replaceItem(
  report: StoredTemplatesReport,
  index: number,
  item: StoredTemplateItem,
): StoredTemplatesReport | null {
  const before = report.items[index];
  if (before && sameItem(before, item)) return null;
  const items = [...report.items];
  items[index] = item;
  return { ...report, items };
}

function sameItem(a: StoredTemplateItem, b: StoredTemplateItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof StoredTemplateItem>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
