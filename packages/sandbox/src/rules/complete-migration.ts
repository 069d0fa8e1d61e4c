import type { Sandbox } from "../engine/sandbox.js";
import type { PhoneRecord } from "../state/types.js";
import { copyEligibleTemplates } from "./copy-template.js";

/**
 * What a successful registration on the destination does (facts §2.1, §7): the number is
 * re-associated with the destination WABA, keeps its display name, quality rating, messaging limit
 * and official-business status, runs on Cloud API only, and Meta schedules the automatic template
 * copy after the configured delay.
 *
 * @example
 * completeMigration(sandbox, phone);
 */
export function completeMigration(sandbox: Sandbox, phone: PhoneRecord): void {
  const migration = phone.migration;
  if (!migration) return;
  const sourceWabaId = phone.wabaId;
  const destWabaId = migration.destWabaId;
  const now = sandbox.clock.now();
  phone.wabaId = destWabaId;
  phone.migration = undefined;
  phone.status = "CONNECTED";
  phone.platform_type = "CLOUD_API";
  phone.code_verification_status = "VERIFIED";
  phone.lastOnboardedTime = now;
  sandbox.jobs.schedule(
    now + sandbox.options.templateCopyDelayMs,
    `template copy ${sourceWabaId} → ${destWabaId}`,
    () => {
      copyEligibleTemplates(sandbox, sourceWabaId, destWabaId);
    },
  );
}
