import { describe, expect, test } from "vitest";
import {
  createSecretBox,
  parseEncryptionKeys,
  SecretBoxError,
  secretContext,
} from "./secret-box.js";

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

// A 32-byte key in base64url without padding is 43 characters that look like a valid key id.
const urlKey = Buffer.alloc(32, 5).toString("base64url");

test.each([
  ["a key pasted before its id", `${k1}:k1`, k1],
  ["a base64url key pasted before its id", `${urlKey}:k1`, urlKey],
  ["a key pasted before its id after a good entry", `new:${k2},${k1}:old`, k1],
])("refuses %s without echoing the key in the message", (_case, value, key) => {
  const error = (() => {
    try {
      parseEncryptionKeys(value);
    } catch (e) {
      return e as SecretBoxError;
    }
  })();
  expect(error).toBeInstanceOf(SecretBoxError);
  expect(error?.reason).toBe("invalid_key");
  expect(error?.message).not.toContain(key);
  expect(error?.message).not.toContain(key.slice(0, 12));
});

test.each([
  ["the same id twice", `k1:${k2},k1:${k1}`],
  ["an explicit id equal to a generated one", `${k2},default:${k1}`],
])("refuses %s, which would make every new secret unreadable", (_case, value) => {
  expect(() => parseEncryptionKeys(value)).toThrow(/more than once/);
});

test("a box refuses keys given twice under one id instead of sealing what it cannot open", () => {
  const keys = [
    { id: "k1", key: Buffer.alloc(32, 2) },
    { id: "k1", key: Buffer.alloc(32, 1) },
  ];
  expect(() => createSecretBox(keys)).toThrow(SecretBoxError);
});

test("a secret sealed for its row does not open in another migration's row or as another kind", () => {
  const box = createSecretBox(parseEncryptionKeys(`k1:${k1}`));
  const sealed = box.seal("EAAG-token-of-m1", secretContext("m1", "business_token"));
  // Someone with write access to wa_secrets copies m1's ciphertext into m2's row, or into the PIN.
  expect(() => box.open(sealed, secretContext("m2", "business_token"))).toThrow(SecretBoxError);
  expect(() => box.open(sealed, secretContext("m1", "pin"))).toThrow(/could not be opened/);
  expect(() => box.open(sealed)).toThrow(SecretBoxError);
  const unbound = { ...sealed, ciphertext: sealed.ciphertext.replace(/^v2\./, "") };
  expect(() => box.open(unbound, secretContext("m2", "business_token"))).toThrow(SecretBoxError);
  expect(box.open(sealed, secretContext("m1", "business_token"))).toBe("EAAG-token-of-m1");
});

test("a secret sealed before rows were bound still opens after the upgrade", () => {
  const box = createSecretBox(parseEncryptionKeys(`k1:${k1}`));
  const older = box.seal("123456");
  expect(box.open(older, secretContext("m1", "pin"))).toBe("123456");
});

test("a ciphertext whose tag was cut short is corrupt, not accepted on a weaker check", () => {
  const box = createSecretBox(parseEncryptionKeys(`k1:${k1}`));
  const sealed = box.seal("");
  // IV and the first 4 of the 16 tag bytes: GCM would check just those 4 bytes if asked to.
  const cut = Buffer.from(sealed.ciphertext, "base64").subarray(0, 12 + 4);
  expect(() => box.open({ ...sealed, ciphertext: cut.toString("base64") })).toThrow(SecretBoxError);
});
