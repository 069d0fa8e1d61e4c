import { TEMPLATE_MIGRATION_PAGE_SIZE } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import type { StoredTemplateItem } from "../store/stored-templates-report.js";
import { listAllTemplates } from "./list-all-templates.js";
import { mergeReportItems } from "./merge-report-items.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";
import { statusReason, templateKey } from "./template-key.js";
import { updateMigrationSafely } from "./update-migration-safely.js";

/**
 * Copies templates from the source WABA into the destination with `migrate_message_templates`,
 * before registration so they are usable the moment the number moves. Check before act: templates
 * the destination already has (same name and language) are reported as copied and not sent again.
 * Respects the destination's template limit (250 unverified, 6,000 verified), sends pages of
 * <= 500 ids in parallel (halved on each later attempt, as Meta asks after a timeout; a timed-out
 * page is never sent again blindly), and records per-template failures. A page that fails throws
 * once the other pages' results are recorded; when the step gives up for good the migration goes on
 * without the copy (`recordTemplatesFailure`, decision 029). `only` limits it to these source ids
 * (manual migration from the operator view).
 *
 * @example
 * await runStep(rt, id, "migrate_templates", "template_migration_failed", (m) => templatesStep(rt, m, token));
 */
export async function templatesStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
  only?: string[],
): Promise<StepResult> {
  const dest = m.wabaId;
  const report = m.templates;
  if (!dest) throw new BffError("assets_not_found");
  if (!report.sourceReadable || !m.sourceWabaId) {
    // Meta copies eligible templates itself after registration; webhooks and polling fill the report.
    await updateMigrationSafely(rt, m.id, (latest) => ({
      templates: { ...latest.templates, mode: "meta_automatic" },
    }));
    return "skipped";
  }
  // The first attempt trusts Meta's answer (a full destination says "Template limit exceeded" per
  // template); a retry or a manual run first looks at what the destination already holds.
  const attempt = m.steps.find((st) => st.id === "migrate_templates")?.attempts ?? 1;
  const existing =
    attempt > 1 || only || m.status !== "running" ? await listAllTemplates(rt, dest, token) : [];
  const existingByKey = new Map(existing.map((t) => [templateKey(t), t]));
  const verified =
    (
      m.context.captureReads as
        | { destination?: { business_verification_status?: string } }
        | undefined
    )?.destination?.business_verification_status === "verified";
  let room = (verified ? 6000 : 250) - existing.length;
  const items: StoredTemplateItem[] = report.items.map((item) => {
    // A copy Meta's re-check rejected exists in the destination, and a copy Meta refused gets the
    // same answer again: neither is sent unasked (a manual run naming a refused one sends it).
    const wanted = only
      ? only.includes(item.sourceTemplateId ?? "") &&
        item.outcome !== "not_eligible" &&
        item.outcome !== "copied" &&
        item.outcome !== "rejected_on_recheck"
      : item.outcome === "pending" || item.outcome === "failed" || item.outcome === "over_limit";
    if (!wanted) return item;
    const there = existingByKey.get(templateKey(item));
    if (there)
      return {
        ...item,
        outcome: there.status === "REJECTED" ? "rejected_on_recheck" : "copied",
        destinationTemplateId: there.id,
        destinationQuality: there.quality_score?.score ?? null,
        // When Meta set that quality (Unix seconds, as a webhook's entry time): a quality webhook
        // older than this reading, delivered late, must not undo it (decision 027). Without a date
        // the reading is not ordered and the next webhook applies.
        qualityAt: there.quality_score?.date ?? null,
        reason: statusReason(there.status, there.rejected_reason),
      };
    if (room <= 0)
      return {
        ...item,
        outcome: "over_limit",
        reason: "the destination's template limit is reached",
      };
    room -= 1;
    return { ...item, outcome: "pending", reason: null };
  });
  const toCopy = items
    .filter((i) => i.outcome === "pending" && i.sourceTemplateId)
    .map((i) => i.sourceTemplateId as string);
  // Meta: "If the request takes longer than 30 seconds to execute and times out, reduce the count"
  // (facts §2.3). Each later attempt halves the page, down to 25 ids.
  const pageSize = Math.max(25, TEMPLATE_MIGRATION_PAGE_SIZE >> (attempt - 1));
  const pages: string[][] = [];
  for (let i = 0; i < toCopy.length; i += pageSize) pages.push(toCopy.slice(i, i + pageSize));
  const settled = await Promise.allSettled(
    pages.map((ids) => rt.graph.migrateTemplates(dest, token, m.sourceWabaId as string, ids)),
  );
  const results = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  // What the other pages copied is kept even when one page failed; a failed page's templates keep
  // their line as it was (Meta may still have copied them: the next run lists the destination).
  const refused = settled.find((r) => r.status === "rejected");
  const unsent = new Set(settled.flatMap((r, i) => (r.status === "rejected" ? pages[i] : [])));
  const before = new Map(report.items.map((i) => [templateKey(i), i]));
  const migrated = new Set(results.flatMap((r) => r.migrated_templates ?? []));
  const failed = new Map(results.flatMap((r) => Object.entries(r.failed_templates ?? {})));
  const final = items.map((item): StoredTemplateItem => {
    if (item.outcome !== "pending" || !item.sourceTemplateId) return item;
    if (unsent.has(item.sourceTemplateId)) return before.get(templateKey(item)) ?? item;
    const why = failed.get(item.sourceTemplateId);
    if (why && /limit/i.test(why)) return { ...item, outcome: "over_limit", reason: why };
    if (failed.has(item.sourceTemplateId))
      return { ...item, outcome: "refused", reason: failed.get(item.sourceTemplateId) ?? null };
    if (migrated.has(item.sourceTemplateId))
      return { ...item, outcome: "copied", destinationQuality: "UNKNOWN" };
    return item;
  });
  const overLimit = final.some((i) => i.outcome === "over_limit");
  // Webhooks may have reported on these templates while the pages were copied (a re-check REJECTED,
  // the copy's id): what they wrote since the step read the report wins over the step's own view.
  await updateMigrationSafely(rt, m.id, (latest) => {
    let warnings = latest.warnings;
    if (overLimit && !warnings.includes("template_limit_reached"))
      warnings = [...warnings, "template_limit_reached"];
    // Once room was made and the rest went through, the limit no longer holds anything back.
    if (!overLimit) warnings = warnings.filter((w) => w !== "template_limit_reached");
    // A copy that went through answers a failed one recorded earlier (decision 029).
    if (!refused) warnings = warnings.filter((w) => w !== "template_migration_failed");
    return {
      templates: {
        mode: "copied_before_registration",
        sourceReadable: true,
        items: mergeReportItems(report.items, final, latest.templates.items),
      },
      warnings,
    };
  });
  if (refused) throw refused.reason;
  return "succeeded";
}
