import { type FlowStorage, safeStorage } from "./flow-storage.js";
import {
  buildLoginDialogUrl,
  type LoginDialogUrlOptions,
  type LoginRedirectResult,
  readLoginRedirect,
  withoutLoginParams,
} from "./login-redirect.js";

/**
 * The Login dialog's full-page round trip (the fallback when a popup is blocked): `go` keeps the
 * `state` and `redirect_uri` under the flow's storage key (+ `:state`, `:redirect_uri`) and sends
 * the customer to Meta; `take`, on the page Meta sent them back to, reads the answer once and
 * removes it from the address and the storage, so a reload never submits a used code again.
 * Meta binds the code to the exact `redirect_uri`, so the BFF must repeat the one kept here.
 *
 * @example
 * const trip = createLoginRoundTrip(sessionStorage, "wa-migrate:migration", window);
 * const { returned, redirectUri } = trip.take();
 * if (returned?.type === "code") submit(returned.code, redirectUri);
 */
export function createLoginRoundTrip(
  storage: FlowStorage | null | undefined,
  key: string,
  win: Window | undefined,
) {
  const state = safeStorage(storage, `${key}:state`);
  const used = safeStorage(storage, `${key}:redirect_uri`);
  const probe = safeStorage(storage, `${key}:probe`);
  const keeps = () => {
    const value = crypto.randomUUID();
    probe.set(value);
    const kept = probe.get() === value;
    probe.remove();
    return kept;
  };
  return {
    /**
     * Whether the storage keeps the `state` across the trip: without it the answer cannot be
     * checked on return, so the customer would come back from Meta to a page that ignores the code.
     */
    keeps,
    /** Sends the customer to Meta; false, doing nothing, when the storage cannot keep the `state`. */
    go(options: Omit<LoginDialogUrlOptions, "state">): boolean {
      if (!win || !keeps()) return false;
      const value = crypto.randomUUID();
      state.set(value);
      used.set(options.redirectUri);
      win.location.assign(buildLoginDialogUrl({ ...options, state: value }));
      return true;
    },
    take(): { returned: LoginRedirectResult | null; redirectUri: string | null } {
      const expected = state.get();
      const returned = win && expected ? readLoginRedirect(win.location.href, expected) : null;
      const redirectUri = used.get();
      if (returned) {
        win?.history.replaceState(win.history.state, "", withoutLoginParams(win.location.href));
        state.remove();
        used.remove();
      }
      return { returned, redirectUri };
    },
  };
}
