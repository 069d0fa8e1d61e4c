import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The journal's encryption key for the demo: `WA_MIGRATE_ENCRYPTION_KEY` when set, else a random
 * 32-byte key kept in `<dataDir>/encryption-key` (mode 0600), so a restarted BFF can still open
 * the tokens and PINs it sealed.
 *
 * @example
 * const key = await demoEncryptionKey(process.env, ".wa-migrate/demo"); // "demo:base64..."
 */
export async function demoEncryptionKey(
  env: Record<string, string | undefined>,
  dataDir: string,
): Promise<string> {
  const given = env.WA_MIGRATE_ENCRYPTION_KEY?.trim();
  if (given) return given;
  const file = join(dataDir, "encryption-key");
  const kept = await readFile(file, "utf8").catch(() => null);
  if (kept?.trim()) return kept.trim();
  const key = `demo:${randomBytes(32).toString("base64")}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}
