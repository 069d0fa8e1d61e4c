import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { MIGRATION_ERROR_CODES } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "./ensure-demo-build.js";

// The README's reference sections must not drift from the code they describe.

async function section(title: string): Promise<string> {
  const readme = await readFile(join(REPO_ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README has a "## ${title}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 4);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("README", () => {
  test("Troubleshooting has a row for every error code in the contracts", async () => {
    const text = await section("Troubleshooting");
    const missing = MIGRATION_ERROR_CODES.filter(
      (code) => !new RegExp(`^\\| \`${code}\` +\\|`, "m").test(text),
    );
    expect(missing).toEqual([]);
  });

  test("Configuration names every variable the BFF reads", async () => {
    const text = await section("Configuration");
    const source = await readFile(
      join(REPO_ROOT, "packages", "bff", "src", "config", "env-config.ts"),
      "utf8",
    );
    const read = [...source.matchAll(/(?:required|optional|get)\("([A-Z_]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(read.length).toBeGreaterThanOrEqual(10);
    const missing = [...new Set(read)].filter((name) => !text.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  test("the screenshots it shows exist", async () => {
    const text = await section("Demo");
    const images = [...text.matchAll(/\]\((docs\/screenshots\/[\w-]+\.png)\)/g)].map(
      (m) => m[1] as string,
    );
    expect(images).toHaveLength(4);
    for (const image of images)
      await expect(readFile(join(REPO_ROOT, image))).resolves.toBeTruthy();
  });
});
