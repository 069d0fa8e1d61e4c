#!/usr/bin/env node
import { readFile } from "node:fs/promises";
// Every story of a built Storybook through axe-core in Debian chromium, in light and dark colour
// schemes, including colour contrast (which jsdom cannot compute). Usage, after `storybook build`:
//   node packages/react/scripts/storybook-axe.mjs [storybook-static dir]
// (default: .ci-out/storybook-static, where `npm test` builds it).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const require = createRequire(join(repo, "package.json"));
const { chromium } = require("playwright-core");
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const root = process.argv[2] ?? join(repo, ".ci-out", "storybook-static");
const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  try {
    const body = await readFile(join(root, path === "/" ? "index.html" : path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const port = server.address().port;
const index = JSON.parse(await readFile(join(root, "index.json"), "utf8"));
const stories = Object.values(index.entries).filter((e) => e.type === "story");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
let bad = 0;
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ colorScheme: scheme });
  for (const s of stories) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${s.id}&viewMode=story`);
    await page.waitForSelector("#storybook-root > *", { timeout: 15000 });
    await page.waitForTimeout(300);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // Storybook's a11y addon may be running axe in the same page: wait for it to finish.
      const run = async (tries) => {
        try {
          return await window.axe.run(document.querySelector("#storybook-root"), options);
        } catch (error) {
          if (tries <= 0 || !String(error).includes("already running")) throw error;
          await new Promise((r) => setTimeout(r, 250));
          return run(tries - 1);
        }
      };
      const options = {
        rules: {
          region: { enabled: false },
          "landmark-one-main": { enabled: false },
          "page-has-heading-one": { enabled: false },
        },
      };
      const r = await run(40);
      return r.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`)
            .join(" | ")}`,
      );
    });
    if (result.length) {
      bad++;
      console.log(scheme, s.id, result);
    }
  }
  await page.close();
}
console.log(`${stories.length} stories x 2 colour schemes, ${bad} with violations`);
process.exitCode = bad ? 1 : 0;
await browser.close();
server.close();
