import { composeStories } from "@storybook/react-vite";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";
import * as flowStories from "../migration-flow.stories.js";
import { fixtureHandle, makeMigration, makeSnapshot } from "../test-support/fixtures.js";
import { doneBefore, FLOW_STATE_SNAPSHOTS, withStep } from "../test-support/flow-fixtures.js";

// The demo's `two-step-on` scenario: the customer confirmed step 1, then the server's check during
// capture_assets answered two_step_enabled (action_required). Step 1 was proven wrong.
const stepStates = () =>
  [...document.querySelectorAll("[data-step]")].map(
    (el) => `${el.getAttribute("data-step")}:${el.getAttribute("data-state")}`,
  );
const stepOne = () => document.querySelector('[data-step="two_step_verification"]') as HTMLElement;

describe("two-step verification found on by the server", () => {
  it("shows step 1 as needing action with the remedy, the request text and Try again", () => {
    const retry = vi.fn();
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.action_required, { retry })}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(stepStates().slice(0, 3)).toEqual([
      "two_step_verification:action_required",
      "embedded_signup:complete",
      "capture_assets:pending",
    ]);
    const step = within(stepOne());
    expect(stepOne()).toHaveAttribute("aria-current", "step");
    expect(stepOne()).toHaveTextContent(en.stepStates.action_required);
    const notice = stepOne().querySelector('[data-code="two_step_enabled"]');
    expect(notice).toHaveAttribute("data-tone", "warning");
    expect(notice).toHaveTextContent(en.errors.two_step_enabled);
    expect(step.getByRole("textbox", { name: en.twoStep.requestLabel })).toHaveValue(
      en.twoStep.requestText,
    );
    expect(step.getByRole("button", { name: en.twoStep.copy })).toBeEnabled();
    // The confirmation was proven wrong: neither "Confirmed" nor the confirm button again.
    expect(step.queryByText(en.twoStep.confirmed)).toBeNull();
    expect(step.queryByRole("button", { name: en.twoStep.confirm })).toBeNull();
    // The move has started: no "Before you start" checklist any more.
    expect(step.queryByText(en.requirements.title)).toBeNull();
    // One notice and one way on in the whole flow.
    expect(document.querySelectorAll("[data-code]")).toHaveLength(1);
    screen.getByRole("button", { name: en.error.retry }).click();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("shows Meta's pin_mismatch at registration (the PIN still on) on step 1, with the request to copy", () => {
    const stopped = makeSnapshot({
      state: "action_required",
      migration: withStep(
        makeMigration(doneBefore("register_phone"), { status: "action_required" }),
        "register_phone",
        "action_required",
        "pin_mismatch",
      ),
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(stopped)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(stepStates()[0]).toBe("two_step_verification:action_required");
    expect(stepStates()[6]).toBe("register_phone:pending");
    expect(stepOne().querySelector('[data-code="pin_mismatch"]')).toHaveTextContent(
      en.errors.pin_mismatch,
    );
    expect(within(stepOne()).getByRole("textbox", { name: en.twoStep.requestLabel })).toBeVisible();
    expect(document.querySelectorAll("[data-code]")).toHaveLength(1);
  });

  it("announces step 1 as the current step", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.action_required)}>
        <MigrationFlow.Status />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      `Step 1 of 7: ${en.steps.two_step_verification.title}`,
    );
  });

  it("completes step 1 normally once the retried capture runs", () => {
    const running = makeSnapshot({
      state: "running",
      migration: makeMigration({ capture_assets: "running" }),
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(running)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(stepStates().slice(0, 3)).toEqual([
      "two_step_verification:complete",
      "embedded_signup:complete",
      "capture_assets:current",
    ]);
    expect(document.querySelector("[data-code]")).toBeNull();
  });

  it("the ActionRequired story's play function checks the same (step 1, no manual copy)", async () => {
    await composeStories(flowStories).ActionRequired.run();
  });
});
