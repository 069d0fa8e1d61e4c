import { readFile } from "node:fs/promises";
import type { Migration, StepId } from "@wa-migrate/contracts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { confirmTwoStep, finishPopup, launchPopup, TEXTS, waitForFlow } from "./customer-driver.js";
import { axeViolations, type E2e, screenshot, startE2e } from "./e2e-harness.js";

// The German customer page, the operator view and the sandbox page in real Chromium against the
// real stack.

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ seed: 303 });
});

afterAll(async () => {
  await e2e?.close();
});

/** Every step title is the German one, and every open step body speaks German. */
async function expectGermanSteps(page: Page): Promise<void> {
  for (const [id, text] of Object.entries(TEXTS.de.steps) as [
    StepId,
    { title: string; description: string },
  ][]) {
    const step = page.locator(`[data-step="${id}"]`);
    expect(await step.locator("h3").textContent()).toContain(text.title);
    const body = step.locator(".wam-step-description");
    if ((await body.count()) > 0) expect(await body.textContent()).toBe(text.description);
  }
  const all = (await page.locator(".wam-root").textContent()) ?? "";
  for (const english of Object.values(TEXTS.en.steps)) expect(all).not.toContain(english.title);
}

describe("German customer page", () => {
  test("renders German text on every step: ready, cancelled, running, completed; Meta's window in German", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/?lang=de#/customer");
    await waitForFlow(page, "ready");
    expect(await page.locator(".wam-root").getAttribute("lang")).toBe("de");
    expect(await page.getByRole("status").first().textContent()).toContain(
      TEXTS.de.flowStates.ready,
    );
    await expectGermanSteps(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-de-1-ready");

    await confirmTwoStep(page, "de");
    await e2e.control("autopilot", { outcome: "cancel", atStep: "PHONE_NUMBER_SETUP" });
    await launchPopup(page, "de");
    await waitForFlow(page, "cancelled");
    expect(await page.locator('[data-code="signup_cancelled"]').textContent()).toContain(
      TEXTS.de.errors.signup_cancelled,
    );
    await expectGermanSteps(page);

    await e2e.control("faults", { latency: { fixedMs: 300, jitterMs: 0 } });
    const popup = await launchPopup(page, "de", true);
    expect(await popup.locator("html").getAttribute("lang")).toBe("de");
    await finishPopup(popup);
    await waitForFlow(page, "running", "completed");
    if ((await page.locator(".wam-root").getAttribute("data-state")) === "running") {
      expect(await page.getByRole("status").first().textContent()).toContain(
        TEXTS.de.flowStates.running,
      );
      await expectGermanSteps(page);
    }
    await waitForFlow(page, "completed");
    await e2e.control("faults", {});
    await expectGermanSteps(page);
    const summary = page.locator(".wam-summary");
    expect(await summary.locator("h3").textContent()).toBe(TEXTS.de.summary.title);
    expect(await summary.textContent()).toContain(TEXTS.de.summary.billingCutover);
    const headers = await page.locator(".wam-templates th").allTextContents();
    expect(headers).toEqual([
      TEXTS.de.templates.name,
      TEXTS.de.templates.language,
      TEXTS.de.templates.outcome,
    ]);
    expect(
      await page.locator('.wam-templates tr[data-outcome="copied"] td').nth(2).textContent(),
    ).toBe(TEXTS.de.templates.outcomes.copied);
    // Why a template did not move reads in German, not in the BFF's English words for operators.
    const notEligible = await page
      .locator('.wam-templates tr[data-outcome="not_eligible"] td:nth-child(3)')
      .allTextContents();
    expect(notEligible.length).toBeGreaterThan(0);
    for (const text of notEligible) {
      expect(text.startsWith(`${TEXTS.de.templates.outcomes.not_eligible}: `)).toBe(true);
      expect(text).not.toMatch(/quality is|status is/);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-de-2-completed");
  });
});

describe("portal build", () => {
  test("is React's production build, as partners ship it (not the development build a test run's NODE_ENV would give)", async () => {
    const html = await (await fetch(e2e.stack.url)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, e2e.stack.url))).text();
      // Only React's development build carries its dev-time warnings (booleans: no bundle dump).
      expect(js.includes("useSyncExternalStore"), src).toBe(true);
      expect(js.includes("react-stack-top-frame"), src).toBe(false);
      expect(js.includes("Static children should always be an array"), src).toBe(false);
    }
  });
});

describe("operator view", () => {
  test("a failed step with remedy and fbtrace_id, events, support bundle without secrets, retry to completed", async () => {
    await e2e.reset("happy");
    // Meta refuses every template copy and the registration with an error that is not transient
    // (the token is no longer valid for them) until the faults are cleared. The failed copy is
    // reported with Meta's trace id and does not stop the migration (decision 029); registration
    // stops at once. A transient error would be retried for the BFF's whole retry budget instead.
    await e2e.control("faults", {
      errorRate: {
        rate: 1,
        codes: [190],
        operations: ["createMigrateMessageTemplates", "registerWhatsAppBusinessPhoneNumber"],
      },
    });
    const { context, page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    await e2e.control("autopilot", { outcome: "cancel", atStep: "PHONE_NUMBER_SETUP" });
    await launchPopup(page);
    await waitForFlow(page, "cancelled");
    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(page, "en", true);
    await waitForFlow(page, "failed", "action_required");

    const operator = await context.newPage();
    await operator.goto(`${e2e.stack.url}/#/operator`);
    const list = (await (await fetch(`${e2e.stack.bffUrl}/migrations?limit=1`)).json()) as {
      data: Migration[];
    };
    const migration = list.data[0] as Migration;
    const failed = migration.steps.find((s) => s.id === "register_phone");
    const trace = failed?.lastError?.graph?.fbtraceId;
    expect(trace).toBeTruthy();
    const detail = operator.locator(`section[data-migration="${migration.id}"]`);
    await detail.waitFor();
    const step = detail.locator('li[data-step="register_phone"]');
    expect(await step.getAttribute("data-status")).toBe(failed?.status);
    const errorText = (await step.locator(".demo-error").textContent()) ?? "";
    expect(errorText).toContain(failed?.lastError?.code ?? "?");
    expect(errorText).toContain(`Remedy: ${failed?.lastError?.remedy}`);
    expect(errorText).toContain(trace);
    // The refused template copy did not stop anything, and its error is there for operators.
    const copy = migration.steps.find((s) => s.id === "migrate_templates");
    expect(copy?.status).toBe("succeeded");
    expect(migration.warnings).toContain("template_migration_failed");
    const copyError = detail.locator('li[data-step="migrate_templates"] .demo-error');
    expect(await copyError.textContent()).toContain(copy?.lastError?.graph?.fbtraceId ?? "?");
    await operator.locator('tr[data-event="CANCEL"]').first().waitFor();
    expect(await operator.locator('tr[data-event="CANCEL"]').first().textContent()).toContain(
      "PHONE_NUMBER_SETUP",
    );
    await operator.locator('tr[data-field="account_update"]').first().waitFor();
    expect(await axeViolations(operator)).toEqual([]);
    await screenshot(operator, "operator-1-failed-step");

    // The support bundle: IDs, timings, errors and trace ids; none of Meta's secrets.
    const [download] = await Promise.all([
      operator.waitForEvent("download"),
      detail.getByRole("button", { name: "Download support bundle" }).click(),
    ]);
    const text = await readFile((await download.path()) as string, "utf8");
    const bundle = JSON.parse(text);
    expect(bundle.ids).toMatchObject({
      migrationId: migration.id,
      wabaId: migration.wabaId,
      phoneNumberId: migration.phoneNumberId,
    });
    expect(bundle.fbtraceIds).toContain(trace);
    expect(bundle.errors).toContainEqual(
      expect.objectContaining({ code: failed?.lastError?.code, fbtraceId: trace }),
    );
    expect(
      bundle.steps.find((s: { id: string }) => s.id === "capture_assets").durationMs,
    ).toBeGreaterThanOrEqual(0);
    const state = (await (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/state`)).json()) as {
      partner: { app: { secret: string }; systemToken: string };
      tokens: { value: string }[];
      phones: { pin?: string }[];
    };
    const secrets = [
      state.partner.app.secret,
      state.partner.systemToken,
      ...state.tokens.map((t) => t.value),
      ...state.phones.flatMap((p) => (p.pin ? [p.pin] : [])),
    ];
    expect(secrets.length).toBeGreaterThan(2);
    for (const secret of secrets) expect(text).not.toContain(secret);

    // Meta recovers; by hand, copy the templates now, then retry what stopped.
    await e2e.control("faults", {});
    const copies = () =>
      e2e
        .calls()
        .then((calls) =>
          calls.filter((c) => c.operation === "createMigrateMessageTemplates" && c.status === 200),
        );
    expect(await copies()).toHaveLength(0);
    await detail.getByRole("button", { name: "Migrate templates now" }).click();
    await operator.getByText(/^Template migration: the migration is /).waitFor();
    expect((await copies()).length).toBeGreaterThan(0);
    await detail.locator('tr[data-outcome="copied"]').first().waitFor();

    // Then the rest: retry the stopped steps, and the customer's page completes too.
    await detail.getByRole("button", { name: "Retry failed steps" }).click();
    await operator
      .locator(`tr[data-migration="${migration.id}"][data-status="completed"]`)
      .waitFor();
    await waitForFlow(page, "completed");
    await screenshot(operator, "operator-2-completed");
    expect(
      (await e2e.calls()).filter(
        (c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200,
      ),
    ).toHaveLength(1);
  });
});

describe("sandbox page", () => {
  test("autopilot, faults, the clock (Meta's 24 h re-rating) and the live Graph call log", async () => {
    // A migration to look at: the customer finishes Meta's window by autopilot.
    await e2e.reset("happy");
    const customer = await e2e.open("/");
    await waitForFlow(customer.page, "ready");
    await confirmTwoStep(customer.page);
    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(customer.page);
    await waitForFlow(customer.page, "completed");

    const { page } = await e2e.open("/#/sandbox");
    await page.getByRole("heading", { name: "Graph call log" }).waitFor();
    await page
      .locator('tr[data-operation="registerWhatsAppBusinessPhoneNumber"]')
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "sandbox-1");

    await page.getByLabel("Outcome").selectOption("cancel");
    await page.getByLabel("At screen").selectOption("PERMISSIONS");
    await page.getByRole("button", { name: "Arm autopilot" }).click();
    await page.getByText("Autopilot armed: cancel at PERMISSIONS").waitFor();

    await page.getByLabel("Latency per Graph call (ms)").fill("150");
    await page.getByRole("button", { name: "Apply faults" }).click();
    await page.getByText("Faults applied").waitFor();
    const faults = (await (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/state`)).json()) as {
      faults: unknown;
    };
    expect(faults.faults).toMatchObject({ latency: { fixedMs: 150 } });
    await page.getByRole("button", { name: "Clear faults" }).click();
    await page.getByText("Faults cleared").waitFor();

    const before = (
      (await (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/state`)).json()) as { now: number }
    ).now;
    await page.getByRole("button", { name: "Advance the sandbox clock 24 h" }).click();
    await page.getByText("Clock advanced 24 h").waitFor();
    const after = (
      (await (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/state`)).json()) as { now: number }
    ).now;
    expect(after - before).toBeGreaterThanOrEqual(86_400_000);
    // 24 h on, Meta rates the copied templates again and says so by webhook: the BFF's report
    // of the newest migration moves from UNKNOWN to the source's quality (a copy of a template
    // the source had not rated yet is left out: it has no quality to carry over).
    await expect
      .poll(
        async () => {
          const list = (await (await fetch(`${e2e.stack.bffUrl}/migrations?limit=1`)).json()) as {
            data: Migration[];
          };
          const copied =
            list.data[0]?.templates.items.filter(
              (i) => i.outcome === "copied" && i.sourceQuality === "GREEN",
            ) ?? [];
          return [...new Set(copied.map((i) => i.destinationQuality ?? "UNKNOWN"))];
        },
        { timeout: 30_000 },
      )
      .toEqual(["GREEN"]);
    await page.goto(`${e2e.stack.url}/#/operator`);
    await page.locator('tr[data-field="message_template_quality_update"]').first().waitFor();

    // The page never gets Meta's secrets: the control routes that carry them are not exposed.
    for (const path of ["state", "partner", "signups"]) {
      const answer = await fetch(`${e2e.stack.url}/sandbox-api/${path}`);
      expect(answer.status).toBe(404);
    }
  });
  test("a customer's message: before the move it reaches none of our callbacks, after it the partner's inbox", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/#/sandbox");
    const phone = page.locator("tr[data-phone-id]").first();
    await phone.waitFor();
    const phoneId = await phone.getAttribute("data-phone-id");
    await phone.getByRole("button", { name: /^Send a customer message/ }).click();
    await page.getByText(/not subscribed to WhatsApp Business Account/).waitFor();

    // The move, the customer finishing Meta's window by autopilot.
    const customer = await e2e.open("/");
    await waitForFlow(customer.page, "ready");
    await confirmTwoStep(customer.page);
    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(customer.page);
    await waitForFlow(customer.page, "completed");

    await page.reload();
    await phone.getByRole("button", { name: /^Send a customer message/ }).click();
    await page.getByText(/Meta sends it to http/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The demo partner's messaging system got it at the app's callback, the one message sent after
    // the move (the one before went nowhere of ours), and forwarded the delivery to the BFF.
    await page.goto(`${e2e.stack.url}/#/operator`);
    const rows = page.locator(".demo-inbox tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-phone-id")).toBe(phoneId);
    expect(await rows.first().textContent()).toContain("Hello, are you open today?");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "operator-2-customer-message");
  });
});

describe("a phone's width (360 px)", () => {
  test("no page scrolls sideways: customer (completed), operator and sandbox", async () => {
    await e2e.reset("happy");
    const customer = await e2e.open("/");
    await customer.page.setViewportSize({ width: 360, height: 780 });
    await waitForFlow(customer.page, "ready");
    await confirmTwoStep(customer.page);
    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(customer.page);
    await waitForFlow(customer.page, "completed");

    const pages: [string, Page][] = [["customer", customer.page]];
    for (const [name, path, ready] of [
      ["operator", "/#/operator", "section[data-migration]"],
      ["sandbox", "/#/sandbox", 'tr[data-operation="registerWhatsAppBusinessPhoneNumber"]'],
    ] as const) {
      const { page } = await e2e.open(path);
      await page.setViewportSize({ width: 360, height: 780 });
      await page.locator(ready).first().waitFor();
      pages.push([name, page]);
    }
    for (const [name, page] of pages) {
      // The elements wider than the page, by tag and class, so a failure says what to fix.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          // A wide table inside its scrolling frame is fine; the frame itself must fit.
          .filter((el) => !el.parentElement?.closest(".demo-scroll"))
          // Wider than the page, or overflowing itself (a long word in a paragraph).
          .filter(
            (el) =>
              el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
              (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible"),
          )
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
          .slice(0, 5),
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ name, width, wide }).toEqual({ name, width: 360, wide: [] });
      await screenshot(page, `phone-${name}`);
    }
  });
});
