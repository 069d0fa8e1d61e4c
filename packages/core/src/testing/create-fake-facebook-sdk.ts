import type { EsStep } from "@wa-migrate/contracts";
import type {
  FacebookInitParams,
  FacebookLoginOptions,
  FacebookLoginResponse,
  FacebookSdk,
} from "../facebook-sdk.js";

/**
 * What the next Embedded Signup popup of the fake SDK does.
 *
 * @example
 * createFakeFacebookSdk({ outcome: { type: "error", errorMessage: "You have guessed too many times." } });
 */
export type FakeSignupOutcome =
  | {
      type: "finish";
      code?: string;
      wabaId?: string;
      phoneNumberId?: string;
      businessId?: string;
      event?: "FINISH" | "FINISH_ONLY_WABA";
    }
  | { type: "cancel"; step: EsStep }
  | { type: "error"; errorMessage?: string; errorId?: string }
  /** The browser blocked the window: the callback gets `{authResponse: null, status: "unknown"}` at once. */
  | { type: "blocked" }
  /** The customer closed the window: a code-less callback and no message. */
  | { type: "closed" }
  /** A code but no session message (message lost, or a v2 config without `sessionInfoVersion`). */
  | { type: "code_only"; code?: string }
  /** A FINISH message but a code-less callback. */
  | { type: "message_only"; wabaId?: string; phoneNumberId?: string }
  /** Nothing happens until the test calls `respond` / `postMessage`. */
  | { type: "manual" };

/**
 * Options of {@link createFakeFacebookSdk}.
 *
 * @example
 * const options: FakeFacebookSdkOptions = { order: "callback_first", delayMs: 800, origin: "http://127.0.0.1:4010" };
 */
export interface FakeFacebookSdkOptions {
  /** Where messages are posted (default the global window). */
  window?: Window;
  /** Origin of the messages (default `https://www.facebook.com`). */
  origin?: string;
  /** Default outcome of every popup (default `{type: "finish"}`). */
  outcome?: FakeSignupOutcome;
  /** Which half of a result arrives first (default `message_first`). */
  order?: "message_first" | "callback_first";
  /** Delay before the popup's result, in ms (default 0: the next timer tick). */
  delayMs?: number;
  /** Embedded Signup version of the configuration: v2 posts messages only with `sessionInfoVersion: "3"`. */
  esVersion?: "v4" | "v3" | "v2";
}

/**
 * The fake `window.FB` with what a test needs to drive and inspect it.
 *
 * @example
 * const FB = createFakeFacebookSdk({ outcome: { type: "manual" } });
 * // ... flow.launch(); then:
 * FB.postMessage(JSON.stringify({ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", data: { current_step: "PERMISSIONS" } }));
 * FB.respond({ authResponse: null, status: "unknown" });
 */
export interface FakeFacebookSdk extends FacebookSdk {
  readonly calls: { init: FacebookInitParams[]; login: FacebookLoginOptions[] };
  /** Whether a popup is open (its callback has not been called yet). */
  readonly popupOpen: boolean;
  /** Sets the outcome of the next popups. */
  setOutcome(outcome: FakeSignupOutcome): void;
  /** Calls the open popup's login callback (for `manual`). */
  respond(response: FacebookLoginResponse): void;
  /** Dispatches a `message` event as the popup would (`data` is sent as given; strings are JSON). */
  postMessage(data: unknown, origin?: string): void;
  /** Like Meta's script on load: sets `window.FB` and calls `window.fbAsyncInit`. Returns an undo. */
  install(target?: Window): () => void;
}

const BLANK: FacebookLoginResponse = { authResponse: null, status: "unknown" };

/**
 * A deterministic fake of Meta's JavaScript SDK for Embedded Signup: `init` before `login`, Meta's
 * callback shapes, `WA_EMBEDDED_SIGNUP` messages in either order relative to the callback, blocked
 * and closed popups, and misuse reported as Meta does (console error, code-less callback).
 *
 * @example
 * const FB = createFakeFacebookSdk({ outcome: { type: "cancel", step: "PHONE_NUMBER_SETUP" }, order: "callback_first" });
 * const flow = createMigrationFlow({ appId: "1", configId: "2", sdk: FB, client: createMemoryBffClient() });
 * await flow.prepare();
 * flow.launch(); // after the next timer tick: state "cancelled", error.esStep "PHONE_NUMBER_SETUP"
 */
export function createFakeFacebookSdk(options: FakeFacebookSdkOptions = {}): FakeFacebookSdk {
  const calls = { init: [] as FacebookInitParams[], login: [] as FacebookLoginOptions[] };
  let outcome: FakeSignupOutcome = options.outcome ?? { type: "finish" };
  let pending: ((response: FacebookLoginResponse) => void) | null = null;
  let initialised = false;
  let codes = 0;
  const win = () => options.window ?? window;

  const fake: FakeFacebookSdk = {
    calls,
    get popupOpen() {
      return pending !== null;
    },
    init(params) {
      calls.init.push(params);
      initialised = Boolean(params?.appId && params.version);
    },
    login(callback, loginOptions) {
      calls.login.push(loginOptions);
      const problem = misuse(initialised, loginOptions, options.esVersion ?? "v4");
      if (problem) {
        console.error(`FB.login: ${problem}`);
        return callback(BLANK);
      }
      if (outcome.type === "blocked") return callback(BLANK);
      pending = callback;
      const sessionInfo =
        (options.esVersion ?? "v4") !== "v2" || loginOptions.extras?.sessionInfoVersion === "3";
      const steps = script(outcome, ++codes, sessionInfo, callback);
      if (!steps) return;
      const ordered = options.order === "callback_first" ? [...steps].reverse() : steps;
      setTimeout(() => {
        for (const step of ordered) step();
      }, options.delayMs ?? 0);
    },
    setOutcome(next) {
      outcome = next;
    },
    respond(response) {
      const callback = pending;
      pending = null;
      callback?.(response);
    },
    postMessage(data, origin = options.origin ?? "https://www.facebook.com") {
      win().dispatchEvent(new MessageEvent("message", { data, origin }));
    },
    install(target = win()) {
      const host = target as Window & { FB?: FacebookSdk; fbAsyncInit?: () => void };
      const before = host.FB;
      host.FB = fake;
      host.fbAsyncInit?.();
      return () => {
        host.FB = before;
      };
    },
  };

  // The popup's result as two halves: [message, callback] (either may be a no-op).
  function script(
    o: FakeSignupOutcome,
    n: number,
    sessionInfo: boolean,
    own: (response: FacebookLoginResponse) => void,
  ) {
    // Each popup answers its own callback, even when a later one was opened meanwhile.
    const answer = (response: FacebookLoginResponse) => {
      if (pending === own) pending = null;
      own(response);
    };
    const send = (event: string, data: object) => () => {
      if (sessionInfo)
        fake.postMessage(JSON.stringify({ type: "WA_EMBEDDED_SIGNUP", event, data }));
    };
    const finishData = (w?: string, p?: string, b?: string) => ({
      waba_id: w ?? "524126980791429",
      phone_number_id: p ?? "106540352242922",
      business_id: b ?? "2729063490586005",
    });
    const code = (c?: string) => () =>
      answer({ authResponse: { code: c ?? `fake-code-${n}` }, status: "connected" });
    const blank = () => answer(BLANK);
    switch (o.type) {
      case "finish":
        return [
          send(o.event ?? "FINISH", finishData(o.wabaId, o.phoneNumberId, o.businessId)),
          code(o.code),
        ];
      case "cancel":
        return [send("CANCEL", { current_step: o.step }), blank];
      case "error":
        return [
          send("CANCEL", {
            error_message:
              o.errorMessage ??
              "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
            error_id: o.errorId ?? "524126",
            session_id: "f34b51dab5e0498",
            timestamp: "1746041036",
          }),
          blank,
        ];
      case "closed":
        return [() => {}, blank];
      case "code_only":
        return [() => {}, code(o.code)];
      case "message_only":
        return [send("FINISH", finishData(o.wabaId, o.phoneNumberId)), blank];
      case "manual":
      case "blocked":
        return null;
      default:
        return o satisfies never;
    }
  }

  return fake;
}

function misuse(initialised: boolean, o: FacebookLoginOptions, esVersion: string): string | null {
  if (!initialised) return "FB.login() called before FB.init().";
  if (!o?.config_id) return "config_id is required for Embedded Signup.";
  if (o.response_type !== "code" || o.override_default_response_type !== true) {
    return "response_type 'code' with override_default_response_type is required.";
  }
  const version = o.extras?.version;
  if (esVersion === "v4" && version !== undefined)
    return `extras.version is not used in v4 (got ${String(version)}).`;
  if (esVersion === "v3" && version !== "v3")
    return "extras.version must be 'v3' for this configuration.";
  return null;
}
