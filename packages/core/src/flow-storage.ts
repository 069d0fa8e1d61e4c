/**
 * Where the flow keeps the id of the migration in progress, so a reload resumes it, and a code on
 * its way to the BFF with its idempotency key until the BFF answers, so a reload sends it again
 * (decision 026). The Web Storage interface; `sessionStorage` by default.
 *
 * @example
 * createMigrationFlow({ appId, configId, client, storage: localStorage, storageKey: "acme:wa" });
 */
export interface FlowStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The default storage key (the Login dialog's `state` and `redirect_uri` are kept under the same
 * key + `:state` and `:redirect_uri`, a submission on its way under + `:sending`).
 *
 * @example
 * sessionStorage.getItem(DEFAULT_STORAGE_KEY); // "mig_1" while a migration is followed
 */
export const DEFAULT_STORAGE_KEY = "wa-migrate:migration";

/**
 * Wraps a storage so reading and writing never throw (private modes and sandboxed frames throw on
 * access); on the server, or with `null`, nothing is kept.
 *
 * @example
 * const kept = safeStorage(undefined, "wa-migrate:migration"); kept.set("mig_1"); kept.get(); // "mig_1"
 */
export function safeStorage(storage: FlowStorage | null | undefined, key: string) {
  const attempt = <T>(run: (s: FlowStorage) => T): T | null => {
    try {
      // Merely reading `sessionStorage` throws where storage is blocked.
      const s =
        storage !== undefined
          ? storage
          : typeof sessionStorage === "undefined"
            ? null
            : sessionStorage;
      return s ? run(s) : null;
    } catch {
      return null;
    }
  };
  return {
    get: () => attempt((s) => s.getItem(key)),
    set: (id: string) => void attempt((s) => s.setItem(key, id)),
    remove: () => void attempt((s) => s.removeItem(key)),
  };
}
