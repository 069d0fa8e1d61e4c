import type { FlowState } from "@wa-migrate/core";
import { de, en } from "@wa-migrate/react";
import type { Page } from "playwright-core";

/** The component's texts, as the customer reads them. */
export const TEXTS = { en, de } as const;

/**
 * The flow's state as the component shows it (`data-state` on its root).
 *
 * @example
 * await flowState(page); // "ready"
 */
export function flowState(page: Page): Promise<string | null> {
  return page.locator(".wam-root").getAttribute("data-state");
}

/**
 * Waits until the component's root shows one of `states`.
 *
 * @example
 * await waitForFlow(page, "completed");
 */
export async function waitForFlow(page: Page, ...states: FlowState[]): Promise<void> {
  const selector = states.map((s) => `.wam-root[data-state="${s}"]`).join(", ");
  await page.waitForSelector(selector, { timeout: 60_000 });
}

/**
 * Step 1: the customer confirms two-step verification is off.
 *
 * @example
 * await confirmTwoStep(page, "en");
 */
export async function confirmTwoStep(page: Page, locale: "en" | "de" = "en"): Promise<void> {
  await page.getByRole("button", { name: TEXTS[locale].twoStep.confirm }).click();
}

/**
 * Presses the launch button and returns Meta's (the sandbox's) popup window once it has loaded.
 *
 * @example
 * const popup = await launchPopup(page, "en");
 */
export async function launchPopup(
  page: Page,
  locale: "en" | "de" = "en",
  again = false,
): Promise<Page> {
  const label = again ? TEXTS[locale].launch.again : TEXTS[locale].launch.start;
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("button", { name: label }).click(),
  ]);
  await popup.waitForLoadState();
  return popup;
}

/** The Embedded Signup screen the popup shows (its `current_step` name). */
export function popupStep(popup: Page): Promise<string | null> {
  return popup.locator("form").getAttribute("data-step");
}

/**
 * Clicks each screen's primary action until the popup shows `step` (the number-move warning on
 * PHONE_NUMBER_SETUP needs a second click), as a customer would.
 *
 * @example
 * await popupTo(popup, "PHONE_NUMBER_SETUP");
 */
export async function popupTo(popup: Page, step: string): Promise<void> {
  for (let clicks = 0; clicks < 12; clicks++) {
    if ((await popupStep(popup)) === step) return;
    await popup.locator("button.primary").click();
    await popup.waitForLoadState();
  }
  throw new Error(`the popup never reached ${step} (at ${await popupStep(popup)})`);
}

/**
 * Finishes the popup from where it is: through the screens to PERMISSIONS and its confirmation.
 * The popup closes itself after posting its result.
 *
 * @example
 * await finishPopup(popup);
 */
export async function finishPopup(popup: Page): Promise<void> {
  await popupTo(popup, "PERMISSIONS");
  await Promise.all([popup.waitForEvent("close"), popup.locator("button.primary").click()]);
}
