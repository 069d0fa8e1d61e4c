#!/usr/bin/env node
// Uses the packed packages the way a partner's project would, after `check-packages.mjs` packed
// them into .pack/: each tarball is unpacked into a fresh project's node_modules, next to exactly
// the dependencies (and peers) its package.json declares, at the versions it pins, and nothing
// else; then scripts/consumer/migrate-with-packages.mjs runs a whole migration with the packed BFF
// and sandbox on a PGlite journal and renders the packed React kit on the server. A file missing
// from a tarball, a dependency used but not declared, or a pin that is not what the workspace
// tested fails here, where publint and attw (which read only the manifest and types) cannot see it.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packDir = join(root, ".pack");
const project = mkdtempSync(join(tmpdir(), "wa-migrate-consumer-"));
const modules = join(project, "node_modules");
const problems = [];

try {
  const tarballs = existsSync(packDir)
    ? readdirSync(packDir).filter((f) => f.endsWith(".tgz"))
    : [];
  if (tarballs.length === 0)
    throw new Error("no tarballs in .pack/: run scripts/check-packages.mjs first");
  const packed = new Map(); // package name → its workspace folder
  for (const tarball of tarballs) {
    const unpacked = mkdtempSync(join(tmpdir(), "wa-migrate-tgz-"));
    execFileSync("tar", ["-xzf", join(packDir, tarball), "-C", unpacked]);
    const manifest = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8"));
    const target = join(modules, manifest.name);
    mkdirSync(dirname(target), { recursive: true });
    execFileSync("cp", ["-R", join(unpacked, "package"), target]);
    rmSync(unpacked, { recursive: true, force: true });
    const folder = readdirSync(join(root, "packages")).find(
      (dir) =>
        JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")).name ===
        manifest.name,
    );
    packed.set(manifest.name, { folder, manifest });
  }

  // Each declared third-party dependency and peer, linked to the copy the workspace tested with.
  for (const { folder, manifest } of packed.values()) {
    const wanted = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const [name, spec] of Object.entries(wanted)) {
      if (packed.has(name)) {
        const version = packed.get(name).manifest.version;
        if (spec !== version)
          problems.push(`${manifest.name}: ${name} ${spec}, but the packed one is ${version}`);
        continue;
      }
      const link = join(modules, name);
      if (existsSync(link)) continue;
      const source = join(root, "packages", folder, "node_modules", name);
      if (!existsSync(source)) {
        problems.push(`${manifest.name}: ${name} is declared but the workspace has no copy of it`);
        continue;
      }
      const real = realpathSync(source);
      const version = JSON.parse(readFileSync(join(real, "package.json"), "utf8")).version;
      if (/^\d+\.\d+\.\d+$/.test(spec) && spec !== version)
        problems.push(
          `${manifest.name}: ${name} pinned at ${spec}, the workspace tested ${version}`,
        );
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(real, link, "dir");
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));

  copyFileSync(
    join(root, "scripts", "consumer", "migrate-with-packages.mjs"),
    join(project, "consumer.mjs"),
  );
  execFileSync("node", ["consumer.mjs"], { cwd: project, stdio: "inherit", timeout: 120_000 });
  console.log(`installed packages: ${[...packed.keys()].join(", ")} ok`);
} catch (error) {
  console.error(`installed packages FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
