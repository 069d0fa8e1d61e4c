import { WABA_CURRENCIES, type WabaCurrency } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import { assignSystemUser } from "./assign-system-user.js";
import type { CaptureReads } from "./capture-step.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";

async function creditLineId(rt: BffRuntime, m: StoredMigration): Promise<string> {
  const configured = rt.options.creditLineId ?? m.context.creditLineId;
  if (configured) return configured;
  const lines = await rt.graph.listCreditLines(rt.options.businessId);
  const line = lines.data.find((l) => l.is_access_revoked !== true);
  if (!line) throw new BffError("credit_line_not_found");
  await rt.store.updateMigration(m.id, { context: { creditLineId: line.id } }, rt.now());
  return line.id;
}

/**
 * The `waba_currency` of the share: the invoicing currency the new account already has when Meta
 * reports one (it cannot change once a credit line is attached), else the old account's, so the
 * customer keeps being invoiced as before, when it is one of the six Meta accepts; else the
 * configured default (facts §3.4, decision 030).
 */
function invoicingCurrency(
  rt: BffRuntime,
  m: StoredMigration,
  destination: string | null | undefined,
): WabaCurrency {
  const source = m.context.sourceCurrency as string | null | undefined;
  const accepted = (c: string | null | undefined): c is WabaCurrency =>
    (WABA_CURRENCIES as readonly (string | null | undefined)[]).includes(c);
  return [destination, source].find(accepted) ?? rt.currency;
}

/**
 * `share_credit_line`: adds our system user to the account (`assigned_users`, Meta's
 * prerequisite), `whatsapp_credit_sharing_and_attach`, then verifies that the allocation's
 * `receiving_credential.id` equals the WABA's `primary_funding_id`. Check before act: an allocation
 * recorded by an earlier attempt is only verified again, and a WABA that already has a funding
 * source is not shared again (Meta does not allow changing an attached credit line): when one of
 * our own allocations to the customer is that funding source (a share whose journal write was lost
 * in a crash, or an earlier migration of the same account) it is recorded and the step succeeds;
 * otherwise the account is billed elsewhere and the step stops (`waba_funded_elsewhere`), since
 * registering would move the number without us as the bill-to party. Registration waits for the
 * verification too (decision 042): a share Meta has not confirmed stops the move.
 *
 * @example
 * await runStep(rt, id, "share_credit_line", "credit_share_failed", (m) => creditStep(rt, m, token));
 */
export async function creditStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
): Promise<StepResult> {
  const wabaId = m.wabaId;
  if (!wabaId) throw new BffError("assets_not_found");
  let allocationId = m.context.allocationConfigId;
  const attempt = m.steps.find((s) => s.id === "share_credit_line")?.attempts ?? 1;
  if (!allocationId) {
    // First attempt: the funding source and currency read at capture are fresh; later ones read
    // them again.
    const captured = (m.context.captureReads as CaptureReads | undefined)?.destination;
    const destination =
      attempt <= 1 && captured && m.context.destinationPrimaryFundingId !== undefined
        ? {
            primary_funding_id: m.context.destinationPrimaryFundingId as string | null,
            currency: captured.currency,
          }
        : await rt.graph.getWaba(wabaId, token, ["id", "primary_funding_id", "currency"]);
    const funding = destination.primary_funding_id ?? null;
    // Sharing needs our system user on the account (Meta's prerequisite; decision 032).
    const [line] = await Promise.all([
      creditLineId(rt, m),
      funding ? null : assignSystemUser(rt, wabaId, attempt),
    ]);
    if (funding) {
      const own = await rt.graph.listOwnAllocations(line, m.businessId);
      const ours = own.data.find(
        (a) => a.receiving_credential?.id === funding && a.request_status !== "DELETED",
      );
      if (!ours) {
        throw new BffError("waba_funded_elsewhere", {
          detail:
            "The account's primary funding source is not one of our credit line's allocations.",
        });
      }
      rt.log.info("credit line already attached; not sharing again", {
        migrationId: m.id,
        step: "share_credit_line",
      });
      await rt.store.updateMigration(m.id, { context: { allocationConfigId: ours.id } }, rt.now());
      return "succeeded";
    }
    const currency = invoicingCurrency(rt, m, destination.currency);
    const shared = await rt.graph.shareCreditLine(line, wabaId, currency);
    allocationId = shared.allocation_config_id;
    await rt.store.updateMigration(
      m.id,
      { context: { allocationConfigId: allocationId } },
      rt.now(),
    );
  }
  const [allocation, waba] = await Promise.all([
    rt.graph.getAllocationConfig(allocationId),
    rt.graph.getWaba(wabaId, token, ["id", "primary_funding_id"]),
  ]);
  const credential = allocation.receiving_credential?.id;
  if (!credential || credential !== waba.primary_funding_id) {
    throw new BffError("credit_share_unverified", {
      detail:
        "The allocation's receiving credential does not match the account's primary funding id.",
    });
  }
  return "succeeded";
}
