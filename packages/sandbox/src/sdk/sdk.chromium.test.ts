import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { GRAPH_VERSION } from "@wa-migrate/contracts";
import { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";

// The fake sdk.js in real Chromium: misuse fails like Meta's SDK (console error, callback with no
// authResponse), login status, and the locale of the SDK path choosing the popup's language.

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
let sandboxOrigin = "";
let pageOrigin = "";
const closers: (() => void)[] = [];
let partner: { app_id: string; config_ids: { v2: string; v3: string; v4: string } };

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
    closers.push(() => server.close());
  });
}

beforeAll(async () => {
  graph = createFakeGraph({ control: true, seed: 9 });
  partner = await (await graph.request("/__sandbox/partner")).json();
  sandboxOrigin = await listen((request) => graph.fetch(request));
  // A test page: FB.init with `init` (none when absent), a button calling FB.login with `options`.
  const pages = new Hono();
  pages.get("/", (c) => {
    const locale = c.req.query("locale") ?? "en_US";
    return c.html(`<!doctype html><html lang="en"><head><title>SDK test</title></head><body>
<button type="button" id="login">Log in</button>
<script>
  window.results = [];
  const init = ${c.req.query("init") ?? "null"};
  const options = ${c.req.query("options") ?? "{}"};
  window.fbAsyncInit = function () { if (init) FB.init(init); };
  document.getElementById("login").onclick = () => FB.login((response) => results.push(response), options);
</script>
<script async defer crossorigin="anonymous" src="${sandboxOrigin}/${locale}/sdk.js"></script>
</body></html>`);
  });
  pageOrigin = await listen(pages.fetch);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const close of closers) close();
});

beforeEach(async () => {
  await graph.request("/__sandbox/reset", { method: "POST", body: "{}" });
});

async function openPage(
  init: unknown,
  options: unknown,
  locale = "en_US",
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const query = new URLSearchParams({
    init: JSON.stringify(init),
    options: JSON.stringify(options),
    locale,
  });
  await page.goto(`${pageOrigin}/?${query}`);
  await page.waitForFunction(() => "FB" in window);
  return { page, errors };
}

async function results(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { results: unknown[] }).results);
}

const goodOptions = () => ({
  config_id: partner.config_ids.v4,
  response_type: "code",
  override_default_response_type: true,
  extras: { setup: {} },
});

describe("misuse fails like Meta's SDK", { timeout: 30_000 }, () => {
  test.each([
    ["login before init", () => null, "FB.login() called before FB.init()."],
    [
      "init without a version, then login",
      () => ({ appId: partner.app_id }),
      "FB.init() called with an invalid version",
    ],
  ])(
    "%s: console error and a callback without authResponse, at once",
    async (_name, init, error) => {
      const { page, errors } = await openPage(init(), goodOptions());
      await page.getByRole("button", { name: "Log in" }).click();
      await expect.poll(() => results(page), { timeout: 10_000 }).toHaveLength(1);
      expect(await results(page)).toEqual([{ authResponse: null, status: "unknown" }]);
      expect(errors.join("\n")).toContain(error);
      expect(page.context().pages()).toHaveLength(1);
      await page.close();
    },
  );

  // Meta's dialog shows a refusal on its own page and stays open (it does not close itself): the
  // SDK calls back once the customer closes the window, so the page cannot take it for a blocked popup.
  test.each([
    [
      "an unknown appId",
      () => ({ appId: "1234", version: GRAPH_VERSION }),
      () => goodOptions(),
      "Invalid App ID: 1234 is not a known app.",
    ],
    [
      "an unknown config_id",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), config_id: "999" }),
      "Invalid config_id: 999",
    ],
    [
      "no response_type",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), response_type: undefined }),
      'response_type must be "code"',
    ],
    [
      "no override_default_response_type",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), override_default_response_type: undefined }),
      "override_default_response_type must be true",
    ],
    [
      "extras.version on a v4 configuration",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), extras: { setup: {}, version: "v3" } }),
      "extras.version must be left out for an Embedded Signup v4 configuration.",
    ],
    [
      "no extras.version on a v3 configuration",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), config_id: partner.config_ids.v3 }),
      'extras.version must be "v3" for an Embedded Signup v3 configuration.',
    ],
    [
      "a v2-only featureType on v4",
      () => ({ appId: partner.app_id, version: GRAPH_VERSION }),
      () => ({ ...goodOptions(), extras: { setup: {}, featureType: "only_waba_sharing" } }),
      'extras.featureType "only_waba_sharing" is not available in Embedded Signup v4.',
    ],
  ])(
    "%s: the dialog shows the error and stays open; closing it calls back without authResponse",
    async (_name, init, options, error) => {
      const { page, errors } = await openPage(init(), options());
      const [dialog] = await Promise.all([
        page.waitForEvent("popup"),
        page.getByRole("button", { name: "Log in" }).click(),
      ]);
      await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toContain(error);
      expect(await dialog.getByRole("alert").textContent()).toContain(error);
      expect(dialog.isClosed()).toBe(false);
      expect(await results(page)).toEqual([]);
      await dialog.close();
      await expect
        .poll(() => results(page), { timeout: 10_000 })
        .toEqual([{ authResponse: null, status: "unknown" }]);
      await page.close();
    },
  );
});

describe("login status and locale", { timeout: 30_000 }, () => {
  test("getLoginStatus is unknown, then connected with the code after a finished signup; logout resets it", async () => {
    await graph.request("/__sandbox/autopilot", {
      method: "POST",
      body: JSON.stringify({ outcome: "finish" }),
    });
    const { page } = await openPage(
      { appId: partner.app_id, version: GRAPH_VERSION },
      goodOptions(),
    );
    const status = () =>
      page.evaluate(
        () =>
          new Promise((resolve) =>
            (
              window as unknown as { FB: { getLoginStatus: (cb: (r: unknown) => void) => void } }
            ).FB.getLoginStatus(resolve),
          ),
      );
    expect(await status()).toEqual({ authResponse: null, status: "unknown" });
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => results(page), { timeout: 10_000 }).toHaveLength(1);
    const [login] = (await results(page)) as { status: string; authResponse: { code: string } }[];
    expect(login?.status).toBe("connected");
    expect(await status()).toEqual(login);
    const afterLogout = await page.evaluate(
      () =>
        new Promise((resolve) =>
          (window as unknown as { FB: { logout: (cb: (r: unknown) => void) => void } }).FB.logout(
            resolve,
          ),
        ),
    );
    expect(afterLogout).toEqual({ authResponse: null, status: "unknown" });
    await page.close();
  });

  test("the de_DE SDK opens the popup in German", async () => {
    const { page } = await openPage(
      { appId: partner.app_id, version: GRAPH_VERSION },
      goodOptions(),
      "de_DE",
    );
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.getByRole("button", { name: "Log in" }).click(),
    ]);
    await popup.waitForLoadState();
    expect(await popup.getAttribute("html", "lang")).toBe("de");
    expect(await popup.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Business-Portfolio auswählen",
    );
    await popup.getByRole("button", { name: "Abbrechen" }).click();
    await expect
      .poll(() => results(page), { timeout: 10_000 })
      .toEqual([{ authResponse: null, status: "unknown" }]);
    await page.close();
  });
});
