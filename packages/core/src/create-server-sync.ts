import type {
  CreateMigrationRequest,
  EmbeddedSignupFinish,
  Migration,
} from "@wa-migrate/contracts";
import type { BffClient } from "./bff-client.js";
import { BffError } from "./bff-error.js";
import { flowErrorFromBff, flowErrorFromMigration } from "./flow-errors.js";
import type { safeStorage } from "./flow-storage.js";
import type { createFlowStore } from "./flow-store.js";
import type { FlowSnapshot } from "./flow-types.js";

interface ServerSyncContext {
  client: BffClient;
  store: ReturnType<typeof createFlowStore>;
  /** `store.set` unless the flow was destroyed. */
  set: ReturnType<typeof createFlowStore>["set"];
  kept: ReturnType<typeof safeStorage>;
  /** Where the submission on its way to the BFF is kept, so a reload sends it again. */
  sending: ReturnType<typeof safeStorage>;
  sourceWabaId?: string;
  /**
   * Where the flow goes when there is nothing to show: `ready` once the SDK is there, or the SDK's
   * load failure, which must not be lost under a resume that came to nothing.
   */
  atRest: () => Pick<FlowSnapshot, "state" | "error">;
}

/** A create on its way to the BFF: the request and its idempotency key. */
interface Submission {
  key: string;
  request: CreateMigrationRequest;
}

/**
 * The server half of the flow: hands a code to the BFF (one idempotency key per code, so a repeat
 * returns the same migration; kept in storage until answered, so a reload sends it again), follows
 * the migration's stream, and resumes a kept migration. Work stopped meanwhile (`stop()`: reset,
 * destroy) ignores its answers.
 *
 * @example
 * const sync = createServerSync({ client, store, set: store.set, kept, sending, atRest: () => ({ state: "ready", error: null }) });
 * void sync.submit("AQB...", finishMessage);
 */
export function createServerSync(context: ServerSyncContext) {
  const { client, store, set, kept, sending } = context;
  let stopStream: (() => void) | null = null;
  let pending: Submission | null = null;
  // Bumped by stop(): an answer to work started before it is not this flow's any more.
  let epoch = 0;

  function apply(migration: Migration) {
    const before = store.getSnapshot().migration;
    set({ state: migration.status, migration, error: flowErrorFromMigration(migration) });
    store.emit({ type: "migration", migration });
    if (migration.status === "completed" && before?.status !== "completed") {
      store.emit({ type: "complete", migration });
    }
  }

  function follow(migration: Migration) {
    kept.set(migration.id);
    apply(migration);
    stopStream?.();
    stopStream = client.subscribe(migration.id, apply, (error) => {
      const flowError = flowErrorFromBff(error, store.getSnapshot().currentStep);
      // A final refusal (session ended, migration gone) ends the updates: the page must not go on
      // saying it updates by itself.
      if (error.retryable) store.emit({ type: "error", error: flowError });
      else set({ state: "failed", error: flowError });
    });
  }

  async function send(resent?: boolean) {
    if (!pending) return;
    const { key, request } = pending;
    const run = epoch;
    set({ state: "submitting", error: null });
    try {
      const migration = await client.createMigration(request, { idempotencyKey: key, resent });
      if (run !== epoch) return;
      pending = null;
      sending.remove();
      store.emit({ type: "submitted", migrationId: migration.id });
      follow(migration);
    } catch (error) {
      if (run !== epoch) return;
      // A refused code (expired, used, not granted) cannot be sent again; a new signup is needed.
      if (!(error instanceof BffError && error.retryable)) {
        pending = null;
        sending.remove();
      }
      set({ state: "failed", error: flowErrorFromBff(error, "embedded_signup") });
    }
  }

  return {
    /**
     * Sends a fresh code at once (the code lives 30 s); `redirectUri` for a code from the Login
     * dialog as a full page, which Meta binds to it.
     */
    submit(code: string, finish: EmbeddedSignupFinish | null, redirectUri?: string) {
      const data = finish?.data;
      pending = {
        key: crypto.randomUUID(),
        request: {
          code,
          ...(data?.waba_id && { wabaId: data.waba_id }),
          ...(data?.phone_number_id && { phoneNumberId: data.phone_number_id }),
          ...(data?.business_id && { businessId: data.business_id }),
          ...(context.sourceWabaId && { sourceWabaId: context.sourceWabaId }),
          ...(redirectUri && { redirectUri }),
        },
      };
      // Before the request leaves: a reload from here on sends it again with the same key.
      sending.set(JSON.stringify(pending));
      return send();
    },
    /** Sends the last submission again (same key and body) when a repeat can fix its failure. */
    resubmit: () => (pending ? send(true).then(() => true) : Promise.resolve(false)),
    /**
     * Sends again a submission a previous page left unanswered (a reload while sending), with the
     * same key and body, so the BFF answers from its record if the first one arrived. False when
     * there is none.
     */
    resumeSubmission() {
      try {
        const kept = JSON.parse(String(sending.get())) as Submission | null;
        // Only what submit() wrote is sent again; anything else in that slot is not ours.
        if (typeof kept?.key === "string" && typeof kept.request?.code === "string") pending = kept;
      } catch {
        // Not JSON: nothing to send.
      }
      if (pending) void send(true);
      return Boolean(pending);
    },
    async resume(id: string) {
      const run = epoch;
      set({ state: "submitting", error: null });
      try {
        const migration = await client.getMigration(id);
        if (run === epoch) follow(migration);
      } catch (error) {
        if (run !== epoch) return;
        if (error instanceof BffError && error.code === "not_found") {
          // A stale id (purged, other tenant) is forgotten, not shown as an error.
          kept.remove();
          return set(context.atRest());
        }
        set({ state: "failed", error: flowErrorFromBff(error, null) });
      }
    },
    /** Runs a server action (retry, templates) and follows the record it returns. */
    async act(
      run: (id: string) => Promise<Migration>,
      step: Parameters<typeof flowErrorFromBff>[1],
    ) {
      const migration = store.getSnapshot().migration;
      if (!migration) return;
      const started = epoch;
      try {
        const next = await run(migration.id);
        if (started === epoch) follow(next);
      } catch (error) {
        if (started === epoch)
          set({ error: flowErrorFromBff(error, step ?? store.getSnapshot().currentStep) });
      }
    },
    /** Stops the stream and forgets the submission in memory (`reset` also forgets the kept one). */
    stop() {
      epoch++;
      stopStream?.();
      stopStream = null;
      pending = null;
    },
  };
}
