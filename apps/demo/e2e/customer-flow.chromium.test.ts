import type { Migration } from "@wa-migrate/contracts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  confirmTwoStep,
  finishPopup,
  flowState,
  launchPopup,
  popupTo,
  TEXTS,
  waitForFlow,
} from "./customer-driver.js";
import { axeViolations, type E2e, screenshot, startE2e } from "./e2e-harness.js";

// The customer's page in real Chromium against the real stack: the sandbox's popup window, the BFF
// on PGlite in its own process, the built portal. Each test starts from a fresh sandbox world.

let e2e: E2e;

interface SandboxTemplate {
  wabaId: string;
  name: string;
  language: string;
  status: string;
  quality: { score: string };
}

async function sandboxState(): Promise<{
  customer: { sourceWabaId?: string; wabaId?: string; phoneId: string };
  templates: SandboxTemplate[];
}> {
  return (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/state`)).json();
}

async function latestMigration(): Promise<Migration> {
  const list = (await (await fetch(`${e2e.stack.bffUrl}/migrations?limit=1`)).json()) as {
    data: Migration[];
  };
  const newest = list.data[0];
  if (!newest) throw new Error("the BFF has no migration");
  return newest;
}

beforeAll(async () => {
  e2e = await startE2e({ seed: 101 });
});

afterAll(async () => {
  await e2e?.close();
});

describe("customer page", () => {
  test("happy path through the real popup: completed, templates as the scenario says, billing cutover shown", async () => {
    await e2e.reset("happy");
    // Slow Graph a little so the running state can be seen (and scanned) before it completes.
    await e2e.control("faults", { latency: { fixedMs: 500, jitterMs: 0 } });
    const before = await sandboxState();
    const { page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-1-ready");

    await confirmTwoStep(page);
    const popup = await launchPopup(page);
    expect(await popup.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Select your business portfolio",
    );
    await popupTo(popup, "PHONE_NUMBER_SETUP");
    await screenshot(popup, "popup-phone-number-setup");
    await finishPopup(popup);

    await waitForFlow(page, "running", "completed");
    if ((await flowState(page)) === "running") {
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "customer-2-running");
    }
    await waitForFlow(page, "completed");
    await e2e.control("faults", {});
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-3-completed");

    const migration = await latestMigration();
    expect(migration.status).toBe("completed");
    expect(migration.billingCutoverAt).not.toBeNull();

    // The templates report: exactly the source's templates that Meta's template migration API
    // copies were copied: APPROVED with quality GREEN or not rated yet (facts §2.3).
    const sourceWabaId = migration.sourceWabaId;
    const eligible = before.templates
      .filter(
        (t) =>
          t.wabaId === sourceWabaId &&
          t.status === "APPROVED" &&
          (t.quality.score === "GREEN" || t.quality.score === "UNKNOWN"),
      )
      .map((t) => `${t.name}:${t.language}`)
      .sort();
    expect(eligible).toContain("feedback_request:en_US");
    const copiedRows = page.locator('.wam-templates tr[data-outcome="copied"]');
    const shown = (
      await copiedRows.evaluateAll((rows) =>
        rows.map((row) => `${row.children[0]?.textContent}:${row.children[1]?.textContent}`),
      )
    ).sort();
    expect(shown).toEqual(eligible);
    const others = await page
      .locator('.wam-templates tbody tr:not([data-outcome="copied"])')
      .count();
    expect(others).toBe(
      before.templates.filter((t) => t.wabaId === sourceWabaId).length - eligible.length,
    );
    // Copies start with quality UNKNOWN (Meta re-rates them within 24 h), and the page says so.
    for (const item of migration.templates.items.filter((i) => i.outcome === "copied")) {
      expect(item.destinationQuality ?? "UNKNOWN").toBe("UNKNOWN");
    }
    const after = await sandboxState();
    const copies = after.templates.filter((t) => t.wabaId === migration.wabaId);
    expect(copies.map((t) => `${t.name}:${t.language}`).sort()).toEqual(eligible);
    expect(new Set(copies.map((t) => t.quality.score))).toEqual(new Set(["UNKNOWN"]));
    await expect.poll(() => page.getByText(TEXTS.en.templates.qualityNote).count()).toBe(1);

    // The billing cutover time, as the component formats it for the customer.
    const cutover = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short" }).format(
      new Date(migration.billingCutoverAt as string),
    );
    const row = page.locator(".wam-summary .wam-fact", {
      hasText: TEXTS.en.summary.billingCutover,
    });
    expect(await row.locator("dd").textContent()).toBe(cutover);

    // What Meta received: one successful register, after the templates were copied.
    const calls = await e2e.calls();
    const registers = calls.filter(
      (c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200,
    );
    expect(registers).toHaveLength(1);
    const copiesCall = calls.find(
      (c) => c.operation === "createMigrateMessageTemplates" && c.status === 200,
    );
    expect(copiesCall?.seq).toBeLessThan(registers[0]?.seq ?? 0);
  });

  test("cancel inside the popup at PHONE_NUMBER_SETUP: the flow says where it stopped and starts again", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    const popup = await launchPopup(page);
    await popupTo(popup, "PHONE_NUMBER_SETUP");
    await Promise.all([
      popup.waitForEvent("close"),
      popup.getByRole("button", { name: "Cancel" }).click(),
    ]);

    await waitForFlow(page, "cancelled");
    const step = page.locator('[data-step="embedded_signup"]');
    expect(await step.getAttribute("aria-current")).toBe("step");
    expect(await page.getByRole("status").first().textContent()).toContain(
      TEXTS.en.steps.embedded_signup.title,
    );
    expect(await step.locator('[data-code="signup_cancelled"]').textContent()).toContain(
      TEXTS.en.errors.signup_cancelled,
    );
    // The customer is told on which of Meta's screens they stopped.
    expect(await step.locator('[data-es-step="PHONE_NUMBER_SETUP"]').textContent()).toBe(
      TEXTS.en.error.stoppedAt.replace("{screen}", TEXTS.en.esSteps.PHONE_NUMBER_SETUP),
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-4-cancelled");

    // The BFF logged where the customer stopped, for operators.
    const events = (await (await fetch(`${e2e.stack.bffUrl}/signup-events`)).json()) as {
      data: { event: string; currentStep: string | null }[];
    };
    expect(events.data[0]).toMatchObject({ event: "CANCEL", currentStep: "PHONE_NUMBER_SETUP" });

    const again = await launchPopup(page, "en", true);
    await finishPopup(again);
    await waitForFlow(page, "completed");
  });

  test("a popup closed before it finished: the watchdog says so, and starting again works", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    const popup = await launchPopup(page);
    await popupTo(popup, "WABA_PHONE_PROFILE_PICKER");
    // A person reads the screen before closing it (a code-less answer within a second of the click
    // is what the flow takes for a blocked popup).
    await popup.waitForTimeout(1500);
    await popup.close();

    await waitForFlow(page, "cancelled");
    const notice = page.locator('[data-step="embedded_signup"] [data-code]');
    expect(await notice.getAttribute("data-code")).toBe("popup_closed");
    expect(await notice.textContent()).toContain(TEXTS.en.errors.popup_closed);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-5-popup-closed");

    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(page, "en", true);
    await waitForFlow(page, "completed");
  });

  test("a blocked popup: the watchdog says so, and a retry once pop-ups are allowed works", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/", { blockPopups: true });
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    let popups = 0;
    page.on("popup", () => popups++);
    await page.getByRole("button", { name: TEXTS.en.launch.start }).click();

    await waitForFlow(page, "cancelled");
    expect(popups).toBe(0);
    const notice = page.locator('[data-step="embedded_signup"] [data-code="popup_blocked"]');
    expect(await notice.textContent()).toContain(TEXTS.en.errors.popup_blocked);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-6-popup-blocked");

    // The customer allows pop-ups for the site and presses the button again.
    await page.evaluate(() => {
      (window as unknown as { __blockPopups: boolean }).__blockPopups = false;
    });
    await e2e.control("autopilot", { outcome: "finish" });
    await launchPopup(page, "en", true);
    await waitForFlow(page, "completed");
  });

  test("a blocked popup: continuing in this window goes through Meta's Login dialog as a page and back, and completes", async () => {
    await e2e.reset("happy");
    const { page } = await e2e.open("/?lang=en", { blockPopups: true });
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    await page.getByRole("button", { name: TEXTS.en.launch.start }).click();
    await waitForFlow(page, "cancelled");

    // The way on that needs no browser setting: the same Login for Business configuration as a page.
    await e2e.control("autopilot", { outcome: "finish" });
    const portal = new URL(page.url());
    await page.getByRole("button", { name: TEXTS.en.launch.redirect }).click();
    await page.waitForURL((url) => url.origin !== portal.origin);
    const dialog = new URL(page.url());
    expect(dialog.origin).toBe(new URL(e2e.stack.sandbox?.url ?? "").origin);
    // Back on the portal with ?code=&state=, which the flow reads, hands to the BFF and removes.
    await page.waitForURL((url) => url.origin === portal.origin, { timeout: 30_000 });
    await waitForFlow(page, "running", "completed");
    await waitForFlow(page, "completed");
    const back = new URL(page.url());
    expect([...back.searchParams.keys()]).toEqual(["lang"]);

    // Meta binds that code to the dialog's redirect_uri; the BFF repeated it, once.
    const calls = (await (await fetch(`${e2e.stack.sandbox?.url}/__sandbox/calls`)).json()) as {
      data: { operation: string; status: number; params: Record<string, unknown> }[];
    };
    const exchanges = calls.data.filter((c) => c.operation === "exchangeCodeForToken");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.status).toBe(200);
    expect(exchanges[0]?.params.redirect_uri).toBe(`${portal.origin}/?lang=en`);
    expect((await latestMigration()).status).toBe("completed");
  });
});
