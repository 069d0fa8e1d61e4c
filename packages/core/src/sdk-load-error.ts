/**
 * Meta's SDK could not be loaded (network, ad blocker, CSP, timeout). The one error class of the
 * SDK loader; `code` is always `sdk_load_error`, the original failure is kept as `cause`.
 *
 * @example
 * try { await loadFacebookSdk({ appId }); } catch (error) { if (error instanceof SdkLoadError) showRetry(); }
 */
export class SdkLoadError extends Error {
  override readonly name = "SdkLoadError";
  readonly code = "sdk_load_error" as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
