import type { PhoneNumber, Waba } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import { checkGrant, type GrantCheck } from "./check-grant.js";
import { checkEligibility } from "./eligibility.js";
import {
  phoneSnapshot,
  readSource,
  readSourceAccount,
  reportItem,
  type SourceAccount,
} from "./read-source.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";

/** What the grant check read, kept in the context for later steps (template limit, funding). */
export interface CaptureReads {
  phone: PhoneNumber;
  destination: Waba;
}

/**
 * What `POST /migrations` waits for: the grant check's outcome. The rest of `capture_assets`
 * (source, templates, eligibility) goes on after the answer.
 */
export type GrantVerdict = { ok: true; migration: StoredMigration } | { ok: false; error: unknown };

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * `capture_assets`: the grant check (`debug_token` with the destination's numbers and fields, see
 * {@link checkGrant}), reported through `onGrantChecked` as soon as it is known (the create request
 * answers then, so a wrong grant is its 403), then the source WABA and its templates, the phone
 * snapshot and templates report, and eligibility; a failed rule ends the step as action required
 * with the contracts' code. When the caller named the source WABA, its reads are GETs sent together
 * with `debug_token` (one round trip less) and discarded if the grant check fails; otherwise the
 * source is discovered among the granted WABAs after `debug_token`.
 *
 * @example
 * await runStep(rt, id, "capture_assets", "graph_error", (m) => captureStep(rt, m, token));
 */
export async function captureStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
  onGrantChecked: (verdict: GrantVerdict) => void = () => {},
): Promise<StepResult> {
  const speculative = m.sourceWabaId ? settle(readSourceAccount(rt, m.sourceWabaId, token)) : null;
  let grant: GrantCheck;
  try {
    grant = await checkGrant(rt, m, token);
  } catch (error) {
    onGrantChecked({ ok: false, error });
    throw error;
  }
  const reads: CaptureReads = { phone: grant.phone, destination: grant.destination };
  const checked = await rt.store.updateMigration(
    m.id,
    {
      wabaId: grant.wabaId,
      phoneNumberId: grant.phoneNumberId,
      businessId: grant.businessId,
      phone: phoneSnapshot(grant.phone),
      context: {
        grantedWabaIds: grant.grantedWabaIds,
        captureReads: reads,
        destinationPrimaryFundingId: grant.destination.primary_funding_id ?? null,
      },
    },
    rt.now(),
  );
  rt.hub.notify(m.id);
  if (checked) onGrantChecked({ ok: true, migration: checked });
  let source: SourceAccount | null;
  if (speculative) {
    const settled = await speculative;
    if (!settled.ok) throw settled.error;
    source = settled.value;
  } else {
    source = await readSource(rt, {
      token,
      phoneNumberId: grant.phoneNumberId,
      destinationWabaId: grant.wabaId,
      sourceWabaId: null,
      grantedWabaIds: grant.grantedWabaIds,
    });
  }
  const eligibility = checkEligibility({
    phone: grant.phone,
    destination: grant.destination,
    source: source?.waba ?? null,
  });
  // Meta's template migration API copies only between WABAs of the same business (facts §2.3).
  // Across businesses (the customer put the new account in another portfolio) Meta's automatic
  // copy after registration is the only way, as for a source we cannot read.
  const sourceOwner = source?.waba.owner_business_info?.id;
  const destinationOwner = grant.destination.owner_business_info?.id;
  const otherBusiness = Boolean(
    sourceOwner && destinationOwner && sourceOwner !== destinationOwner,
  );
  await rt.store.updateMigration(
    m.id,
    {
      sourceWabaId: source?.waba.id ?? m.sourceWabaId,
      // The invoicing currency the old account has, for the credit share (decision 030).
      context: { sourceCurrency: source?.waba.currency ?? null },
      warnings: eligibility.warnings,
      templates:
        source && !otherBusiness
          ? { mode: "not_started", sourceReadable: true, items: source.templates.map(reportItem) }
          : { mode: "meta_automatic", sourceReadable: false, items: [] },
    },
    rt.now(),
  );
  rt.hub.notify(m.id);
  if (eligibility.blocker) throw new BffError(eligibility.blocker);
  return "succeeded";
}
