import { secretContext } from "../crypto/secret-box.js";
import type { SealedSecret, SecretKind } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";

/**
 * Seals a migration's secret for its own row (migration and kind) and stores it: moved to another
 * row, the ciphertext no longer opens.
 *
 * @example
 * await storeSecret(rt, migration.id, "business_token", token);
 */
export async function storeSecret(
  rt: BffRuntime,
  migrationId: string,
  kind: SecretKind,
  plaintext: string,
): Promise<void> {
  await rt.store.putSecret(migrationId, kind, sealSecret(rt, migrationId, kind, plaintext));
}

/**
 * Seals a secret for its own row without storing it: for a write that stores it together with
 * the row (`store.createMigration(migration, key, {business_token: sealed})`).
 *
 * @example
 * const sealed = sealSecret(rt, migration.id, "business_token", token);
 */
export function sealSecret(
  rt: BffRuntime,
  migrationId: string,
  kind: SecretKind,
  plaintext: string,
): SealedSecret {
  return rt.box.seal(plaintext, secretContext(migrationId, kind));
}

/**
 * A migration's secret, opened for its own row, or null when none is stored. A secret stored
 * before rows were bound is sealed again for its row on first read, so older journals become
 * bound as their migrations run. Throws the box's `SecretBoxError` (`unknown_key_id`, `corrupt`).
 *
 * @example
 * const token = await readSecret(rt, id, "business_token");
 */
export async function readSecret(
  rt: BffRuntime,
  migrationId: string,
  kind: SecretKind,
): Promise<string | null> {
  const sealed = await rt.store.getSecret(migrationId, kind);
  if (!sealed) return null;
  const context = secretContext(migrationId, kind);
  const plaintext = rt.box.open(sealed, context);
  if (!sealed.ciphertext.startsWith("v2.")) await storeSecret(rt, migrationId, kind, plaintext);
  return plaintext;
}
