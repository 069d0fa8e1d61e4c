import { GRAPH_VERSION } from "@wa-migrate/contracts/browser";
import type { FacebookSdk } from "./facebook-sdk.js";
import { loadFacebookSdk } from "./load-facebook-sdk.js";
import type { MigrationFlowOptions } from "./migration-flow-options.js";

/**
 * The SDK the flow uses: the injected one (initialised here), or Meta's script loaded once per URL.
 * `null` where there is no window (server rendering).
 *
 * @example
 * const sdk = await resolveSdk({ appId: "1234", configId: "5678", sdk: fakeSdk }, window);
 */
export function resolveSdk(
  options: MigrationFlowOptions,
  win: Window | undefined,
): Promise<FacebookSdk | null> {
  const version = options.graphVersion ?? GRAPH_VERSION;
  if (options.sdk) {
    const injected = options.sdk;
    return Promise.resolve().then(() => {
      injected.init({ appId: options.appId, version, xfbml: false });
      return injected;
    });
  }
  // `appId`, `sdkUrl` and `nonce` go as they are.
  return loadFacebookSdk({ ...options, version, timeoutMs: options.sdkTimeoutMs, window: win });
}
