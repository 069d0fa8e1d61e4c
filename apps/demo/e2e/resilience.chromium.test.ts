import type { Migration, StepId } from "@wa-migrate/contracts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  confirmTwoStep,
  finishPopup,
  launchPopup,
  popupTo,
  TEXTS,
  waitForFlow,
} from "./customer-driver.js";
import { axeViolations, type E2e, screenshot, startE2e } from "./e2e-harness.js";

// Interruptions in real Chromium against the real stack: a reload while server steps run, a BFF
// killed mid-migration and started again, and a number that cannot move until it is fixed.

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ seed: 202 });
});

afterAll(async () => {
  await e2e?.close();
});

async function migrations(): Promise<Migration[]> {
  const answer = await fetch(`${e2e.stack.bffUrl}/migrations?limit=100`);
  return ((await answer.json()) as { data: Migration[] }).data;
}

/** Starts a migration through the portal with the autopilot finishing the popup. */
async function startMigration() {
  const opened = await e2e.open("/");
  await waitForFlow(opened.page, "ready");
  await confirmTwoStep(opened.page);
  await e2e.control("autopilot", { outcome: "finish" });
  await launchPopup(opened.page);
  await waitForFlow(opened.page, "running");
  return opened;
}

async function stepStates(page: import("playwright-core").Page): Promise<Record<string, string>> {
  return page
    .locator("[data-step]")
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute("data-step"), li.getAttribute("data-state")]),
      ),
    );
}

function successes(calls: { operation: string; status: number }[], operation: string): number {
  return calls.filter((c) => c.operation === operation && c.status === 200).length;
}

describe("interruptions", () => {
  test("a reload while server steps run resumes at the server's step", async () => {
    await e2e.reset("happy");
    // 600 ms per Graph call: the server steps take several seconds, long enough to reload in them.
    await e2e.control("faults", { latency: { fixedMs: 600, jitterMs: 0 } });
    const known = (await migrations()).length;
    const { page } = await startMigration();
    await page.waitForSelector('[data-step="capture_assets"][data-state="complete"]', {
      timeout: 60_000,
    });

    await page.reload();
    await waitForFlow(page, "running", "completed");
    const [migration] = await migrations();
    expect(migration).toBeDefined();
    const states = await stepStates(page);
    // Every step the server had finished shows as done; the browser steps are not asked again.
    const done = (migration as Migration).steps
      .filter((s) => s.status === "succeeded")
      .map((s) => s.id);
    expect(done).toContain("capture_assets");
    for (const id of done) expect(states[id as StepId]).toBe("complete");
    expect(states.two_step_verification).toBe("complete");
    expect(states.embedded_signup).toBe("complete");
    expect(await page.getByRole("button", { name: TEXTS.en.launch.start }).count()).toBe(0);

    await waitForFlow(page, "completed");
    await e2e.control("faults", {});
    expect(await migrations()).toHaveLength(known + 1);
    expect(successes(await e2e.calls(), "registerWhatsAppBusinessPhoneNumber")).toBe(1);
  });

  test("the BFF killed mid-migration and started again: the migration still completes, nothing twice", async () => {
    await e2e.reset("happy");
    await e2e.control("faults", { latency: { fixedMs: 600, jitterMs: 0 } });
    const { page } = await startMigration();
    await page.waitForSelector('[data-step="capture_assets"][data-state="complete"]', {
      timeout: 60_000,
    });

    await e2e.stack.stopBff({ crash: true });
    // The page keeps its place while the server is away.
    expect(await page.locator(".wam-root").getAttribute("data-state")).toBe("running");
    await e2e.stack.restartBff();
    await waitForFlow(page, "completed");
    await e2e.control("faults", {});

    const calls = await e2e.calls();
    expect(successes(calls, "registerWhatsAppBusinessPhoneNumber")).toBe(1);
    expect(successes(calls, "createWhatsAppCreditSharingAndAttach")).toBe(1);
    const [migration] = await migrations();
    expect(migration?.status).toBe("completed");
  });

  test("two-step verification on: action required with the remedy; turned off on the Sandbox page, Try again completes", async () => {
    await e2e.reset("two-step-on");
    const known = (await migrations()).length;
    const { page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    // In `two-step-on` Meta's window lets the number through (decision 016): the BFF's check on
    // `is_pin_enabled` stops the migration before anything is written.
    await finishPopup(await launchPopup(page));
    await waitForFlow(page, "action_required");
    // The server's stop belongs to step 1 (decision 019): the customer's "it is off" was wrong.
    const step = page.locator('[data-step="two_step_verification"]');
    expect(await step.getAttribute("data-state")).toBe("action_required");
    expect(await page.locator('[data-step="capture_assets"]').getAttribute("data-state")).not.toBe(
      "complete",
    );
    const notice = step.locator('[data-code="two_step_enabled"]');
    expect(await notice.getAttribute("data-tone")).toBe("warning");
    expect(await notice.getByText(TEXTS.en.errors.two_step_enabled, { exact: true }).count()).toBe(
      1,
    );
    expect(await page.locator("[data-code]").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-7-two-step-on");
    const [stopped] = await migrations();
    expect(await migrations()).toHaveLength(known + 1);
    expect(stopped?.status).toBe("action_required");
    const phoneId = stopped?.phoneNumberId ?? "";
    expect(phoneId).not.toBe("");
    const before = await e2e.calls();
    expect(before.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber")).toEqual([]);
    expect(successes(before, "createWhatsAppCreditSharingAndAttach")).toBe(0);

    // The old partner turns two-step verification off for that number: on the Sandbox page.
    await page.getByRole("link", { name: "Sandbox", exact: true }).click();
    const row = page.locator(`tr[data-phone-id="${phoneId}"]`);
    expect(await row.locator("[data-two-step]").textContent()).toBe("on");
    await row.getByRole("button", { name: "Turn two-step verification off" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Two-step verification is off for" })
      .waitFor();
    await row.locator('[data-two-step="off"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await row.getByRole("button", { name: "Turn two-step verification on" }).count()).toBe(
      1,
    );

    // Back on the customer page the flow shows where it stopped; "Try again" retries on the server.
    await page.goBack();
    await waitForFlow(page, "action_required");
    await page.getByRole("button", { name: TEXTS.en.error.retry }).click();
    await waitForFlow(page, "completed");
    expect(await migrations()).toHaveLength(known + 1);
    const done = await e2e.migration(stopped?.id ?? "");
    expect(done.status).toBe("completed");
    expect(done.steps.find((s) => s.id === "capture_assets")?.attempts).toBe(2);
    const calls = await e2e.calls();
    expect(successes(calls, "registerWhatsAppBusinessPhoneNumber")).toBe(1);
    expect(successes(calls, "createWhatsAppCreditSharingAndAttach")).toBe(1);
  });

  test("two-step verification on, checked by Meta's window: it stops with Meta's text; turned off on the Sandbox page, starting again completes", async () => {
    await e2e.reset("two-step-on-popup");
    const { context, page } = await e2e.open("/");
    await waitForFlow(page, "ready");
    await confirmTwoStep(page);
    const popup = await launchPopup(page);
    await popupTo(popup, "PHONE_NUMBER_SETUP");
    await popup.locator("button.primary").click();
    expect(await popup.getByRole("alert").textContent()).toBe(
      "Please ensure two-step authentication is disabled.",
    );
    await Promise.all([
      popup.waitForEvent("close"),
      popup.getByRole("button", { name: "Cancel" }).click(),
    ]);

    await waitForFlow(page, "cancelled");
    // Step 1 was proven wrong: the customer is back there, with the request text for the provider.
    const stepOne = page.locator('[data-step="two_step_verification"]');
    const notice = stepOne.locator('[data-code="two_step_enabled"]');
    expect(await notice.textContent()).toContain(TEXTS.en.errors.two_step_enabled);
    expect(await notice.textContent()).toContain(
      "Please ensure two-step authentication is disabled.",
    );
    expect(await stepOne.getByRole("textbox").inputValue()).toBe(TEXTS.en.twoStep.requestText);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "customer-7b-two-step-on-popup");

    // Same world, same number: only its two-step verification changes.
    const sandbox = await context.newPage();
    await sandbox.goto(`${e2e.stack.url}/#/sandbox`);
    await sandbox.getByRole("button", { name: "Turn two-step verification off" }).click();
    await sandbox.locator('[data-two-step="off"]').waitFor();
    expect(await sandbox.locator('[data-two-step="on"]').count()).toBe(0);
    await sandbox.close();

    await confirmTwoStep(page);
    const again = await launchPopup(page, "en", true);
    await finishPopup(again);
    await waitForFlow(page, "completed");
    expect(successes(await e2e.calls(), "registerWhatsAppBusinessPhoneNumber")).toBe(1);
  });
});
