import { expect, test } from "vitest";
import { createSecretBox, parseEncryptionKeys, SecretBoxError } from "../crypto/secret-box.js";
import { createMemoryStore } from "../store/memory-store.js";
import { newMigrationFixture } from "../store/migration-fixture.js";
import { readSecret, storeSecret } from "./migration-secrets.js";
import type { BffRuntime } from "./runtime.js";

// What the journal holds of a migration's secrets: sealed for their own row, so a ciphertext
// copied into another migration's row (or kind) by someone with write access to the table never
// hands that migration another customer's token.

async function journal() {
  const store = createMemoryStore();
  const box = createSecretBox(parseEncryptionKeys(`k1:${Buffer.alloc(32, 3).toString("base64")}`));
  await store.createMigration(newMigrationFixture({ id: "mig_a" }));
  await store.createMigration(newMigrationFixture({ id: "mig_b" }));
  return { store, box, rt: { store, box } as unknown as BffRuntime };
}

test("a secret reads back from its own row, and the stored text is not the secret", async () => {
  const { store, rt } = await journal();
  await storeSecret(rt, "mig_a", "business_token", "EAAG-token-a");
  expect(await readSecret(rt, "mig_a", "business_token")).toBe("EAAG-token-a");
  expect(JSON.stringify(await store.getSecret("mig_a", "business_token"))).not.toContain("token-a");
  expect(await readSecret(rt, "mig_b", "business_token")).toBeNull();
});

test.each([
  ["another migration's row", "mig_b", "business_token"],
  ["the same migration's PIN row", "mig_a", "pin"],
] as const)("a token copied into %s does not open", async (_name, id, kind) => {
  const { store, rt } = await journal();
  await storeSecret(rt, "mig_a", "business_token", "EAAG-token-a");
  const sealed = await store.getSecret("mig_a", "business_token");
  if (!sealed) throw new Error("not stored");
  await store.putSecret(id, kind, sealed);
  const error = await readSecret(rt, id, kind).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SecretBoxError);
  expect((error as SecretBoxError).reason).toBe("corrupt");
});

test("a secret stored before rows were bound still opens, and is bound to its row from then on", async () => {
  const { store, box, rt } = await journal();
  await store.putSecret("mig_a", "pin", box.seal("123456"));
  expect(await readSecret(rt, "mig_a", "pin")).toBe("123456");
  const resealed = await store.getSecret("mig_a", "pin");
  expect(resealed?.ciphertext.startsWith("v2.")).toBe(true);
  if (!resealed) throw new Error("not stored");
  await store.putSecret("mig_b", "pin", resealed);
  expect(await readSecret(rt, "mig_b", "pin").catch((e: unknown) => e)).toBeInstanceOf(
    SecretBoxError,
  );
});
