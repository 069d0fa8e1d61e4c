// Bench (not a test): bytes a partner ships. @wa-migrate/core + @wa-migrate/react beside
// react-plaid-link and @stripe/react-connect-js (+ its loader @stripe/connect-js), every one built
// by the same esbuild settings (bundle, minify, ESM, browser, es2022, React external), gzipped at
// level 9. Only JavaScript: the kit's stylesheet is reported on its own line.
//   npx tsx bench/bundle/bundle-size.ts
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const entries = {
  "@wa-migrate/core + @wa-migrate/react":
    'export * from "@wa-migrate/core";\nexport * from "@wa-migrate/react";\n',
  "react-plaid-link 5.0.0": 'export * from "react-plaid-link";\n',
  "@stripe/react-connect-js 3.4.4 + @stripe/connect-js 3.4.6":
    'export * from "@stripe/react-connect-js";\nexport * from "@stripe/connect-js";\n',
};

async function sizeOf(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    legalComments: "none",
    format: "esm",
    platform: "browser",
    target: "es2022",
    external: ["react", "react-dom", "react/jsx-runtime", "react-dom/client"],
    write: false,
    logLevel: "error",
    logOverride: { "unsupported-directive": "silent" },
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

const figures: Record<string, { minBytes: number; gzipBytes: number }> = {};
for (const [name, contents] of Object.entries(entries)) figures[name] = await sizeOf(contents);

const css = await build({
  entryPoints: [join(benchDir, "..", "packages", "react", "src", "styles.css")],
  bundle: true,
  minify: true,
  write: false,
  logLevel: "error",
});
const cssCode = css.outputFiles[0]?.contents ?? new Uint8Array();

for (const [name, f] of Object.entries(figures))
  console.log(`${name}: ${f.minBytes} B min, ${f.gzipBytes} B min+gzip`);
console.log(`(kit stylesheet: ${gzipSync(cssCode, { level: 9 }).byteLength} B min+gzip)`);
console.log(
  `BENCH_JSON ${JSON.stringify({ bundle: figures, kitCssGzipBytes: gzipSync(cssCode, { level: 9 }).byteLength })}`,
);
