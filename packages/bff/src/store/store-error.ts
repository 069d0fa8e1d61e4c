/**
 * Why a store call failed.
 *
 * @example
 * const kind: StoreErrorKind | undefined = error instanceof StoreError ? error.kind : undefined;
 * if (kind === "unavailable") retryLater();
 */
export type StoreErrorKind = "not_found" | "conflict" | "unavailable";

/**
 * The one error class of the store layer; `cause` keeps the driver's error.
 *
 * @example
 * throw new StoreError("not_found", `migration ${id} does not exist`);
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
