import type { MigrationStatus, StepStatus } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import { REGISTER_OPERATION } from "../graph/migration-writes.js";
import type { StoredMigration } from "../store/migration-store.js";
import { prefetchSystemUserId } from "./assign-system-user.js";
import { captureStep, type GrantVerdict } from "./capture-step.js";
import { creditStep } from "./credit-step.js";
import { readSecret } from "./migration-secrets.js";
import { REGISTER_RETRY_FLOOR_MS, registerStep } from "./register-step.js";
import type { BffRuntime } from "./runtime.js";
import { runStep, type StepRun } from "./step-runner.js";
import { subscribeStep } from "./subscribe-step.js";
import { recordTemplatesFailure } from "./templates-failure.js";
import { templatesStep } from "./templates-step.js";

/** What the create request hands the first run of a migration it is creating. */
export interface StartHooks {
  /** Resolves true once the migration and its token are in the journal (false: do not run). */
  stored?: Promise<boolean>;
  /** Told the outcome of the grant check (see `captureStep`). */
  onGrantChecked?: (verdict: GrantVerdict) => void;
}

/** Runs migrations in the background of this instance. */
export interface Engine {
  /**
   * Starts (or joins) the background run of a migration. The create request starts it before the
   * migration is stored (`hooks.stored`), so a resume in between joins this run instead of
   * starting one without the token.
   */
  start(migrationId: string, hooks?: StartHooks): Promise<void>;
  /** Starts every `running` migration of the store (on start, and after a crash of another instance). */
  resume(): Promise<number>;
  /** Resolves when no migration runs in this instance and no resume is still listing them. */
  idle(): Promise<void>;
  /** Stops the `resumeEveryMs` ticker and resumes, then resolves once idle (graceful shutdown). */
  close(): Promise<void>;
}

/** The migration status the server steps add up to, or null while some are still open. */
function overallStatus(m: StoredMigration): MigrationStatus | null {
  const server = m.steps.filter(
    (s) => s.id !== "two_step_verification" && s.id !== "embedded_signup",
  );
  const has = (status: StepStatus) => server.some((s) => s.status === status);
  if (server.every((s) => s.status === "succeeded" || s.status === "skipped")) return "completed";
  if (has("running") || has("pending")) {
    // Open steps behind a stop cannot run: the migration stops with the stop.
    if (!has("action_required") && !has("failed")) return null;
    if (has("running")) return null;
  }
  return has("action_required") ? "action_required" : "failed";
}

/**
 * The orchestration: capture_assets → (share_credit_line ‖ subscribe_webhooks ‖ migrate_templates)
 * → register_phone (with the CONNECTED/CLOUD_API check and billingCutoverAt). Each step runs under
 * a lease in the store, so another instance can take over a crashed one's work, and retries
 * transient Graph failures within a budget (see `runStep`). In round trips after the code
 * exchange: debug_token ‖ destination reads (‖ source reads when `sourceWabaId` is known) →
 * writes → the share's verification reads → register → confirm; without `sourceWabaId` the
 * source is discovered after debug_token, one round trip more.
 *
 * @example
 * const engine = createEngine(rt);
 * void engine.start(migration.id);
 */
export function createEngine(rt: BffRuntime): Engine {
  const running = new Map<string, Promise<void>>();

  async function finish(id: string): Promise<void> {
    const m = await rt.store.getMigration(id);
    if (m?.status !== "running") return;
    const status = overallStatus(m);
    if (!status) return;
    await rt.store.updateMigration(id, { status }, rt.now());
    rt.log.info("migration ended", { tenant: m.tenant, migrationId: id, status });
  }

  async function drive(id: string, hooks: StartHooks): Promise<void> {
    if (hooks.stored && !(await hooks.stored)) return;
    const m = await rt.store.getMigration(id);
    if (m?.status !== "running") return;
    let token: string;
    try {
      const stored = await readSecret(rt, id, "business_token");
      if (stored === null)
        throw new BffError("internal_error", {
          detail: "No business token is stored for this migration.",
        });
      token = stored;
    } catch (error) {
      // An unknown key id (a rotated-away key) or a lost token: record it on the next open step
      // instead of leaving the migration running forever.
      const open = m.steps.find((s) => s.status === "pending" || s.status === "running");
      if (open) {
        await runStep(rt, id, open.id, "internal_error", async () => {
          throw error;
        });
      }
      await finish(id);
      return;
    }
    rt.log.addSecret(token);
    // The credit share needs our system user's id: looked up beside the capture's last round trip
    // (with a named source the capture is one round trip, so at once; else after the grant check).
    if (m.sourceWabaId) prefetchSystemUserId(rt, m);
    const capture = await runStep(rt, id, "capture_assets", "graph_error", (c) =>
      captureStep(rt, c, token, (verdict) => {
        if (verdict.ok && !m.sourceWabaId) prefetchSystemUserId(rt, verdict.migration);
        hooks.onGrantChecked?.(verdict);
      }),
    );
    if (capture !== "done") return void (capture === "stopped" ? await finish(id) : undefined);
    // Registration is the cutover and cannot be undone: it waits for the subscription, the
    // templates and the credit share, including the share's verification (the allocation's
    // receiving credential is the account's funding source), so a billing problem stops the
    // migration before the number moves (decision 042).
    const credit = runStep(rt, id, "share_credit_line", "credit_share_failed", (c) =>
      creditStep(rt, c, token),
    );
    const parallel = Promise.all([
      runStep(rt, id, "subscribe_webhooks", "webhook_subscription_failed", (c) =>
        subscribeStep(rt, c, token),
      ),
      runStep(
        rt,
        id,
        "migrate_templates",
        "template_migration_failed",
        (c) => templatesStep(rt, c, token),
        // A failed copy is reported and registration goes on (decision 029).
        { onStop: (failure) => recordTemplatesFailure(rt, id, failure.error) },
      ),
    ]);
    let others: StepRun[];
    try {
      others = await parallel;
    } catch (error) {
      // A journal outage fails the parallel steps together: the credit share must settle (and any
      // failure of its own be dropped) before this run crashes, or its rejection goes unhandled
      // and takes the whole process down.
      await credit.catch(() => undefined);
      throw error;
    }
    const all = [...others, await credit];
    if (all.some((w) => w !== "done"))
      return void (all.includes("stopped") ? await finish(id) : undefined);
    await runStep(rt, id, "register_phone", "graph_error", (c) => registerStep(rt, c, token), {
      // Only a failed register request waits longer: Meta counts each one (decision 028).
      retryFloorMs: (error) =>
        error.details.operation === REGISTER_OPERATION ? REGISTER_RETRY_FLOOR_MS : 0,
    });
    await finish(id);
  }

  // Resumes still listing the store: idle() waits for them, so nothing starts after a shutdown
  // closed the journal.
  const resuming = new Set<Promise<number>>();
  let closed = false;
  // Picks up migrations whose instance died (their step leases expire) without a restart here.
  const timer = rt.options.resumeEveryMs
    ? setInterval(() => {
        void engine.resume().catch((error: unknown) => rt.log.error("resume failed", { error }));
      }, rt.options.resumeEveryMs)
    : undefined;
  timer?.unref?.();

  async function listAndStart(): Promise<number> {
    const ids = await rt.store.listResumableMigrations();
    if (closed) return 0;
    for (const id of ids) void engine.start(id);
    return ids.length;
  }

  const engine: Engine = {
    start(id, hooks = {}) {
      const existing = running.get(id);
      if (existing) return existing;
      const run = drive(id, hooks)
        .catch((error: unknown) =>
          rt.log.error("migration run crashed", { migrationId: id, error }),
        )
        .finally(() => {
          running.delete(id);
          rt.hub.notify(id);
        });
      running.set(id, run);
      return run;
    },
    resume() {
      if (closed) return Promise.resolve(0);
      const listing = listAndStart().finally(() => resuming.delete(listing));
      resuming.add(listing);
      return listing;
    },
    async idle() {
      while (running.size > 0 || resuming.size > 0) {
        await Promise.allSettled([...resuming]);
        await Promise.all([...running.values()]);
      }
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await engine.idle();
    },
  };
  return engine;
}
