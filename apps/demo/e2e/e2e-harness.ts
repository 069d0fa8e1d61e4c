import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Migration } from "@wa-migrate/contracts";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { ensureDemoBuild, REPO_ROOT } from "../src/server/ensure-demo-build.js";
import { type DemoStack, startDemoStack } from "../src/server/start-demo-stack.js";

/** Where the run's screenshots go (CI keeps `.ci-out/`). */
export const SCREENSHOT_DIR = join(REPO_ROOT, ".ci-out", "screenshots");
// The four the README shows; refreshed in `docs/screenshots/` with WA_DEMO_DOCS_SCREENSHOTS=1.
const DOCS_SCREENSHOTS: Record<string, string> = {
  "customer-3-completed": "customer-completed",
  "customer-7-two-step-on": "customer-two-step-on",
  "operator-1-failed-step": "operator-failed-step",
  "sandbox-1": "sandbox",
};
const AXE = join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");

// Debian's chromium, launched as the team rules say; the popup blocker stays on (Playwright turns
// it off by default) so a popup opened outside a click is blocked as in a real browser.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** One Graph call from the sandbox's log. */
export interface LoggedCall {
  seq: number;
  operation: string;
  status: number;
  errorCode: number | null;
  time: number;
}

/** The real stack on free loopback ports, a Chromium, and the helpers the suites share. */
export interface E2e {
  stack: DemoStack;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) with the portal open at `path`. */
  open(
    path?: string,
    options?: { blockPopups?: boolean },
  ): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * A fresh sandbox world in `scenario`, with the stack's seed: the partner (app id, secret,
   * system token) the BFF and the portal were configured with stays the same.
   */
  reset(scenario: string): Promise<void>;
  /** `POST /__sandbox/<path>` with a JSON body. */
  control(path: string, body: unknown): Promise<Response>;
  /** The sandbox's Graph call log. */
  calls(): Promise<LoggedCall[]>;
  /** A migration as the BFF has it. */
  migration(id: string): Promise<Migration>;
  close(): Promise<void>;
}

/**
 * Starts the whole demo the way `npm run demo` does, but on free ports and a temporary journal,
 * builds the portal first when `dist/` is missing or stale, and launches Chromium.
 *
 * @example
 * const e2e = await startE2e({ seed: 11 });
 * const { page } = await e2e.open("/");
 * await e2e.close();
 */
export async function startE2e(options: { seed: number }): Promise<E2e> {
  await ensureDemoBuild();
  const dataDir = await mkdtemp(join(tmpdir(), "wa-demo-e2e-"));
  const stack = await startDemoStack({
    ports: { sandbox: 0, bff: 0, demo: 0 },
    dataDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    seed: options.seed,
    onBffOutput: (line, stream) => {
      if (stream === "stderr") process.stderr.write(`bff: ${line}\n`);
    },
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ["--disable-popup-blocking"],
  });
  const sandboxUrl = stack.sandbox?.url ?? "";
  const contexts: BrowserContext[] = [];
  const control = (path: string, body: unknown) =>
    fetch(`${sandboxUrl}/__sandbox/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return {
    stack,
    browser,
    async open(path = "/", o = {}) {
      const context = await browser.newContext({
        viewport: { width: 1000, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      if (o.blockPopups) {
        // A popup blocker as browsers and extensions implement it: window.open answers null.
        await context.addInitScript(() => {
          const w = window as unknown as { __blockPopups?: boolean; open: typeof window.open };
          const realOpen = w.open.bind(window);
          w.__blockPopups = true;
          w.open = (...args: Parameters<typeof window.open>) =>
            w.__blockPopups ? null : realOpen(...args);
        });
      }
      const page = await context.newPage();
      await page.goto(`${stack.url}${path}`);
      return { context, page };
    },
    async reset(scenario) {
      const answer = await control("reset", { scenario, seed: options.seed });
      if (!answer.ok) throw new Error(`sandbox reset answered ${answer.status}`);
    },
    control,
    async calls() {
      const answer = (await (await fetch(`${sandboxUrl}/__sandbox/calls`)).json()) as {
        data: LoggedCall[];
      };
      return answer.data;
    },
    async migration(id) {
      return (await (await fetch(`${stack.bffUrl}/migrations/${id}`)).json()) as Migration;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page PNG under `.ci-out/screenshots/<name>.png` and returns its path.
 *
 * @example
 * await screenshot(page, "customer-completed");
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const png = await page.screenshot({ fullPage: true, animations: "disabled" });
  await writeFile(path, png);
  const docsName = DOCS_SCREENSHOTS[name];
  if (docsName && process.env.WA_DEMO_DOCS_SCREENSHOTS === "1") {
    await mkdir(join(REPO_ROOT, "docs", "screenshots"), { recursive: true });
    await writeFile(join(REPO_ROOT, "docs", "screenshots", `${docsName}.png`), png);
  }
  return path;
}

/** One axe violation, short enough to read in a failed assertion. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now.
 *
 * @example
 * expect(await axeViolations(page)).toEqual([]);
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}
