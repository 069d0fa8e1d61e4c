import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SealedSecret } from "../store/migration-store.js";

/** One AES-256 key with the id stored next to everything it sealed. */
export interface EncryptionKey {
  id: string;
  /** 32 bytes. */
  key: Uint8Array;
}

/** Seals and opens secrets at rest (business tokens, PINs) with AES-256-GCM. */
export interface SecretBox {
  /** The id of the key new secrets are sealed with. */
  readonly currentKeyId: string;
  seal(plaintext: string): SealedSecret;
  /** Throws {@link SecretBoxError} `unknown_key_id` or `corrupt`. */
  open(sealed: SealedSecret): string;
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
  return entries.map((entry, index) => {
    const colon = entry.indexOf(":");
    const id = colon === -1 ? (index === 0 ? "default" : `key${index}`) : entry.slice(0, colon);
    const key = Buffer.from(colon === -1 ? entry : entry.slice(colon + 1), "base64");
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) {
      throw new SecretBoxError(
        "invalid_key",
        `key id "${id}" must be 1-64 letters, digits, _ . or -`,
      );
    }
    if (key.length !== 32) {
      throw new SecretBoxError(
        "invalid_key",
        `key "${id}" must be 32 bytes in base64 (got ${key.length})`,
      );
    }
    return { id, key };
  });
}

/**
 * A {@link SecretBox} over `keys` (the first seals). Ciphertext is base64 of IV ‖ tag ‖ data, and
 * the key id is bound as additional data so a ciphertext cannot be relabelled with another key id.
 *
 * @example
 * const box = createSecretBox(parseEncryptionKeys(process.env.WA_MIGRATE_ENCRYPTION_KEY ?? ""));
 * const sealed = box.seal(token); box.open(sealed) === token;
 */
export function createSecretBox(keys: EncryptionKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new SecretBoxError("invalid_key", "no encryption key given");
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", current.key, iv);
      cipher.setAAD(Buffer.from(current.id));
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const ciphertext = Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
      return { keyId: current.id, ciphertext };
    },
    open(sealed) {
      const key = byId.get(sealed.keyId);
      if (!key) {
        throw new SecretBoxError(
          "unknown_key_id",
          `no key with id "${sealed.keyId}" is configured`,
        );
      }
      try {
        const raw = Buffer.from(sealed.ciphertext, "base64");
        const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(sealed.keyId));
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
