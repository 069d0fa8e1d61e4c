import type { PhoneNumber } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import type { MigrationContext, StoredMigration } from "../store/migration-store.js";
import type { CaptureReads } from "./capture-step.js";
import { findEarlierMove } from "./find-earlier-move.js";
import { findLaterRun } from "./find-later-run.js";
import { readSecret, storeSecret } from "./migration-secrets.js";
import { phoneSnapshot } from "./read-source.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";
import { subscribeUnlessListed } from "./subscribe-step.js";

/**
 * `register` requests one migration may send in any 72 hours: half of Meta's 10 per number
 * (register and deregister together, facts §3.9), so that the old partner's deregistration, Meta's
 * own and a manual repair still fit before Meta blocks the number for 72 hours (decision 028).
 */
export const REGISTER_POST_LIMIT = 5;

/** Meta's moving window for the register/deregister limit (facts §3.9). */
export const REGISTER_WINDOW_MS = 72 * 3_600_000;

/**
 * The shortest wait before `register` is sent again after a transient failure: with the default
 * 15-minute budget (decision 018) one run of the step sends it at most 4 times, so a Meta outage
 * ends as a retryable `graph_unavailable` with one request of the kit's share left.
 */
export const REGISTER_RETRY_FLOOR_MS = 5 * 60_000;

/** The register requests of `m` still inside Meta's window at `now`. */
function recentRegisterPosts(m: StoredMigration, now: string): string[] {
  const since = Date.parse(now) - REGISTER_WINDOW_MS;
  return (m.context.registerPosts ?? []).filter((t) => Date.parse(t) > since);
}

/** The PIN of a migration: generated once on the server, sealed, and reused on every retry. */
async function migrationPin(rt: BffRuntime, migrationId: string): Promise<string> {
  const kept = await readSecret(rt, migrationId, "pin");
  if (kept !== null) return kept;
  const pin = rt.newPin();
  await storeSecret(rt, migrationId, "pin", pin);
  rt.log.addSecret(pin);
  return pin;
}

// Meta wants two-step verification off (2388001) or the current PIN (133005): when this partner
// already moved the number, the PIN is its own earlier registration's, and "ask your current
// provider" would send the customer to the wrong party.
async function refuseIfMovedBefore(rt: BffRuntime, m: StoredMigration, error: unknown) {
  if (!(error instanceof GraphError)) return;
  const code = errorCodeOfGraph(error);
  if (code !== "two_step_enabled" && code !== "pin_mismatch") return;
  const earlier = await findEarlierMove(rt, m);
  if (earlier) {
    throw new BffError("number_already_moved", {
      detail: `Migration ${earlier.id} already moved this phone number here and set its two-step PIN.`,
      graph: error.toRef(),
      cause: error,
    });
  }
}

// Stops with migration_superseded when a later migration captured the same number.
async function refuseIfSuperseded(rt: BffRuntime, m: StoredMigration, cause?: unknown) {
  const later = await findLaterRun(rt, m);
  if (later) {
    throw new BffError("migration_superseded", {
      detail: `Migration ${later.id} signed up the same phone number later; Meta moves it there.`,
      cause,
    });
  }
}

/** The fields that tell whether the number runs on Cloud API, and since when. */
const ONBOARDING_FIELDS = ["id", "status", "platform_type", "last_onboarded_time"];

/** The number as Meta shows it now: where it runs and when it was last onboarded. */
function readOnboarding(rt: BffRuntime, phoneId: string, token: string): Promise<PhoneNumber> {
  return rt.graph.getPhone(phoneId, token, ONBOARDING_FIELDS);
}

/** The number as capture read it, when that read says when it was last onboarded. */
function onboardingAtCapture(m: StoredMigration): PhoneNumber | null {
  const phone = (m.context.captureReads as CaptureReads | undefined)?.phone;
  return phone && "last_onboarded_time" in phone ? phone : null;
}

/**
 * The registration time of a number our register request of `context.registerAttemptedAt` may
 * have registered without us hearing the answer (a lost answer, a timeout, a crash), or null.
 * Meta tells only that the number runs CONNECTED on CLOUD_API and when it was last onboarded, in
 * whole seconds (facts §3.12), not by whom: an onboarding in the second of our request may be
 * another party's registration just before it (Meta then refused ours). It counts as ours only
 * when it differs from `context.onboardedBeforeRegister`, Meta's value before that request (an
 * attempt journaled without it: only a strictly later second; decision 044). A refusal taken for ours would end
 * the migration with a cutover that never happened; a registration of ours missed is sent again
 * with the same PIN, which Meta accepts (the PIN is ours then).
 */
function registeredSince(phone: PhoneNumber, context: MigrationContext): string | null {
  const attemptedAt = Date.parse(context.registerAttemptedAt ?? "");
  const onboarded = Date.parse(phone.last_onboarded_time ?? "");
  if (phone.status !== "CONNECTED" || phone.platform_type !== "CLOUD_API") return null;
  const before = context.onboardedBeforeRegister;
  const ours =
    before === undefined
      ? onboarded > attemptedAt
      : onboarded >= Math.floor(attemptedAt / 1000) * 1000 &&
        onboarded !== Date.parse(before ?? "");
  return ours ? new Date(onboarded).toISOString() : null;
}

/**
 * `register_phone`: registers the number on Cloud API in the destination WABA (the cutover: from
 * now on messages bill to the customer), then confirms it is CONNECTED on CLOUD_API. Check before
 * act: a recorded registration, or (after a crash or a lost answer) a number Meta onboarded on
 * Cloud API since our last request (see `registeredSince`), is never registered again; an attempt
 * Meta refused is never read as a registration. Every request is counted in the journal first,
 * and after {@link REGISTER_POST_LIMIT} in 72 hours the step stops with
 * `register_rate_limited` instead of sending another. Meta's 133005, 133016 and 2388103 become
 * clear action-required errors through the error mapping. A later migration of the same number
 * (Meta follows the latest Embedded Signup) stops this one with `migration_superseded`, before
 * registering or when Meta refuses the request.
 *
 * @example
 * await runStep(rt, id, "register_phone", "graph_error", (m) => registerStep(rt, m, token));
 */
export async function registerStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
): Promise<StepResult> {
  const phoneId = m.phoneNumberId;
  const wabaId = m.wabaId;
  if (!phoneId || !wabaId) throw new BffError("assets_not_found");
  let registeredAt = m.context.registeredAt ?? null;
  const attemptedAt = m.context.registerAttemptedAt;
  // The number as Meta showed it before this attempt's request: for a first attempt, as the
  // capture's destination read showed it (no call of its own, when that read had the field).
  let before: PhoneNumber | null = attemptedAt ? null : onboardingAtCapture(m);
  // Only an attempt whose outcome is unknown may have registered: one Meta refused (133005,
  // 2388001, ...) certainly did not, whatever Meta now shows.
  if (!registeredAt && attemptedAt && m.context.registerRefusedAt !== attemptedAt) {
    before = await readOnboarding(rt, phoneId, token);
    registeredAt = registeredSince(before, m.context);
  }
  if (!registeredAt) {
    // A later sign-up of the same number (another tab, "start another") took it over at Meta:
    // registering here would fail, or move it back from under the customer's newer choice.
    await refuseIfSuperseded(rt, m);
    const now = rt.now();
    const blockedUntil = m.context.registerBlockedUntil;
    if (blockedUntil && Date.parse(blockedUntil) > Date.parse(now)) {
      // A retry inside Meta's block would only be refused again, and count against the number.
      throw new BffError("register_rate_limited", {
        detail: `Meta blocks registering this number until ${blockedUntil} (error 133016); the kit sends nothing before then.`,
        retryAt: blockedUntil,
      });
    }
    const posts = recentRegisterPosts(m, now);
    if (posts.length >= REGISTER_POST_LIMIT) {
      throw new BffError("register_rate_limited", {
        detail: `This migration already sent register ${posts.length} times in 72 hours; the kit stops there, before Meta's limit of 10 per number (error 133016) blocks the number for 72 hours. Retry 72 hours after ${posts[0]}.`,
        // The oldest request leaves the 72-hour window then.
        retryAt: new Date(Date.parse(posts[0] ?? now) + REGISTER_WINDOW_MS).toISOString(),
      });
    }
    // A retry follows a refusal, often Meta's 2388103 (no app subscribed to the new account): the
    // subscription is put back first, or the retry would only spend another of the 10 requests.
    if ((m.steps.find((st) => st.id === "register_phone")?.attempts ?? 1) > 1)
      await subscribeUnlessListed(rt, wabaId, token);
    const pin = await migrationPin(rt, m.id);
    // What Meta showed before the request, so that a lost answer can be told (registeredSince).
    before ??= await readOnboarding(rt, phoneId, token);
    const sentAt = rt.now();
    // Counted before it is sent: a request whose answer is lost still counts at Meta.
    await rt.store.updateMigration(
      m.id,
      {
        context: {
          registerAttemptedAt: sentAt,
          registerPosts: [...posts, sentAt],
          onboardedBeforeRegister: before.last_onboarded_time ?? null,
        },
      },
      sentAt,
    );
    // Meta's refusals (2388001 two-step or ownership, 133005, 133016, 2388103) become the step's
    // code in stepFailure, through the one mapping of Graph errors (errorCodeOfGraph).
    try {
      await rt.graph.register(phoneId, token, pin);
    } catch (error) {
      // Meta answered with a refusal: this attempt registered nothing (see registeredSince).
      if (error instanceof GraphError && error.kind === "graph" && !error.transient) {
        await rt.store.updateMigration(m.id, { context: { registerRefusedAt: sentAt } }, rt.now());
      }
      // The later sign-up may have come while this request was on its way: Meta's refusal
      // (2388103 for the number now pending elsewhere) then means the takeover, not a fault here.
      await refuseIfSuperseded(rt, m, error);
      await refuseIfMovedBefore(rt, m, error);
      // Meta's 133016 blocks the number from registering for 72 hours: say until when.
      if (error instanceof GraphError && errorCodeOfGraph(error) === "register_rate_limited") {
        const until = new Date(Date.parse(rt.now()) + REGISTER_WINDOW_MS).toISOString();
        await rt.store.updateMigration(
          m.id,
          { context: { registerBlockedUntil: until } },
          rt.now(),
        );
        throw new BffError("register_rate_limited", {
          graph: error.toRef(),
          retryAt: until,
          cause: error,
        });
      }
      throw error;
    }
    registeredAt = rt.now();
  }
  await rt.store.updateMigration(
    m.id,
    { billingCutoverAt: registeredAt, context: { registeredAt } },
    rt.now(),
  );
  rt.hub.notify(m.id);
  const phone = await rt.graph.getPhone(phoneId, token);
  if (phone.status !== "CONNECTED" || phone.platform_type !== "CLOUD_API") {
    throw new BffError("registration_unconfirmed", {
      detail: `The number is ${phone.status ?? "in an unknown status"} on ${phone.platform_type ?? "an unknown platform"}.`,
    });
  }
  // The summary says what the customer kept: as Meta reports the number after the move, not as
  // it was read at capture.
  await rt.store.updateMigration(m.id, { phone: phoneSnapshot(phone) }, rt.now());
  return "succeeded";
}
