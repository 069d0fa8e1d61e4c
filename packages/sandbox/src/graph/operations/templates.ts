import type { Sandbox } from "../../engine/sandbox.js";
import { COPY_FAILURES, copyTemplate } from "../../rules/copy-template.js";
import { canManageWaba, requireToken, requireWaba } from "../auth.js";
import { selectFields } from "../fields.js";
import { apiError, invalidParam, unsupportedRequest } from "../graph-error.js";
import type { Operation } from "../operation.js";
import { paginate } from "../paging.js";
import { list, type Params, requireStr, str, uint } from "../params.js";
import { TEMPLATE_DEFAULT_FIELDS, templateFields } from "../render.js";
import { wabaUsage } from "./waba-usage.js";

/** Page size and `count` maximum of the template migration API (facts §2.3). */
export const MIGRATION_PAGE_SIZE = 500;

const FILTERS = ["category", "language", "name", "quality_score", "status"] as const;

/**
 * One page of a WABA's templates with Meta's filters and cursors (facts §3.16), rendered with
 * `params.fields`: the `message_templates` edge, read directly or through field expansion.
 *
 * @example
 * const { data, paging } = templatePage(sandbox, wabaId, { limit: "10" }, url);
 */
export function templatePage(
  sandbox: Sandbox,
  wabaId: string,
  params: Params,
  url: URL,
): { data: Record<string, unknown>[]; paging?: Record<string, unknown> } {
  let templates = sandbox.state.templatesOf(wabaId);
  for (const filter of FILTERS) {
    const wanted = str(params, filter);
    if (wanted === undefined) continue;
    const values = wanted.split(",").map((v) => v.trim());
    templates = templates.filter((t) => {
      const actual = filter === "quality_score" ? t.quality.score : t[filter];
      return values.includes(actual);
    });
  }
  const text = str(params, "name_or_content") ?? str(params, "content");
  if (text)
    templates = templates.filter(
      (t) => t.name.includes(text) || t.components.some((c) => c.text?.includes(text)),
    );
  const fields = str(params, "fields");
  // Only the page is rendered: a WABA may hold 6,000 templates (`template-limit-near`).
  const page = paginate(templates, params, url, 25);
  const data = page.data.map((t) =>
    selectFields(fields, TEMPLATE_DEFAULT_FIELDS, templateFields(t), "WhatsAppBusinessHSM"),
  );
  return page.paging ? { data, paging: page.paging } : { data };
}

/** `GET /{waba-id}/message_templates` with Meta's filters and cursors (facts §3.16). */
export const getTemplates: Operation = {
  name: "getTemplateByNameDefaultFields",
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const page = templatePage(ctx.sandbox, ctx.nodeId, ctx.params, new URL(ctx.request.url));
    return { body: page.paging ? page : { data: page.data, paging: { cursors: {} } } };
  },
};

/** `GET /{template-id}` (facts §3.16, e.g. `?fields=quality_score`). */
export const getTemplate: Operation = {
  name: "getTemplateByIdDefaultFields",
  // A template node is not in Meta's WABA rate-limit list (see `wabaUsage`): not charged.
  run(ctx) {
    const token = requireToken(ctx);
    const template = ctx.sandbox.state.templates.get(ctx.nodeId);
    if (!template || !canManageWaba(token, template.wabaId))
      throw unsupportedRequest(ctx.method, ctx.nodeId);
    return {
      body: selectFields(
        str(ctx.params, "fields"),
        TEMPLATE_DEFAULT_FIELDS,
        templateFields(template),
        "WhatsAppBusinessHSM",
      ),
    };
  },
};

/**
 * `POST /{dest-waba-id}/migrate_message_templates` (facts §2.3): copies APPROVED templates with
 * GREEN or UNKNOWN quality from a WABA of the same business, by page or by id.
 */
export const migrateTemplates: Operation = {
  name: "createMigrateMessageTemplates",
  // Charged although §4.4's list leaves this edge out: the migration guide says automatic
  // duplication "does not count against your rate limit; your own API calls do" (facts line 145)
  // and the template migration page has no limit "beyond the WABA limits in §4.4" (line 205).
  usage: wabaUsage,
  run(ctx) {
    requireWaba(ctx, ctx.nodeId);
    const { state } = ctx.sandbox;
    const dest = state.wabas.get(ctx.nodeId);
    if (!dest) throw new Error("routed to a missing WABA");
    const sourceId = requireStr(ctx.params, "source_waba_id");
    const count = uint(ctx.params, "count") ?? MIGRATION_PAGE_SIZE;
    if (count < 1 || count > MIGRATION_PAGE_SIZE)
      throw invalidParam("count", `must be between 1 and ${MIGRATION_PAGE_SIZE}`);
    const pageNumber = uint(ctx.params, "page_number") ?? 0;
    const ids = list(ctx.params, "template_ids");
    if (ids && ids.length > MIGRATION_PAGE_SIZE)
      throw invalidParam("template_ids", `must list at most ${MIGRATION_PAGE_SIZE} ids`);
    const source = state.wabas.get(sourceId);
    if (!source || sourceId === dest.id)
      throw invalidParam(
        "source_waba_id",
        "is not a WhatsApp Business Account you can migrate from",
      );
    if (source.ownerBusinessId !== dest.ownerBusinessId) {
      throw apiError(100, {
        userTitle: "Templates can't be migrated",
        userMsg:
          "Templates can only be migrated between WhatsApp Business Accounts owned by the same business.",
        details: "source_waba_id belongs to a different business",
      });
    }
    const eligible = (t: { status: string; quality: { score: string } }) =>
      t.status === "APPROVED" && (t.quality.score === "GREEN" || t.quality.score === "UNKNOWN");
    const sourceTemplates = state.templatesOf(sourceId);
    const migrated: string[] = [];
    const failed: Record<string, string> = {};
    const candidates = ids
      ? ids.map((id) => ({ id, template: sourceTemplates.find((t) => t.id === id) }))
      : sourceTemplates
          .filter(eligible)
          .slice(pageNumber * count, (pageNumber + 1) * count)
          .map((template) => ({ id: template.id, template }));
    for (const { id, template } of candidates) {
      if (!template || !eligible(template)) {
        failed[id] = COPY_FAILURES.notEligible;
        continue;
      }
      const result = copyTemplate(ctx.sandbox, template, dest.id, "api");
      if (result.ok) migrated.push(template.id);
      else failed[template.id] = result.reason;
    }
    return { body: { migrated_templates: migrated, failed_templates: failed } };
  },
};
