#!/usr/bin/env node
// Bundles everything public from @wa-migrate/core and @wa-migrate/react (React external) plus the
// stylesheet, minified, into .ci-out/size/ at the repository root, for the size budget that
// `size-limit` checks (root package.json, gzip). Both locales, the contracts' lean validators
// (`@wa-migrate/contracts/browser`, no zod) and every part are included because the entry re-exports them all. Deterministic: same sources,
// same bytes.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(pkg, "..", "..", ".ci-out", "size");
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" };

await build({
  ...common,
  stdin: {
    contents: 'export * from "@wa-migrate/core";\nexport * from "./src/index.ts";\n',
    resolveDir: pkg,
    loader: "ts",
    sourcefile: "size-entry.ts",
  },
  outfile: join(out, "kit.js"),
  format: "esm",
  platform: "browser",
  target: "es2022",
  external: ["react", "react-dom", "react/jsx-runtime"],
  // The entry files start with "use client"; in one bundle the directive has no meaning.
  logOverride: { "unsupported-directive": "silent" },
});

await build({
  ...common,
  entryPoints: [join(pkg, "src", "styles.css")],
  outfile: join(out, "kit.css"),
});

console.log(`size bundle written to ${out}`);
