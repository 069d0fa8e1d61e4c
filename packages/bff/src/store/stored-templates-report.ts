import type { TemplateReportItem, TemplatesReport } from "@wa-migrate/contracts";

/**
 * A templates report line as the journal keeps it: the public line plus Meta's entry times (Unix
 * seconds) of the last quality and category webhook applied, so that an older or redelivered
 * change is ignored (decision 027). Only the BFF decides with them, so {@link toMigration} leaves
 * them out and browsers never download them; rows written before they existed simply lack them.
 *
 * @example
 * const line: StoredTemplateItem = { ...item, destinationQuality: "YELLOW", qualityAt: 1767610800 };
 */
export interface StoredTemplateItem extends TemplateReportItem {
  /** Meta's time of the last `message_template_quality_update` applied to this line. */
  qualityAt?: number | null;
  /** Meta's time of the last `template_category_update` applied to this line. */
  categoryAt?: number | null;
}

/**
 * The templates report as the journal keeps it, lines with their webhook times.
 *
 * @example
 * const report: StoredTemplatesReport = { mode: "meta_automatic", sourceReadable: false, items: [] };
 */
export interface StoredTemplatesReport extends Omit<TemplatesReport, "items"> {
  items: StoredTemplateItem[];
}
