import type { SignupEventRequest } from "@wa-migrate/contracts";
import { createBffClient } from "./bff-client.js";
import { buildLoginOptions } from "./build-login-options.js";
import { createServerSync } from "./create-server-sync.js";
import { describeSignupExit } from "./describe-signup-exit.js";
import type { FacebookSdk } from "./facebook-sdk.js";
import { flowError } from "./flow-errors.js";
import { DEFAULT_STORAGE_KEY, safeStorage } from "./flow-storage.js";
import { createFlowStore, LAUNCHABLE } from "./flow-store.js";
import type { FlowSnapshot, MigrationFlowController } from "./flow-types.js";
import { createLoginRoundTrip } from "./login-round-trip.js";
import type { MigrationFlowOptions } from "./migration-flow-options.js";
import { resolveSdk } from "./resolve-sdk.js";
import { type SignupOutcome, startSignupSession } from "./start-signup-session.js";
import { warnBeforeLeaving } from "./warn-before-leaving.js";

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
  const sending = safeStorage(options.storage, `${key}:sending`);
  const win = options.window ?? (typeof window === "undefined" ? undefined : window);
  const loginTrip = createLoginRoundTrip(options.storage, key, win);
  let sdk: FacebookSdk | null = null;
  let preparing: Promise<void> | null = null;
  let session: ReturnType<typeof startSignupSession> | null = null;
  let destroyed = false;

  const get = store.getSnapshot;
  const set: typeof store.set = (patch) => {
    if (!destroyed) store.set(patch);
  };
  let loadingSdk = false;
  // Why the SDK did not load, while that is the last word: a resume or submission running when it
  // failed hides it, and without it the flow would rest in `idle` with no way on.
  let sdkFailure: string | null = null;
  const atRest = (): Pick<FlowSnapshot, "state" | "error"> =>
    sdk || loadingSdk || sdkFailure === null
      ? { state: sdk ? "ready" : loadingSdk ? "preparing" : "idle", error: null }
      : {
          state: "failed",
          error: flowError("sdk_load_error", "embedded_signup", { detail: sdkFailure }),
        };
  const server = createServerSync({
    client,
    store,
    set,
    kept,
    sending,
    sourceWabaId: options.sourceWabaId,
    atRest,
  });
  const stopWarning = warnBeforeLeaving(store.listen, win);
  const logEvent = (event: SignupEventRequest) => {
    const migrationId = get().migration?.id;
    // Session logging must never disturb the customer's flow.
    client.postSignupEvent(migrationId ? { ...event, migrationId } : event).catch(() => {});
  };
  function exit(outcome: Exclude<SignupOutcome, { type: "code" }>) {
    const { code, extra, log } = describeSignupExit(outcome);
    const error = flowError(code, "embedded_signup", extra);
    // Back on step 1 the customer confirms again once two-step verification is really off.
    set({ state: "cancelled", error, twoStepConfirmed: error.step !== "two_step_verification" });
    store.emit({ type: "exit", step: "embedded_signup", reason: code });
    logEvent(log);
  }

  function onOutcome(outcome: SignupOutcome) {
    session = null;
    if (outcome.type !== "code") return exit(outcome);
    if (!outcome.finish) logEvent({ event: "TIMEOUT" });
    void server.submit(outcome.code, outcome.finish);
  }

  // What the page came back with (the Login dialog's answer, a submission a reload cut short, a
  // kept migration) is taken a microtask later: a controller destroyed in the same task
  // (StrictMode's discarded first mount, decision 010) leaves it to the one that replaces it.
  function takeReturn() {
    if (destroyed) return;
    const { returned, redirectUri } = loginTrip.take();
    const { resume } = options;
    if (returned?.type === "code") {
      void server.submit(returned.code, null, redirectUri ?? options.redirectUri);
    } else if (returned?.type === "denied") {
      // The Login dialog reports no Embedded Signup screen, only Meta's error words: the customer
      // said no (access_denied), or the dialog failed (the app not set up, …).
      const detail = returned.description ?? returned.error;
      set({
        state: "cancelled",
        error: flowError(
          returned.error === "access_denied" ? "signup_cancelled" : "signup_error",
          "embedded_signup",
          { detail },
        ),
      });
      logEvent({ event: "CANCEL", errorMessage: detail });
    } else if (resume !== false && !get().migration) {
      // An explicit id wins; else a submission still on its way (decision 026), else the kept id.
      const id =
        typeof resume === "string" ? resume : server.resumeSubmission() ? null : kept.get();
      if (id) void server.resume(id);
    }
  }

  function prepare(): Promise<void> {
    if (destroyed) return Promise.resolve();
    if (preparing) return preparing;
    queueMicrotask(takeReturn);
    if (get().state === "idle") set({ state: "preparing" });
    const loading = resolveSdk(options, win);
    loadingSdk = true;
    sdkFailure = null;
    preparing = loading.then(
      (loaded) => {
        loadingSdk = false;
        sdk = loaded;
        if (get().state === "preparing") set(atRest());
      },
      (cause) => {
        loadingSdk = false;
        preparing = null;
        sdkFailure = String(cause);
        if (get().state === "preparing") set(atRest());
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
      // A confirmation answers a step-1 error (Meta's window found two-step verification on).
      const { error } = get();
      if (!destroyed)
        set({
          twoStepConfirmed: true,
          error: error?.step === "two_step_verification" ? null : error,
        });
    },
    launch() {
      // No await before FB.login: the popup needs the click's user activation.
      const { state, migration } = get();
      if (destroyed || !sdk || !win || migration || !LAUNCHABLE.includes(state)) return;
      // A session still here never answered (`onStall`, decision 025): the new click replaces it.
      session?.stop();
      const loaded = sdk;
      const loginOptions = buildLoginOptions(options.configId, options.signupExtras);
      // The flow's options carry the session's own (`allowedOrigins`, the watchdog's timings, `now`).
      const current = startSignupSession({
        ...options,
        window: win,
        onMessage: (message) =>
          store.emit({
            type: "signup_message",
            event: message.event,
            ...("current_step" in message.data && { esStep: message.data.current_step }),
          }),
        onCode: () => store.emit({ type: "code_received" }),
        // The session keeps listening: a customer still in Meta's window can finish there.
        onStall: () =>
          get().state === "in_popup" &&
          set({ state: "cancelled", error: flowError("popup_no_response", "embedded_signup") }),
        onOutcome,
        login: (callback) => loaded.login(callback, loginOptions),
      });
      if (!current.settled) {
        session = current;
        set({ state: "in_popup", error: null });
      }
    },
    canRedirectToLogin: () => !destroyed && !!options.redirectUri && !!win && loginTrip.keeps(),
    redirectToLogin() {
      const { redirectUri } = options;
      return !destroyed && !!redirectUri && loginTrip.go({ ...options, redirectUri });
    },
    async retry() {
      const { migration, error } = get();
      if (destroyed) return;
      if (migration) return server.act((id) => client.retry(id), null);
      if (await server.resubmit()) return;
      if (error?.code === "sdk_load_error") {
        set({ state: "idle", error: null });
        return prepare();
      }
      const id = kept.get() ?? (typeof options.resume === "string" ? options.resume : null);
      if (id) await server.resume(id);
    },
    migrateTemplates: async (templateIds) =>
      destroyed
        ? undefined
        : server.act((id) => client.migrateTemplates(id, templateIds), "migrate_templates"),
    resume: async (id) => (destroyed ? undefined : server.resume(id)),
    reset() {
      if (destroyed) return;
      session?.stop();
      session = null;
      server.stop();
      sending.remove();
      if (get().migration) kept.remove();
      set({ ...atRest(), migration: null });
    },
    destroy() {
      session?.stop();
      // A submission on its way stays stored: the next controller sends it again.
      server.stop();
      stopWarning();
      destroyed = true;
      store.clear();
    },
  };
  return controller;
}
