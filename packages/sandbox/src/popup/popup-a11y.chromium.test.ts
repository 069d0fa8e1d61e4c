import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ES_STEPS, GRAPH_VERSION } from "@wa-migrate/contracts";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";

// Every popup screen (both languages, with the move warning, a scenario error and a field error)
// scanned with axe-core in real Chromium: no violations allowed.

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

let graph: FakeGraph;
let browser: Browser;
let origin = "";
let close: () => void = () => {};
let partner: { app_id: string; config_id: string };

beforeAll(async () => {
  graph = createFakeGraph({ control: true, seed: 11 });
  origin = await new Promise((resolve) => {
    const server = serve(
      { fetch: (r) => graph.fetch(r), port: 0, hostname: "127.0.0.1" },
      (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`),
    );
    close = () => server.close();
  });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  close();
});

beforeEach(async () => {
  await graph.request("/__sandbox/reset", {
    method: "POST",
    body: JSON.stringify({ scenario: "happy" }),
  });
  await graph.request("/__sandbox/popup-settings", {
    method: "POST",
    body: JSON.stringify({ verification: true }),
  });
  partner = await (await graph.request("/__sandbox/partner")).json();
});

/** The dialog as a full page (the redirect variant shows the same screens as the popup). */
async function openDialog(locale: string): Promise<Page> {
  const page = await browser.newPage();
  const query = new URLSearchParams({
    client_id: partner.app_id,
    config_id: partner.config_id,
    response_type: "code",
    override_default_response_type: "true",
    redirect_uri: "https://partner.example/callback",
    state: "s1",
    locale,
  });
  await page.goto(`${origin}/${GRAPH_VERSION}/dialog/oauth?${query}`);
  return page;
}

async function step(page: Page): Promise<string | null> {
  return page.locator("form").getAttribute("data-step");
}

async function goTo(page: Page, target: string): Promise<void> {
  for (let clicks = 0; clicks < 10 && (await step(page)) !== target; clicks++) {
    if ((await step(page)) === "PHONE_NUMBER_VERIFICATION") {
      const hint = await page.locator("#code-hint").textContent();
      await page.locator("#code").fill(hint?.match(/(\d{6})\.\)/)?.[1] ?? "");
    }
    await page.locator("button.primary").click();
    await page.waitForLoadState();
  }
  expect(await step(page)).toBe(target);
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{ violations: { id: string; help: string }[] }>;
        };
      }
    ).axe.run(document),
  );
  return result.violations.map((violation) => `${violation.id}: ${violation.help}`);
}

describe("popup screens pass axe", { timeout: 30_000 }, () => {
  test.each(ES_STEPS.flatMap((s) => [[s, "en_US"] as const, [s, "de_DE"] as const]))(
    "%s (%s)",
    async (target, locale) => {
      const page = await openDialog(locale);
      await goTo(page, target);
      expect(await page.getByRole("button").count()).toBe(2);
      expect(await violations(page)).toEqual([]);
      await page.close();
    },
  );

  test("the phone screen with the warning that the number will move", async () => {
    const page = await openDialog("en_US");
    await goTo(page, "PHONE_NUMBER_SETUP");
    await page.getByRole("button", { name: "Next" }).click();
    expect(await page.getByRole("status").textContent()).toContain(
      "will be moved to the new WhatsApp Business account",
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("a scenario error screen", async () => {
    await graph.request("/__sandbox/scenario", {
      method: "POST",
      body: JSON.stringify({ name: "test-number" }),
    });
    const page = await openDialog("de_DE");
    await goTo(page, "PHONE_NUMBER_SETUP");
    await page.getByRole("button", { name: "Weiter" }).click();
    expect(await page.getByRole("alert").textContent()).toBe(
      "Testnummern von Meta können nicht übertragen werden.",
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("a wrong verification code", async () => {
    const page = await openDialog("en_US");
    await goTo(page, "PHONE_NUMBER_VERIFICATION");
    await page.locator("#code").fill("000000");
    await page.getByRole("button", { name: "Next" }).click();
    expect(await page.getByRole("alert").textContent()).toContain(
      "The code you entered is not correct.",
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test("the page Meta shows for a refused dialog", async () => {
    const page = await browser.newPage();
    await page.goto(
      `${origin}/${GRAPH_VERSION}/dialog/oauth?client_id=42&redirect_uri=https://partner.example/cb`,
    );
    expect(await page.getByRole("alert").textContent()).toBe(
      "Invalid App ID: 42 is not a known app.",
    );
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
