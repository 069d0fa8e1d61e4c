import {
  TemplateCategorySchema,
  TemplateQualityUpdateValueSchema,
  type TemplateReportItem,
  TemplateStatusUpdateValueSchema,
  type TemplatesReport,
} from "@wa-migrate/contracts";

/**
 * The templates report after one webhook change, or null when the change does not concern it.
 * `message_template_status_update`: APPROVED means the copy is usable, REJECTED that Meta's re-check
 * refused it; with Meta's automatic copy unknown templates are added. `message_template_quality_update`
 * sets the destination quality.
 *
 * @example
 * const next = applyTemplateChange(migration.templates, change.field, change.value);
 */
export function applyTemplateChange(
  report: TemplatesReport,
  field: string,
  value: unknown,
): TemplatesReport | null {
  if (field === "message_template_status_update") {
    const parsed = TemplateStatusUpdateValueSchema.safeParse(value);
    if (!parsed.success) return null;
    const v = parsed.data;
    const destId = String(v.message_template_id);
    const index = report.items.findIndex(
      (i) =>
        i.destinationTemplateId === destId ||
        (i.name === v.message_template_name && i.language === v.message_template_language),
    );
    const outcome: TemplateReportItem["outcome"] | null =
      v.event === "APPROVED" ? "copied" : v.event === "REJECTED" ? "rejected_on_recheck" : null;
    const items = [...report.items];
    const existing = items[index];
    if (existing) {
      items[index] = {
        ...existing,
        destinationTemplateId: destId,
        ...(outcome ? { outcome } : {}),
        reason:
          v.event === "APPROVED"
            ? null
            : `${v.event}${v.reason && v.reason !== "NONE" ? `: ${v.reason}` : ""}`,
      };
      return { ...report, items };
    }
    // Meta's automatic copy: a template we never saw; add it when Meta names its category.
    const category = TemplateCategorySchema.safeParse(v.message_template_category);
    if (!category.success || !outcome) return null;
    items.push({
      destinationTemplateId: destId,
      name: v.message_template_name,
      language: v.message_template_language,
      category: category.data,
      sourceStatus: "APPROVED",
      sourceQuality: null,
      destinationQuality: "UNKNOWN",
      outcome,
      reason: outcome === "copied" ? null : `REJECTED${v.reason ? `: ${v.reason}` : ""}`,
    });
    return { ...report, items };
  }
  if (field === "message_template_quality_update") {
    const parsed = TemplateQualityUpdateValueSchema.safeParse(value);
    if (!parsed.success) return null;
    const v = parsed.data;
    const destId = String(v.message_template_id);
    const index = report.items.findIndex(
      (i) =>
        i.destinationTemplateId === destId ||
        (i.name === v.message_template_name && i.language === v.message_template_language),
    );
    const existing = report.items[index];
    if (!existing) return null;
    const items = [...report.items];
    items[index] = {
      ...existing,
      destinationTemplateId: destId,
      destinationQuality: v.new_quality_score,
    };
    return { ...report, items };
  }
  return null;
}
