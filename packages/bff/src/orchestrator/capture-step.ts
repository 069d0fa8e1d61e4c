import type { PhoneNumber, Waba } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import { checkEligibility } from "./eligibility.js";
import { phoneSnapshot, readSource, reportItem } from "./read-source.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";

/** What `POST /migrations` read, kept in the context so the first capture attempt need not read it again. */
export interface CaptureReads {
  phone: PhoneNumber;
  destination: Waba;
}

/**
 * `capture_assets` after the answer: reads the source WABA and its templates (discovering it from
 * the granted WABAs when not given), writes the phone snapshot and the templates report, then
 * checks eligibility; a failed rule ends the step as action required with the contracts' code.
 * On a retry it reads the number and the destination again, since the customer fixed something.
 *
 * @example
 * await runStep(rt, id, "capture_assets", "graph_error", (m) => captureStep(rt, m, token));
 */
export async function captureStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
): Promise<StepResult> {
  const ctx = m.context;
  const attempt = m.steps.find((s) => s.id === "capture_assets")?.attempts ?? 1;
  const stored = ctx.captureReads as CaptureReads | undefined;
  const wabaId = m.wabaId;
  const phoneNumberId = m.phoneNumberId;
  if (!wabaId || !phoneNumberId) throw new BffError("assets_not_found");
  const [reads, source] = await Promise.all([
    stored && attempt <= 1
      ? Promise.resolve(stored)
      : Promise.all([rt.graph.listPhones(wabaId, token), rt.graph.getWaba(wabaId, token)]).then(
          ([phones, destination]): CaptureReads => {
            const phone = phones.data.find((p) => p.id === phoneNumberId);
            if (!phone) {
              throw new BffError("asset_not_granted", {
                detail:
                  "The phone number does not belong to the granted WhatsApp Business Account.",
              });
            }
            return { phone, destination };
          },
        ),
    readSource(rt, {
      token,
      phoneNumberId,
      destinationWabaId: wabaId,
      sourceWabaId: m.sourceWabaId,
      grantedWabaIds: ctx.grantedWabaIds ?? [],
    }),
  ]);
  const eligibility = checkEligibility({
    phone: reads.phone,
    destination: reads.destination,
    source: source?.waba ?? null,
  });
  await rt.store.updateMigration(
    m.id,
    {
      phone: phoneSnapshot(reads.phone),
      sourceWabaId: source?.waba.id ?? m.sourceWabaId,
      warnings: eligibility.warnings,
      templates: source
        ? { mode: "not_started", sourceReadable: true, items: source.templates.map(reportItem) }
        : { mode: "meta_automatic", sourceReadable: false, items: [] },
      context: {
        captureReads: reads,
        destinationPrimaryFundingId: reads.destination.primary_funding_id ?? null,
      },
    },
    rt.now(),
  );
  rt.hub.notify(m.id);
  if (eligibility.blocker) throw new BffError(eligibility.blocker);
  return "succeeded";
}
