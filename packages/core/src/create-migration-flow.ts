import type { EmbeddedSignupFinish, Migration, SignupEventRequest } from "@wa-migrate/contracts";
import { createBffClient } from "./bff-client.js";
import { BffError } from "./bff-error.js";
import { buildLoginOptions } from "./build-login-options.js";
import { describeSignupExit } from "./describe-signup-exit.js";
import type { FacebookSdk } from "./facebook-sdk.js";
import { flowError, flowErrorFromBff, flowErrorFromMigration } from "./flow-errors.js";
import { DEFAULT_STORAGE_KEY, safeStorage } from "./flow-storage.js";
import { createFlowStore, LAUNCHABLE } from "./flow-store.js";
import type { FlowState, MigrationFlowController } from "./flow-types.js";
import { buildLoginDialogUrl, takeLoginRedirect } from "./login-redirect.js";
import type { MigrationFlowOptions } from "./migration-flow-options.js";
import { resolveSdk } from "./resolve-sdk.js";
import { type SignupOutcome, startSignupSession } from "./start-signup-session.js";

/**
 * The browser flow without a framework: loads Meta's SDK, opens Embedded Signup inside the click,
 * reconciles its callback and messages, hands the code to the BFF at once and follows the server's
 * steps. Adapters read `subscribe`/`getSnapshot`; see {@link MigrationFlowController}.
 *
 * @example
 * const flow = createMigrationFlow({ appId: "1234", configId: "5678", bffUrl: "/wa" });
 * void flow.prepare();
 * button.addEventListener("click", () => flow.launch());
 * flow.on("complete", ({ migration }) => console.log(migration.phone?.displayPhoneNumber));
 */
export function createMigrationFlow(options: MigrationFlowOptions): MigrationFlowController {
  const client = options.client ?? createBffClient({ baseUrl: options.bffUrl ?? "" });
  const store = createFlowStore();
  const key = options.storageKey ?? DEFAULT_STORAGE_KEY;
  const kept = safeStorage(options.storage, key);
  // The Login dialog's `state`, kept across the full-page redirect.
  const redirectState = safeStorage(options.storage, `${key}:state`);
  const win = options.window ?? (typeof window === "undefined" ? undefined : window);
  let sdk: FacebookSdk | null = null;
  let preparing: Promise<void> | null = null;
  let session: ReturnType<typeof startSignupSession> | null = null;
  let stopStream: (() => void) | null = null;
  let pendingCreate: { code: string; key: string; finish: EmbeddedSignupFinish | null } | null =
    null;
  let destroyed = false;

  const get = store.getSnapshot;
  const set: typeof store.set = (patch) => {
    if (!destroyed) store.set(patch);
  };
  let loadingSdk = false;
  const idleState = (): FlowState => (sdk ? "ready" : loadingSdk ? "preparing" : "idle");
  const logEvent = (event: SignupEventRequest) => {
    const migrationId = get().migration?.id;
    // Session logging must never disturb the customer's flow.
    client.postSignupEvent(migrationId ? { ...event, migrationId } : event).catch(() => {});
  };
  function apply(migration: Migration) {
    const before = get().migration;
    set({ state: migration.status, migration, error: flowErrorFromMigration(migration) });
    store.emit({ type: "migration", migration });
    if (migration.status === "completed" && before?.status !== "completed") {
      store.emit({ type: "complete", migration });
    }
  }

  function follow(id: string) {
    stopStream?.();
    stopStream = client.subscribe(id, apply, (error) => {
      store.emit({ type: "error", error: flowErrorFromBff(error, get().currentStep) });
    });
  }

  async function submit() {
    if (!pendingCreate) return;
    const { code, key, finish } = pendingCreate;
    const data = finish?.data;
    set({ state: "submitting", error: null });
    try {
      const migration = await client.createMigration(
        {
          code,
          ...(data?.waba_id && { wabaId: data.waba_id }),
          ...(data?.phone_number_id && { phoneNumberId: data.phone_number_id }),
          ...(data?.business_id && { businessId: data.business_id }),
          ...(options.sourceWabaId && { sourceWabaId: options.sourceWabaId }),
        },
        { idempotencyKey: key },
      );
      pendingCreate = null;
      kept.set(migration.id);
      store.emit({ type: "submitted", migrationId: migration.id });
      apply(migration);
      follow(migration.id);
    } catch (error) {
      // A refused code (expired, used, not granted) cannot be sent again; a new signup is needed.
      if (!(error instanceof BffError && error.retryable)) pendingCreate = null;
      set({ state: "failed", error: flowErrorFromBff(error, "embedded_signup") });
    }
  }

  function exit(outcome: Exclude<SignupOutcome, { type: "code" }>) {
    const { code, extra, log } = describeSignupExit(outcome);
    set({ state: "cancelled", error: flowError(code, "embedded_signup", extra) });
    store.emit({ type: "exit", step: "embedded_signup", reason: code });
    logEvent(log);
  }

  function onOutcome(outcome: SignupOutcome) {
    session = null;
    if (outcome.type !== "code") return exit(outcome);
    if (!outcome.finish) logEvent({ event: "TIMEOUT" });
    pendingCreate = { code: outcome.code, key: crypto.randomUUID(), finish: outcome.finish };
    void submit();
  }

  async function resume(id: string) {
    set({ state: "submitting", error: null });
    try {
      const migration = await client.getMigration(id);
      kept.set(migration.id);
      apply(migration);
      follow(migration.id);
    } catch (error) {
      if (error instanceof BffError && error.code === "not_found") {
        // A stale id (purged, other tenant) is forgotten, not shown as an error.
        kept.remove();
        return set({ state: idleState(), error: null });
      }
      set({ state: "failed", error: flowErrorFromBff(error, null) });
    }
  }

  function prepare(): Promise<void> {
    if (preparing) return preparing;
    const resumeId =
      typeof options.resume === "string"
        ? options.resume
        : options.resume === false
          ? null
          : kept.get();
    const returned = takeLoginRedirect(win, redirectState.get());
    if (returned) redirectState.remove();
    if (returned?.type === "code") {
      pendingCreate = { code: returned.code, key: crypto.randomUUID(), finish: null };
      void submit();
    } else if (returned?.type === "denied") {
      // The Login dialog reports no Embedded Signup screen, only Meta's error words.
      set({
        state: "cancelled",
        error: flowError("signup_cancelled", "embedded_signup", {
          detail: returned.description ?? returned.error,
        }),
      });
      logEvent({ event: "CANCEL", errorMessage: returned.description ?? returned.error });
    } else if (resumeId && !get().migration) void resume(resumeId);
    if (get().state === "idle") set({ state: "preparing" });
    const loading = resolveSdk(options, win);
    loadingSdk = true;
    preparing = loading.then(
      (loaded) => {
        loadingSdk = false;
        sdk = loaded;
        if (get().state === "preparing") set({ state: idleState() });
      },
      (cause) => {
        loadingSdk = false;
        preparing = null;
        if (get().state === "preparing") {
          set({
            state: "failed",
            error: flowError("sdk_load_error", "embedded_signup", { detail: String(cause) }),
          });
        }
      },
    );
    return preparing;
  }

  const controller: MigrationFlowController = {
    subscribe: store.subscribe,
    getSnapshot: get,
    on(type, handler) {
      return store.listen((event) => {
        if (event.type === type) handler(event as Parameters<typeof handler>[0]);
      });
    },
    prepare,
    confirmTwoStep() {
      set({ twoStepConfirmed: true });
    },
    launch() {
      // No await before FB.login: the popup needs the click's user activation.
      const { state, migration } = get();
      if (!sdk || !win || migration || !LAUNCHABLE.includes(state) || session) return;
      const loaded = sdk;
      const loginOptions = buildLoginOptions(options.configId, options.signupExtras);
      const current = startSignupSession({
        window: win,
        allowedOrigins: options.allowedOrigins,
        popupBlockedMs: options.popupBlockedMs,
        pairTimeoutMs: options.pairTimeoutMs,
        now: options.now,
        onMessage: (message) =>
          store.emit({
            type: "signup_message",
            event: message.event,
            ...("current_step" in message.data && { esStep: message.data.current_step }),
          }),
        onCode: () => store.emit({ type: "code_received" }),
        onOutcome,
        login: (callback) => loaded.login(callback, loginOptions),
      });
      if (!current.settled) {
        session = current;
        set({ state: "in_popup", error: null });
      }
    },
    redirectToLogin() {
      if (!options.redirectUri || !win) return false;
      const state = crypto.randomUUID();
      redirectState.set(state);
      win.location.assign(
        buildLoginDialogUrl({
          appId: options.appId,
          configId: options.configId,
          redirectUri: options.redirectUri,
          state,
          graphVersion: options.graphVersion,
          signupExtras: options.signupExtras,
          dialogBaseUrl: options.dialogBaseUrl,
        }),
      );
      return true;
    },
    async retry() {
      const { migration, error } = get();
      if (migration) {
        try {
          apply(await client.retry(migration.id));
          follow(migration.id);
        } catch (failure) {
          set({ error: flowErrorFromBff(failure, get().currentStep) });
        }
      } else if (pendingCreate) await submit();
      else if (error?.code === "sdk_load_error") {
        set({ state: "idle", error: null });
        await prepare();
      } else {
        const id = kept.get() ?? (typeof options.resume === "string" ? options.resume : null);
        if (id) await resume(id);
      }
    },
    async migrateTemplates(templateIds) {
      const migration = get().migration;
      if (!migration) return;
      try {
        apply(await client.migrateTemplates(migration.id, templateIds));
        follow(migration.id);
      } catch (failure) {
        set({ error: flowErrorFromBff(failure, "migrate_templates") });
      }
    },
    resume,
    reset() {
      session?.stop();
      session = null;
      stopStream?.();
      stopStream = null;
      pendingCreate = null;
      if (get().migration) kept.remove();
      set({ state: idleState(), migration: null, error: null });
    },
    destroy() {
      session?.stop();
      stopStream?.();
      destroyed = true;
      store.clear();
    },
  };
  return controller;
}
