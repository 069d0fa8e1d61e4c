import { describe, expect, test } from "vitest";
import { createSecretBox, parseEncryptionKeys, SecretBoxError } from "./secret-box.js";

const k1 = Buffer.alloc(32, 1).toString("base64");
const k2 = Buffer.alloc(32, 2).toString("base64");

describe("secret box", () => {
  test("seals with the first key and opens what it sealed", () => {
    const box = createSecretBox(parseEncryptionKeys(`new:${k2},old:${k1}`));
    const sealed = box.seal("EAAG-business-token");
    expect(sealed.keyId).toBe("new");
    expect(sealed.ciphertext).not.toContain("EAAG");
    expect(box.open(sealed)).toBe("EAAG-business-token");
  });

  test("opens secrets sealed with an older key after rotation", () => {
    const old = createSecretBox(parseEncryptionKeys(`old:${k1}`)).seal("123456");
    const rotated = createSecretBox(parseEncryptionKeys(`new:${k2},old:${k1}`));
    expect(rotated.open(old)).toBe("123456");
  });

  test("refuses an unknown key id and a relabelled or tampered ciphertext", () => {
    const box = createSecretBox(parseEncryptionKeys(`a:${k1},b:${k2}`));
    const sealed = box.seal("123456");
    const unknown = (() => {
      try {
        box.open({ ...sealed, keyId: "zzz" });
      } catch (e) {
        return e;
      }
    })();
    expect(unknown).toBeInstanceOf(SecretBoxError);
    expect((unknown as SecretBoxError).reason).toBe("unknown_key_id");
    expect(() => box.open({ ...sealed, keyId: "b" })).toThrow(/could not be opened/);
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => box.open({ ...sealed, ciphertext: bytes.toString("base64") })).toThrow(
      SecretBoxError,
    );
  });

  test.each([
    ["", /no encryption key/],
    ["k1:c2hvcnQ=", /32 bytes/],
    [`bad id:${k1}`, /key id/],
  ])("refuses the key setting %j", (value, message) => {
    expect(() => parseEncryptionKeys(value)).toThrow(message);
  });

  test("a bare base64 key gets the id default", () => {
    expect(parseEncryptionKeys(k1)[0]?.id).toBe("default");
  });
});
