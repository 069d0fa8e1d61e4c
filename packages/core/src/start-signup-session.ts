import {
  type EmbeddedSignupFinish,
  type EmbeddedSignupMessage,
  isAllowedEmbeddedSignupOrigin,
  parseEmbeddedSignupMessage,
} from "@wa-migrate/contracts/browser";
import type { FacebookLoginResponse } from "./facebook-sdk.js";

/**
 * How one Embedded Signup popup ended, once its callback and message are reconciled.
 *
 * @example
 * const outcome: SignupOutcome = { type: "cancelled", esStep: "PHONE_NUMBER_SETUP" };
 */
export type SignupOutcome =
  /** A code, with the FINISH message when it came in time (a code alone is still worth submitting). */
  | { type: "code"; code: string; finish: EmbeddedSignupFinish | null }
  /** CANCEL with `current_step`: the customer left on that screen (one of `ES_STEPS` or a newer one). */
  | { type: "cancelled"; esStep: string }
  /** CANCEL with `error_message`: Meta showed an error and the customer reported it. */
  | {
      type: "error";
      errorMessage: string;
      errorId?: string;
      sessionId?: string;
      timestamp?: string;
    }
  /** A code-less callback right after `FB.login`: the browser blocked the window. */
  | { type: "blocked" }
  /** A code-less callback and no message: the window was closed. */
  | { type: "closed" }
  /** A FINISH message but no code came. */
  | { type: "incomplete" };

/**
 * Options of {@link startSignupSession}.
 *
 * @example
 * const options: SignupSessionOptions = { window, login: (cb) => FB.login(cb, loginOptions), onOutcome: console.log };
 */
export interface SignupSessionOptions {
  window: Window;
  /** Exact origins allowed to post messages (default: https facebook.com and its subdomains). */
  allowedOrigins?: readonly string[];
  /** A code-less callback sooner than this after launch means a blocked popup (default 1000 ms). */
  popupBlockedMs?: number;
  /** How long a code waits for its FINISH message before it is submitted alone (default 3000 ms). */
  pairTimeoutMs?: number;
  /**
   * How long a FINISH message waits for its code before the session gives up as incomplete
   * (default 20000 ms): Meta promises no order or gap, and a code that came later would be too near
   * the end of its 30 s life to be exchanged.
   */
  finishWaitMs?: number;
  /** With neither half after this long, `onStall` is called once (default 180000 ms). */
  stallMs?: number;
  /**
   * Nothing came from the popup for `stallMs` (the callback may never fire, e.g. when the SDK lost
   * the window): the page should offer a way on. The session keeps listening until `stop()`.
   */
  onStall?: () => void;
  now?: () => number;
  onMessage?: (message: EmbeddedSignupMessage) => void;
  onCode?: () => void;
  onOutcome: (outcome: SignupOutcome) => void;
  /** Opens the popup: called at once, synchronously, with the callback for `FB.login`. */
  login: (callback: (response: FacebookLoginResponse) => void) => void;
}

/**
 * Opens one Embedded Signup popup (`login` runs synchronously, inside the caller's click), listens
 * for its `WA_EMBEDDED_SIGNUP` messages and login callback, reconciles them in either order and
 * reports one {@link SignupOutcome}.
 *
 * @example
 * startSignupSession({
 *   window,
 *   login: (callback) => FB.login(callback, buildLoginOptions(configId)),
 *   onOutcome: (outcome) => console.log(outcome.type),
 * });
 */
export function startSignupSession(options: SignupSessionOptions): {
  stop: () => void;
  readonly settled: boolean;
} {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const wait = options.pairTimeoutMs ?? 3000;
  let code: string | null = null;
  let finish: EmbeddedSignupFinish | null = null;
  let noCode = false;
  let settled = false;
  // Until the first half arrives, the timer is the stall watchdog; every half re-arms or settles.
  let timer = setTimeout(() => options.onStall?.(), options.stallMs ?? 180_000);

  const stop = () => {
    settled = true;
    clearTimeout(timer);
    options.window.removeEventListener("message", onWindowMessage);
  };
  const settle = (outcome: SignupOutcome) => {
    if (settled) return;
    stop();
    options.onOutcome(outcome);
  };
  const arm = (outcome: () => SignupOutcome, ms = wait) => {
    clearTimeout(timer);
    timer = setTimeout(() => settle(outcome()), ms);
  };

  const evaluate = () => {
    if (code !== null) {
      const withCode = code;
      return finish
        ? settle({ type: "code", code, finish })
        : arm(() => ({ type: "code", code: withCode, finish }));
    }
    // Only a FINISH message gets here after a code-less callback.
    if (noCode) return settle({ type: "incomplete" });
    if (finish) arm(() => ({ type: "incomplete" }), options.finishWaitMs ?? 20_000);
  };

  function onWindowMessage(event: MessageEvent) {
    if (settled || !isAllowedEmbeddedSignupOrigin(event.origin, options.allowedOrigins)) return;
    const parsed = parseEmbeddedSignupMessage(event.data);
    if (!parsed.ok) return;
    const message = parsed.message;
    options.onMessage?.(message);
    if (message.event !== "CANCEL") {
      finish = message;
      return evaluate();
    }
    // A code that came with a CANCEL is still submitted: the BFF can discover the assets.
    if (code !== null) return settle({ type: "code", code, finish });
    const data = message.data;
    settle(
      "current_step" in data
        ? { type: "cancelled", esStep: data.current_step }
        : {
            type: "error",
            errorMessage: data.error_message,
            errorId: data.error_id,
            sessionId: data.session_id,
            timestamp: data.timestamp,
          },
    );
  }

  let inLogin = true;
  const callback = (response: FacebookLoginResponse) => {
    if (settled) return;
    const received = response?.authResponse?.code;
    if (typeof received === "string" && received.length > 0) {
      code = received;
      options.onCode?.();
      return evaluate();
    }
    // Called back before FB.login even returned: no window was opened.
    if (inLogin) return settle({ type: "blocked" });
    noCode = true;
    if (finish) return evaluate();
    // A CANCEL message may still follow the callback; without one, a callback this soon after
    // the launch means the window never opened, later that the customer closed it.
    const blocked = now() - startedAt < (options.popupBlockedMs ?? 1000);
    arm(() => ({ type: blocked ? "blocked" : "closed" }));
  };

  options.window.addEventListener("message", onWindowMessage);
  try {
    options.login(callback);
  } catch (error) {
    // An SDK that throws opened nothing: no listener may outlive the attempt.
    stop();
    throw error;
  } finally {
    inLogin = false;
  }

  return {
    stop,
    get settled() {
      return settled;
    },
  };
}
