import type { MigrationError } from "@wa-migrate/contracts";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";
import { updateMigrationSafely } from "./update-migration-safely.js";

/**
 * What happens when `migrate_templates` gives up (Meta refused the copy, or stayed unavailable past
 * the retry budget): the templates still waiting are reported `failed`, with Meta's words when Meta
 * gave some, the migration gets the `template_migration_failed` warning, and the step ends
 * succeeded so that registration goes on. A failed copy must not strand the number: Meta also
 * copies eligible templates itself once the number is registered, and "Copy templates now"
 * (`POST /migrations/:id/templates`) stays for the rest (facts §2.1, decision 029).
 *
 * @example
 * await runStep(rt, id, "migrate_templates", "template_migration_failed", body, {
 *   onStop: (failure) => recordTemplatesFailure(rt, id, failure.error),
 * });
 */
export async function recordTemplatesFailure(
  rt: BffRuntime,
  migrationId: string,
  error: MigrationError,
): Promise<StepResult> {
  // The customer's report shows a failed line's reason as it is: only Meta's own words, never
  // the kit's English catalogue text (the warning explains it in the customer's language).
  const reason = error.graph?.message ?? null;
  await updateMigrationSafely(rt, migrationId, (latest) => ({
    templates: {
      ...latest.templates,
      items: latest.templates.items.map((item) =>
        item.outcome === "pending" ? { ...item, outcome: "failed", reason } : item,
      ),
    },
    warnings: latest.warnings.includes("template_migration_failed")
      ? latest.warnings
      : [...latest.warnings, "template_migration_failed"],
  }));
  return "succeeded";
}
