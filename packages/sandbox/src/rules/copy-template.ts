import type { Sandbox } from "../engine/sandbox.js";
import type { TemplateRecord } from "../state/types.js";
import { templateQualityValue, templateStatusValue } from "../webhooks/webhook-payloads.js";
import { templateLimit } from "./template-limit.js";

/** Why a template was not copied (the reason strings of `failed_templates`). */
export const COPY_FAILURES = {
  duplicate: "Template with the same name and language already exists",
  limit: "Template limit exceeded",
  incorrectCategory: "Incorrect category",
  notEligible: "Template is not eligible for migration",
} as const;

/** The result of copying one template. */
export type CopyResult =
  | { ok: true; template: TemplateRecord }
  | { ok: false; reason: (typeof COPY_FAILURES)[keyof typeof COPY_FAILURES] };

const DAY = 86_400_000;

/** Templates that count against a WABA's limit (name + language each). */
export function templateCount(sandbox: Sandbox, wabaId: string): number {
  return sandbox.state.templatesOf(wabaId).filter((t) => t.status !== "DELETED").length;
}

/**
 * Recreates `source` in `destWabaId` the way Meta does during a migration (facts §2.1, §2.3):
 * never twice (name + language), not past the destination's limit (`templateLimit`, read now), status kept, quality UNKNOWN
 * for 24 h, then the source's score with a `message_template_quality_update`. A category re-check
 * (scenario `recheck-rejects`) rejects it: the automatic copy creates it REJECTED, the API reports a failure.
 *
 * @example
 * const result = copyTemplate(sandbox, template, destWabaId, "automatic");
 */
export function copyTemplate(
  sandbox: Sandbox,
  source: TemplateRecord,
  destWabaId: string,
  mode: "automatic" | "api",
): CopyResult {
  const { state, clock } = sandbox;
  const dest = state.wabas.get(destWabaId);
  if (!dest) throw new Error(`no WABA ${destWabaId}`);
  const exists = state
    .templatesOf(destWabaId)
    .some((t) => t.name === source.name && t.language === source.language);
  if (exists) return { ok: false, reason: COPY_FAILURES.duplicate };
  if (templateCount(sandbox, destWabaId) >= templateLimit(state, destWabaId)) {
    return { ok: false, reason: COPY_FAILURES.limit };
  }
  const rejected = sandbox.scenario.recheckRejects.includes(source.name);
  if (rejected && mode === "api") return { ok: false, reason: COPY_FAILURES.incorrectCategory };
  const now = clock.now();
  const copy: TemplateRecord = {
    ...structuredClone(source),
    id: state.newId(16),
    wabaId: destWabaId,
    status: rejected ? "REJECTED" : source.status,
    rejectedReason: rejected ? "INCORRECT_CATEGORY" : undefined,
    quality: { score: "UNKNOWN", date: Math.floor(now / 1000) },
    copiedFromId: source.id,
  };
  state.templates.set(copy.id, copy);
  sandbox.webhooks.send(
    destWabaId,
    destWabaId,
    "message_template_status_update",
    templateStatusValue(copy, rejected ? "INCORRECT_CATEGORY" : "NONE"),
  );
  if (!rejected) {
    const finalScore = source.quality.score;
    sandbox.jobs.schedule(now + DAY, `quality window ${copy.name}/${copy.language}`, () => {
      if (copy.quality.score !== "UNKNOWN" || finalScore === "UNKNOWN") return;
      copy.quality = { score: finalScore, date: Math.floor(sandbox.clock.now() / 1000) };
      sandbox.webhooks.send(
        destWabaId,
        destWabaId,
        "message_template_quality_update",
        templateQualityValue(copy, "UNKNOWN"),
      );
    });
  }
  return { ok: true, template: copy };
}

/**
 * Meta's automatic duplication after registration: APPROVED + GREEN templates of the source, in
 * order, until the destination's limit; duplicates are skipped.
 *
 * @example
 * copyEligibleTemplates(sandbox, sourceWabaId, destWabaId);
 */
export function copyEligibleTemplates(
  sandbox: Sandbox,
  sourceWabaId: string,
  destWabaId: string,
): number {
  let copied = 0;
  for (const template of sandbox.state.templatesOf(sourceWabaId)) {
    if (template.status !== "APPROVED" || template.quality.score !== "GREEN") continue;
    const result = copyTemplate(sandbox, template, destWabaId, "automatic");
    if (result.ok) copied += 1;
    else if (result.reason === COPY_FAILURES.limit) break;
  }
  return copied;
}
