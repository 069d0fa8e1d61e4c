import type { EmbeddedSignupFinish, Migration } from "@wa-migrate/contracts";
import type { BffClient } from "./bff-client.js";
import { BffError } from "./bff-error.js";
import { flowErrorFromBff, flowErrorFromMigration } from "./flow-errors.js";
import type { safeStorage } from "./flow-storage.js";
import type { createFlowStore } from "./flow-store.js";
import type { FlowState } from "./flow-types.js";

interface ServerSyncContext {
  client: BffClient;
  store: ReturnType<typeof createFlowStore>;
  /** `store.set` unless the flow was destroyed. */
  set: ReturnType<typeof createFlowStore>["set"];
  kept: ReturnType<typeof safeStorage>;
  sourceWabaId?: string;
  /** Where the flow goes when there is nothing to show (`ready` once the SDK is there). */
  idleState: () => FlowState;
}

/**
 * The server half of the flow: hands a code to the BFF (one idempotency key per code, so a repeat
 * returns the same migration), follows the migration's stream, and resumes a kept migration.
 *
 * @example
 * const sync = createServerSync({ client, store, set: store.set, kept, idleState: () => "ready" });
 * void sync.submit("AQB...", finishMessage);
 */
export function createServerSync(context: ServerSyncContext) {
  const { client, store, set, kept } = context;
  let stopStream: (() => void) | null = null;
  let pending: {
    code: string;
    key: string;
    finish: EmbeddedSignupFinish | null;
    redirectUri?: string;
  } | null = null;

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
      const step = store.getSnapshot().currentStep;
      store.emit({ type: "error", error: flowErrorFromBff(error, step) });
    });
  }

  async function send() {
    if (!pending) return;
    const { code, key, finish, redirectUri } = pending;
    const data = finish?.data;
    set({ state: "submitting", error: null });
    try {
      const migration = await client.createMigration(
        {
          code,
          ...(data?.waba_id && { wabaId: data.waba_id }),
          ...(data?.phone_number_id && { phoneNumberId: data.phone_number_id }),
          ...(data?.business_id && { businessId: data.business_id }),
          ...(context.sourceWabaId && { sourceWabaId: context.sourceWabaId }),
          ...(redirectUri && { redirectUri }),
        },
        { idempotencyKey: key },
      );
      pending = null;
      store.emit({ type: "submitted", migrationId: migration.id });
      follow(migration);
    } catch (error) {
      // A refused code (expired, used, not granted) cannot be sent again; a new signup is needed.
      if (!(error instanceof BffError && error.retryable)) pending = null;
      set({ state: "failed", error: flowErrorFromBff(error, "embedded_signup") });
    }
  }

  return {
    /**
     * Sends a fresh code at once (the code lives 30 s); `redirectUri` for a code from the Login
     * dialog as a full page, which Meta binds to it.
     */
    submit(code: string, finish: EmbeddedSignupFinish | null, redirectUri?: string) {
      pending = { code, key: crypto.randomUUID(), finish, redirectUri };
      return send();
    },
    /** Sends the last code again with the same key, when it failed in a way a repeat can fix. */
    resubmit: () => (pending ? send().then(() => true) : Promise.resolve(false)),
    async resume(id: string) {
      set({ state: "submitting", error: null });
      try {
        follow(await client.getMigration(id));
      } catch (error) {
        if (error instanceof BffError && error.code === "not_found") {
          // A stale id (purged, other tenant) is forgotten, not shown as an error.
          kept.remove();
          return set({ state: context.idleState(), error: null });
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
      try {
        follow(await run(migration.id));
      } catch (error) {
        set({ error: flowErrorFromBff(error, step ?? store.getSnapshot().currentStep) });
      }
    },
    stop() {
      stopStream?.();
      stopStream = null;
      pending = null;
    },
  };
}
