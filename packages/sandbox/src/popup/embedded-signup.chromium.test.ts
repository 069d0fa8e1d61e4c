import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { ES_STEPS, GRAPH_VERSION } from "@wa-migrate/contracts";
import { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";

// Acceptance of issue 4 in real Chromium: a page that is Meta's documented snippet (only the SDK
// URL and the allowed origin changed) against the sandbox served on loopback.

// Meta's "Step 3: Add Embedded Signup to your website" (Implementation, v4, Nov 4 2025), verbatim
// inside a minimal HTML document. The test replaces the SDK URL and the allowed origin, and fills
// <APP_ID>, <GRAPH_API_VERSION> and <CONFIGURATION_ID> as a partner would.
const SNIPPET = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Embedded Signup</title>
</head>
<body>
<!-- SDK loading -->
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_US/sdk.js"></script>

<script>
  // SDK initialization
  window.fbAsyncInit = function() {
    FB.init({
      appId: '<APP_ID>', // your app ID goes here
      autoLogAppEvents: true,
      xfbml: true,
      version: '<GRAPH_API_VERSION>' // Graph API version goes here
    });
  };

  // Session logging message event listener
  window.addEventListener('message', (event) => {
    if (!event.origin.endsWith('facebook.com')) return;
    try {
      const data = JSON.parse(event.data);
      if (data.type === 'WA_EMBEDDED_SIGNUP') {
        console.log('message event: ', data); // remove after testing
        // your code goes here
      }
    } catch {
      console.log('message event: ', event.data); // remove after testing
      // your code goes here
    }
  });

  // Response callback
  const fbLoginCallback = (response) => {
    if (response.authResponse) {
      const code = response.authResponse.code;
      console.log('response: ', code); // remove after testing
      // your code goes here
    } else {
      console.log('response: ', response); // remove after testing
      // your code goes here
    }
  }

  // Launch method and callback registration
  const launchWhatsAppSignup = () => {
    FB.login(fbLoginCallback, {
      config_id: '<CONFIGURATION_ID>', // your configuration ID goes here
      response_type: 'code',
      override_default_response_type: true,
      extras: {
        setup: {},
      }
    });
  }
</script>

<!-- Launch button  -->
<button onclick="launchWhatsAppSignup()" style="background-color: #1877f2; border: 0; border-radius: 4px; color: #fff; cursor: pointer; font-family: Helvetica, Arial, sans-serif; font-size: 16px; font-weight: bold; height: 40px; padding: 0 24px;">Login with Facebook</button>
</body>
</html>
`;
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
let partner: {
  app_id: string;
  app_secret: string;
  config_ids: { v2: string; v3: string; v4: string };
};

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
    closers.push(() => server.close());
  });
}

async function control(path: string, body: unknown): Promise<Response> {
  return graph.request(`/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  graph = createFakeGraph({ control: true, seed: 4 });
  sandboxOrigin = await listen((request) => graph.fetch(request));
  // The partner's page, on another origin, as Meta's snippet with the sandbox's values filled in.
  const pages = new Hono();
  pages.get("/signup", (c) => {
    const config = c.req.query("config") ?? partner.config_ids.v4;
    let html = SNIPPET.replace(
      "https://connect.facebook.net/en_US/sdk.js",
      `${sandboxOrigin}/en_US/sdk.js`,
    )
      .replace("endsWith('facebook.com')", `endsWith('${new URL(sandboxOrigin).host}')`)
      .replace("'<APP_ID>'", `'${partner.app_id}'`)
      .replace("'<GRAPH_API_VERSION>'", `'${GRAPH_VERSION}'`)
      .replace("'<CONFIGURATION_ID>'", `'${config}'`);
    // Meta's v2 documentation adds sessionInfoVersion to the same extras.
    if (c.req.query("sessionInfo") === "3")
      html = html.replace("setup: {},", "setup: {},\n        sessionInfoVersion: '3',");
    // A page that launches by itself, without a click (no user activation): the popup is blocked.
    if (c.req.query("autolaunch") === "1") {
      const launch = "<script>addEventListener('load', () => launchWhatsAppSignup());</script>";
      html = html.replace("</body>", `${launch}</body>`);
    }
    return c.html(html);
  });
  pageOrigin = await listen(pages.fetch);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    // Playwright turns the popup blocker off by default; the blocked-popup case needs it on.
    ignoreDefaultArgs: ["--disable-popup-blocking"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const close of closers) close();
});

beforeEach(async () => {
  await control("reset", { scenario: "happy", seed: 4 });
  partner = await (await graph.request("/__sandbox/partner")).json();
});

/** What the snippet logs: `['message event: ', data]` and `['response: ', code | response]`. */
type Logged = ["message event: " | "response: ", unknown];

/** The page and what it logged so far, in the order it logged it. */
interface Snippet {
  page: Page;
  logged: Logged[];
}

async function openSnippet(query = ""): Promise<Snippet> {
  const page = await browser.newPage();
  const snippet: Snippet = { page, logged: [] };
  // Reading console arguments is async: chain the reads so entries keep the page's order.
  let reading = Promise.resolve();
  page.on("console", (message) => {
    reading = reading.then(async () => {
      const args = await Promise.all(message.args().map((arg) => arg.jsonValue())).catch(() => []);
      if (args[0] === "message event: " || args[0] === "response: ")
        snippet.logged.push(args as Logged);
    });
  });
  await page.goto(`${pageOrigin}/signup${query}`);
  await page.waitForFunction(() => "FB" in window);
  return snippet;
}

async function launch(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: "Login with Facebook" }).click(),
  ]);
  await popup.waitForLoadState();
  return popup;
}

async function currentStep(popup: Page): Promise<string | null> {
  return popup.locator("form").getAttribute("data-step");
}

/** Clicks the primary action until the popup shows `step` (the move warning needs a second click). */
async function goTo(popup: Page, step: string): Promise<void> {
  for (let clicks = 0; clicks < 10 && (await currentStep(popup)) !== step; clicks++) {
    if ((await currentStep(popup)) === "PHONE_NUMBER_VERIFICATION") {
      // The sandbox has no SMS: the popup shows the code it expects.
      const hint = await popup.locator("#code-hint").textContent();
      await popup.getByLabel("Verification code").fill(hint?.match(/code is (\d{6})/)?.[1] ?? "");
    }
    await popup.locator("button.primary").click();
    await popup.waitForLoadState();
  }
  expect(await currentStep(popup)).toBe(step);
}

async function until(logged: Logged[], count: number): Promise<void> {
  await expect.poll(() => logged.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
}

async function exchange(code: string): Promise<Response> {
  const query = new URLSearchParams({
    client_id: partner.app_id,
    client_secret: partner.app_secret,
    code,
  });
  return graph.request(`/${GRAPH_VERSION}/oauth/access_token?${query}`);
}

describe("Meta's snippet against the sandbox", { timeout: 30_000 }, () => {
  test("finishing gives the code and FINISH; debug_token confirms the IDs; the code works once", async () => {
    const { page, logged } = await openSnippet();
    const popup = await launch(page);
    expect(await popup.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Select your business portfolio",
    );
    await goTo(popup, "PHONE_NUMBER_SETUP");
    await popup.getByRole("button", { name: "Next" }).click();
    await expect
      .poll(() => popup.getByRole("status").textContent())
      .toContain("will be moved to the new WhatsApp Business account");
    await popup.getByRole("button", { name: "Continue" }).click();
    expect(await currentStep(popup)).toBe("PERMISSIONS");
    await popup.getByRole("button", { name: "Confirm" }).click();
    await until(logged, 2);
    await page.close();

    const message = logged.find(([label]) => label === "message event: ")?.[1] as {
      event: string;
      data: { phone_number_id: string; waba_id: string; business_id: string };
    };
    const code = logged.find(([label]) => label === "response: ")?.[1];
    expect(message.event).toBe("FINISH");
    expect(typeof code).toBe("string");

    const state = await (await graph.request("/__sandbox/state")).json();
    expect(message.data.phone_number_id).toBe(state.customer.phoneId);
    expect(message.data.business_id).toBe(state.customer.businessId);

    const first = await exchange(code as string);
    expect(first.status).toBe(200);
    const { access_token } = await first.json();
    const debug = await graph.request(
      `/${GRAPH_VERSION}/debug_token?input_token=${access_token}&access_token=${partner.app_id}|${partner.app_secret}`,
    );
    const { data } = await debug.json();
    const management = data.granular_scopes.find(
      (s: { scope: string }) => s.scope === "whatsapp_business_management",
    );
    expect(management.target_ids[0]).toBe(message.data.waba_id);

    const again = await exchange(code as string);
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: 100, error_subcode: 36009 });
  });

  test("a code not exchanged within 30 s of sandbox clock has expired", async () => {
    await control("autopilot", { outcome: "finish" });
    const { page, logged } = await openSnippet();
    await launch(page);
    await until(logged, 2);
    await page.close();
    const code = logged.find(([label]) => label === "response: ")?.[1] as string;
    await control("clock", { advanceMs: 30_001 });
    const late = await exchange(code);
    expect(late.status).toBe(400);
    expect((await late.json()).error).toMatchObject({
      code: 100,
      message: "This authorization code has expired.",
    });
  });

  test.each(ES_STEPS.map((step) => [step]))(
    "Cancel on %s gives CANCEL with that current_step",
    async (step) => {
      await control("popup-settings", { verification: true });
      const { page, logged } = await openSnippet();
      const popup = await launch(page);
      await goTo(popup, step);
      await popup.getByRole("button", { name: "Cancel" }).click();
      await until(logged, 2);
      await page.close();
      expect(logged).toContainEqual([
        "message event: ",
        { data: { current_step: step }, type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", version: 3 },
      ]);
      expect(logged).toContainEqual(["response: ", { authResponse: null, status: "unknown" }]);
    },
  );

  test("a scenario error shows Meta's text on its screen and Cancel reports it", async () => {
    await control("scenario", { name: "two-step-on-popup" });
    const { page, logged } = await openSnippet();
    const popup = await launch(page);
    await goTo(popup, "PHONE_NUMBER_SETUP");
    await popup.getByRole("button", { name: "Next" }).click();
    expect(await popup.getByRole("alert").textContent()).toBe(
      "Please ensure two-step authentication is disabled.",
    );
    await popup.getByRole("button", { name: "Cancel" }).click();
    await until(logged, 2);
    await page.close();
    const message = logged.find(([label]) => label === "message event: ")?.[1] as {
      event: string;
      data: Record<string, string>;
    };
    expect(message.event).toBe("CANCEL");
    expect(message.data).toEqual({
      error_message: "Please ensure two-step authentication is disabled.",
      error_id: "2388001",
      session_id: expect.stringMatching(/^\d{15}$/),
      timestamp: expect.stringMatching(/^\d{10}$/),
    });
    expect(logged).toContainEqual(["response: ", { authResponse: null, status: "unknown" }]);
  });

  test.each([
    ["cancel", "PHONE_NUMBER_SETUP", { current_step: "PHONE_NUMBER_SETUP" }],
    ["error", "WHATSAPP_BUSINESS_PROFILE_SETUP", { error_id: "524109" }],
  ])("autopilot %s at %s clicks through by itself", async (outcome, atStep, data) => {
    await control("autopilot", { outcome, atStep, delayMs: 20 });
    const { page, logged } = await openSnippet();
    await launch(page);
    await until(logged, 2);
    await page.close();
    const message = logged.find(([label]) => label === "message event: ")?.[1] as {
      event: string;
      data: object;
    };
    expect(message.event).toBe("CANCEL");
    expect(message.data).toMatchObject(data);
    expect(logged).toContainEqual(["response: ", { authResponse: null, status: "unknown" }]);
  });

  test("a popup the user closes gives the unknown callback and no message", async () => {
    const { page, logged } = await openSnippet();
    const popup = await launch(page);
    await popup.close();
    // The SDK reports a closed popup only after messages posted before closing had time to arrive.
    await until(logged, 1);
    await page.close();
    expect(logged).toEqual([["response: ", { authResponse: null, status: "unknown" }]]);
  });

  test("a popup opened without a click is blocked: unknown callback, no message", async () => {
    const page = await browser.newPage();
    const logged: Logged[] = [];
    const errors: string[] = [];
    let reading = Promise.resolve();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
      reading = reading.then(async () => {
        const args = await Promise.all(message.args().map((arg) => arg.jsonValue())).catch(
          () => [],
        );
        if (args[0] === "message event: " || args[0] === "response: ") logged.push(args as Logged);
      });
    });
    let popups = 0;
    page.on("popup", () => popups++);
    await page.goto(`${pageOrigin}/signup?autolaunch=1`);
    await until(logged, 1);
    await page.close();
    expect(popups).toBe(0);
    expect(logged).toEqual([["response: ", { authResponse: null, status: "unknown" }]]);
    expect(errors.join("\n")).toContain("the browser blocked the login popup");
  });

  test.each([
    ["happy", "message event: ", "response: "],
    ["flaky", "response: ", "message event: "],
  ])("scenario %s: %s arrives first", async (scenario, first, second) => {
    await control("scenario", { name: scenario });
    await control("autopilot", { outcome: "finish" });
    const { page, logged } = await openSnippet();
    await launch(page);
    await until(logged, 2);
    await page.close();
    expect(logged.map(([label]) => label)).toEqual([first, second]);
  });

  test("a v2 configuration without sessionInfoVersion '3' gets the callback but no message", async () => {
    await control("autopilot", { outcome: "finish" });
    const { page, logged } = await openSnippet(`?config=${partner.config_ids.v2}`);
    await launch(page);
    // In this scenario the message would come first: once the callback is in, none can follow.
    await until(logged, 1);
    await page.close();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.[0]).toBe("response: ");
    expect(typeof logged[0]?.[1]).toBe("string");
  });

  test("a v2 configuration with sessionInfoVersion '3' gets the message too", async () => {
    await control("autopilot", { outcome: "finish" });
    const { page, logged } = await openSnippet(`?config=${partner.config_ids.v2}&sessionInfo=3`);
    await launch(page);
    await until(logged, 2);
    await page.close();
    const message = logged.find(([label]) => label === "message event: ")?.[1] as {
      event: string;
      version: number;
    };
    expect(message).toMatchObject({ event: "FINISH", version: 3 });
  });
});
