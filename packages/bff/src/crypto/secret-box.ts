import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SealedSecret, SecretKind } from "../store/migration-store.js";

/**
 * One AES-256 key with the id stored next to everything it sealed.
 *
 * @example
 * const [current]: EncryptionKey[] = parseEncryptionKeys(process.env.WA_MIGRATE_ENCRYPTION_KEY ?? "");
 * current?.id; // "k2" for "k2:...,k1:..."
 */
export interface EncryptionKey {
  id: string;
  /** 32 bytes. */
  key: Uint8Array;
}

/**
 * Seals and opens secrets at rest (business tokens, PINs) with AES-256-GCM.
 *
 * @example
 * const box: SecretBox = createSecretBox(parseEncryptionKeys(key));
 * const sealed = box.seal(token, secretContext(migrationId, "business_token"));
 * box.open(sealed, secretContext(migrationId, "business_token")) === token; // true
 */
export interface SecretBox {
  /** The id of the key new secrets are sealed with. */
  readonly currentKeyId: string;
  /**
   * Seals `plaintext`. With `context` (the row it is stored in, see {@link secretContext}) the
   * ciphertext opens only with the same context: moved to another migration's row or kind, it is
   * `corrupt` instead of handing that migration someone else's token or PIN.
   */
  seal(plaintext: string, context?: string): SealedSecret;
  /**
   * Throws {@link SecretBoxError} `unknown_key_id` or `corrupt`. A secret sealed with a context
   * opens only with that context; one sealed without (older rows) opens with any.
   */
  open(sealed: SealedSecret, context?: string): string;
}

/**
 * The context that binds a sealed secret to its row in the journal.
 *
 * @example
 * await store.putSecret(id, "pin", box.seal(pin, secretContext(id, "pin")));
 * box.open(sealed, secretContext(id, "pin"));
 */
export function secretContext(migrationId: string, kind: SecretKind): string {
  return JSON.stringify(["wa_secrets", migrationId, kind]);
}

/**
 * Why a secret could not be opened; the message never contains the secret.
 *
 * @example
 * if (error instanceof SecretBoxError && error.reason === "unknown_key_id") ...
 */
export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
  constructor(
    readonly reason: "unknown_key_id" | "corrupt" | "invalid_key",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks a ciphertext sealed with a context ("." is not base64, so older ciphertexts never start so). */
const BOUND = "v2.";

/** Additional data: the key id, and the context when there is one. */
const aadOf = (keyId: string, context: string | undefined) =>
  Buffer.from(context === undefined ? keyId : `${keyId}\u0000${context}`);

/**
 * Parses `WA_MIGRATE_ENCRYPTION_KEY`: comma-separated `keyId:base64key` entries, the first is used
 * to seal, the others only to open (key rotation). A bare base64 key gets the id `default`.
 * Every key must decode to exactly 32 bytes.
 *
 * @example
 * parseEncryptionKeys("k2:" + newKey + ",k1:" + oldKey);
 */
export function parseEncryptionKeys(value: string): EncryptionKey[] {
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new SecretBoxError("invalid_key", "no encryption key given");
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? (index === 0 ? "default" : `key${index}`) : entry.slice(0, colon);
    const key = Buffer.from(colon === -1 ? entry : entry.slice(colon + 1), "base64");
    // Messages name the entry by position, never by its text: a key pasted before its id
    // (`base64:k1`) puts the key where the id belongs.
    const which = `entry ${index + 1} of the encryption key setting`;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) {
      throw new SecretBoxError(
        "invalid_key",
        `${which}: the key id before ":" must be 1-64 letters, digits, _ . or -`,
      );
    }
    if (key.length !== 32) {
      throw new SecretBoxError(
        "invalid_key",
        `${which}: the key after ":" must be 32 bytes in base64 (got ${key.length}); is it "keyId:base64key"?`,
      );
    }
    return { id, key };
  });
  checkKeys(keys);
  return keys;
}

/**
 * Refuses a key list a box cannot work with. Two keys under one id would seal with the first and
 * open with the other, so every secret sealed from then on could never be opened.
 */
function checkKeys(keys: readonly EncryptionKey[]): void {
  const seen = new Set<string>();
  keys.forEach(({ id, key }, index) => {
    if (seen.has(id)) {
      throw new SecretBoxError(
        "invalid_key",
        `key id "${id}" is given more than once (entry ${index + 1}); give each key its own id`,
      );
    }
    seen.add(id);
    if (key.length !== 32) {
      throw new SecretBoxError("invalid_key", `key "${id}" must be 32 bytes (got ${key.length})`);
    }
  });
}

/**
 * A {@link SecretBox} over `keys` (the first seals). Ciphertext is base64 of IV ‖ tag ‖ data
 * (prefixed `v2.` when sealed with a context), and the key id and context are bound as additional
 * data so a ciphertext can be neither relabelled with another key id nor moved to another row.
 *
 * @example
 * const box = createSecretBox(parseEncryptionKeys(process.env.WA_MIGRATE_ENCRYPTION_KEY ?? ""));
 * const sealed = box.seal(token); box.open(sealed) === token;
 */
export function createSecretBox(keys: EncryptionKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new SecretBoxError("invalid_key", "no encryption key given");
  checkKeys(keys);
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      cipher.setAAD(aadOf(current.id, context));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const body = Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
      return { keyId: current.id, ciphertext: context === undefined ? body : `${BOUND}${body}` };
    },
    open(sealed, context) {
      const key = byId.get(sealed.keyId);
      if (!key) {
        throw new SecretBoxError(
          "unknown_key_id",
          `no key with id "${sealed.keyId}" is configured`,
        );
      }
      try {
        // Bound: opens only with its own context (none given is "", which never matches).
        const bound = sealed.ciphertext.startsWith(BOUND);
        const raw = Buffer.from(sealed.ciphertext.slice(bound ? BOUND.length : 0), "base64");
        // The full 16-byte tag, always: GCM would otherwise check only as many bytes as it is given.
        if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("ciphertext too short");
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(aadOf(sealed.keyId, bound ? (context ?? "") : undefined));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch (cause) {
        throw new SecretBoxError(
          "corrupt",
          `a secret sealed with key "${sealed.keyId}" could not be opened`,
          { cause },
        );
      }
    },
  };
}
