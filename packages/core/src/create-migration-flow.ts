import {
  type EmbeddedSignupFinish,
  GRAPH_VERSION,
  type Migration,
  type SignupEventRequest,
} from "@wa-migrate/contracts";
import { type BffClient, createBffClient } from "./bff-client.js";
import { BffError } from "./bff-error.js";
import { buildLoginOptions } from "./build-login-options.js";
import type { FacebookSdk } from "./facebook-sdk.js";
import { DEFAULT_STORAGE_KEY, safeStorage } from "./flow-storage.js";
import { createFlowStore, flowError, LAUNCHABLE } from "./flow-store.js";
import type { FlowError, FlowState, MigrationFlowController } from "./flow-types.js";
import { loadFacebookSdk } from "./load-facebook-sdk.js";
import { buildLoginDialogUrl, readLoginRedirect, withoutLoginParams } from "./login-redirect.js";
import type { MigrationFlowOptions } from "./migration-flow-options.js";
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
  const fromBff = (error: unknown, step: FlowError["step"]): FlowError =>
    error instanceof BffError
      ? flowError(error.code, step, { retryable: error.retryable, detail: error.message })
      : flowError("internal_error", step, { detail: String(error) });

  function apply(migration: Migration) {
    const before = get().migration;
    const failing = migration.steps.find(
      (s) => s.lastError && (s.status === "failed" || s.status === "action_required"),
    );
    const error = failing?.lastError
      ? flowError(failing.lastError.code, failing.id, {
          retryable: failing.lastError.retryable,
          detail: failing.lastError.graph?.message,
        })
      : null;
    set({ state: migration.status, migration, error });
    store.emit({ type: "migration", migration });
    if (migration.status === "completed" && before?.status !== "completed") {
      store.emit({ type: "complete", migration });
    }
  }

  function follow(id: string) {
    stopStream?.();
    stopStream = client.subscribe(id, apply, (error) => {
      store.emit({ type: "error", error: fromBff(error, get().currentStep) });
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
      set({ state: "failed", error: fromBff(error, "embedded_signup") });
    }
  }

  function exit(
    code: FlowError["code"],
    event: SignupEventRequest,
    extra: Partial<FlowError> = {},
  ) {
    set({ state: "cancelled", error: flowError(code, "embedded_signup", extra) });
    store.emit({ type: "exit", step: "embedded_signup", reason: code });
    logEvent(event);
  }

  function onOutcome(outcome: SignupOutcome) {
    session = null;
    switch (outcome.type) {
      case "code":
        if (!outcome.finish) logEvent({ event: "TIMEOUT" });
        pendingCreate = { code: outcome.code, key: crypto.randomUUID(), finish: outcome.finish };
        return void submit();
      case "cancelled":
        return exit(
          "signup_cancelled",
          { event: "CANCEL", currentStep: outcome.esStep },
          { esStep: outcome.esStep },
        );
      case "error":
        return exit(
          "signup_error",
          {
            event: "CANCEL",
            errorMessage: outcome.errorMessage,
            errorId: outcome.errorId,
            sessionId: outcome.sessionId,
            timestamp: outcome.timestamp,
          },
          { detail: outcome.errorMessage },
        );
      case "blocked":
        return exit("popup_blocked", { event: "POPUP_BLOCKED" });
      case "closed":
        return exit("popup_closed", { event: "POPUP_CLOSED" });
      case "incomplete":
        return exit("signup_incomplete", { event: "TIMEOUT" });
      default:
        return outcome satisfies never;
    }
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
      set({ state: "failed", error: fromBff(error, null) });
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
    const expected = redirectState.get();
    const returned = win && expected ? readLoginRedirect(win.location.href, expected) : null;
    if (returned && win) {
      redirectState.remove();
      win.history.replaceState(win.history.state, "", withoutLoginParams(win.location.href));
    }
    if (returned?.type === "code") {
      pendingCreate = { code: returned.code, key: crypto.randomUUID(), finish: null };
      void submit();
    } else if (returned?.type === "denied") {
      exit(
        "signup_cancelled",
        { event: "CANCEL" },
        { detail: returned.description ?? returned.error },
      );
    } else if (resumeId && !get().migration) void resume(resumeId);
    if (get().state === "idle") set({ state: "preparing" });
    const version = options.graphVersion ?? GRAPH_VERSION;
    const loading = options.sdk
      ? Promise.resolve(options.sdk).then((injected) => {
          injected.init({ appId: options.appId, version, xfbml: false });
          return injected;
        })
      : loadFacebookSdk({
          appId: options.appId,
          version,
          sdkUrl: options.sdkUrl,
          nonce: options.nonce,
          timeoutMs: options.sdkTimeoutMs,
          window: win,
        });
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
          set({ error: fromBff(failure, get().currentStep) });
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
        set({ error: fromBff(failure, "migrate_templates") });
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
