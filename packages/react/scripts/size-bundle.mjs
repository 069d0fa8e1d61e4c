#!/usr/bin/env node
// Bundles everything public from @wa-migrate/core and @wa-migrate/react (React external) plus the
// stylesheet, minified, into .ci-out/size/ at the repository root, for the size budget that
// `size-limit` checks (root package.json, gzip). Both locales, the contracts' lean validators
// (`@wa-migrate/contracts/browser`, no zod) and every part are included because the entry
// re-exports them all. Deterministic: same sources, same bytes.
//
// `node scripts/size-bundle.mjs --report` also prints what each source file adds to the gzipped
// JavaScript (its marginal gzip bytes in bundle order, from the source map), largest first.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(pkg, "..", "..", ".ci-out", "size");
const report = process.argv.includes("--report");
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" };

const js = await build({
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
  // The source map only feeds the report; it is never written, so kit.js stays the same bytes.
  sourcemap: report ? "external" : false,
  write: false,
});
const code = js.outputFiles.find((file) => file.path.endsWith(".js"));
writeFileSync(code.path, code.contents);

await build({
  ...common,
  entryPoints: [join(pkg, "src", "styles.css")],
  outfile: join(out, "kit.css"),
});

console.log(`size bundle written to ${out}`);
if (report)
  printReport(code.text, JSON.parse(js.outputFiles.find((f) => f.path.endsWith(".map")).text));

function printReport(text, map) {
  const owners = ownerPerChar(text, map);
  const name = (i) =>
    (map.sources[i] ?? "?")
      .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "npm:")
      .replace(/^.*packages\//, "");
  const bytes = new Map();
  let start = 0;
  let before = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && owners[i] === owners[start]) continue;
    const after = gzipSync(text.slice(0, i), { level: 9 }).length;
    const key = name(owners[start]);
    bytes.set(key, (bytes.get(key) ?? 0) + after - before);
    before = after;
    start = i;
  }
  console.log(`kit.js: ${text.length} B min, ${before} B gzip; marginal gzip bytes per source:`);
  for (const [key, n] of [...bytes].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(6)}  ${key}`);
}

// The source index of every output character, from the map's VLQ segments.
function ownerPerChar(text, map) {
  const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const owners = [];
  const mapLines = map.mappings.split(";");
  let source = 0;
  text.split("\n").forEach((line, index) => {
    const points = [];
    let column = 0;
    for (const segment of (mapLines[index] ?? "").split(",").filter(Boolean)) {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      points.push([column, source]);
    }
    let owner = points[0]?.[1] ?? source;
    let next = 0;
    for (let c = 0; c <= line.length; c++) {
      while (next < points.length && points[next][0] <= c) owner = points[next++][1];
      owners.push(owner);
    }
  });
  return owners;
}
