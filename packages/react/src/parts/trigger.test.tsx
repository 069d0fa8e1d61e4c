import { render, screen } from "@testing-library/react";
import type { FlowSnapshot } from "@wa-migrate/core";
import { describe, expect, it, vi } from "vitest";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle, makeSnapshot } from "../test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS, READY_TO_LAUNCH } from "../test-support/flow-fixtures.js";
import { canLaunch } from "./trigger.js";

const renderTrigger = (snapshot: FlowSnapshot, launch = vi.fn()) => {
  render(
    <MigrationFlow.Root flow={fixtureHandle(snapshot, { launch })}>
      <MigrationFlow.Trigger />
    </MigrationFlow.Root>,
  );
  return { launch, button: screen.getByRole("button") };
};

describe("Trigger", () => {
  it("calls launch() within the click when step 1 is confirmed and the flow is ready", () => {
    const { launch, button } = renderTrigger(READY_TO_LAUNCH);
    expect(button).toHaveAccessibleName("Continue with Meta");
    button.click();
    expect(launch).toHaveBeenCalledTimes(1);
  });

  it("is disabled with a hint until two-step verification is confirmed", () => {
    const { launch, button } = renderTrigger(FLOW_STATE_SNAPSHOTS.ready);
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription("Confirm step 1 first.");
    button.click();
    expect(launch).not.toHaveBeenCalled();
  });

  it("offers a new start after a cancel", () => {
    const { button } = renderTrigger(FLOW_STATE_SNAPSHOTS.cancelled);
    expect(button).toBeEnabled();
    expect(button).toHaveAccessibleName("Start again with Meta");
  });

  it.each([
    ["idle", FLOW_STATE_SNAPSHOTS.idle, "Loading…"],
    ["running", FLOW_STATE_SNAPSHOTS.running, "Continue with Meta"],
  ] as const)("is disabled while %s", (_state, snapshot, name) => {
    const { button } = renderTrigger(snapshot);
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleName(name);
  });

  it("keeps focus while Meta's window is open: aria-disabled, not disabled, and clicks do nothing", () => {
    const { launch, button } = renderTrigger(FLOW_STATE_SNAPSHOTS.in_popup);
    expect(button).toHaveAccessibleName("Meta window open…");
    // A disabled button drops focus to the page; the customer closing Meta's window comes back here.
    expect(button).not.toBeDisabled();
    expect(button).toHaveAttribute("aria-disabled", "true");
    button.click();
    expect(launch).not.toHaveBeenCalled();
  });

  it("uses its children as the label", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(READY_TO_LAUNCH)}>
        <MigrationFlow.Trigger>Connect WhatsApp</MigrationFlow.Trigger>
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("button")).toHaveAccessibleName("Connect WhatsApp");
  });
});

describe("canLaunch", () => {
  it.each([
    ["ready, confirmed", READY_TO_LAUNCH, true],
    ["ready, not confirmed", FLOW_STATE_SNAPSHOTS.ready, false],
    ["cancelled", FLOW_STATE_SNAPSHOTS.cancelled, true],
    [
      "failed hand-over",
      makeSnapshot({
        state: "failed",
        error: { code: "bff_unreachable", step: "embedded_signup", retryable: true },
      }),
      true,
    ],
    [
      "failed SDK load",
      makeSnapshot({
        state: "failed",
        error: { code: "sdk_load_error", step: "embedded_signup", retryable: true },
      }),
      false,
    ],
    ["failed server step", FLOW_STATE_SNAPSHOTS.failed, false],
    ["completed", FLOW_STATE_SNAPSHOTS.completed, false],
  ] as const)("%s → %s", (_name, snapshot, expected) => {
    expect(canLaunch(snapshot)).toBe(expected);
  });
});
