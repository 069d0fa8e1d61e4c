import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle } from "../test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS, READY_TO_LAUNCH } from "../test-support/flow-fixtures.js";

afterEach(() => vi.unstubAllGlobals());

describe("TwoStepInstructions", () => {
  it("copies the request text for the old partner to the clipboard", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)}>
        <MigrationFlow.TwoStepInstructions />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("textbox", { name: en.twoStep.requestLabel })).toHaveValue(
      en.twoStep.requestText,
    );
    screen.getByRole("button", { name: "Copy request" }).click();
    expect(writeText).toHaveBeenCalledWith(en.twoStep.requestText);
    await waitFor(() => expect(screen.getByText("Copied to the clipboard.")).toBeVisible());
  });

  it("selects the text for copying by hand when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", {
      ...navigator,
      clipboard: { writeText: () => Promise.reject(new Error("denied")) },
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)}>
        <MigrationFlow.TwoStepInstructions />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Copy request" }).click();
    await waitFor(() => expect(screen.getByText(en.twoStep.copyFailed)).toBeVisible());
    const field = screen.getByRole("textbox") as HTMLTextAreaElement;
    expect(field.selectionEnd - field.selectionStart).toBe(en.twoStep.requestText.length);
  });

  it("confirms that two-step verification is off, then shows it as confirmed", () => {
    const confirmTwoStep = vi.fn();
    const { rerender } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready, { confirmTwoStep })}>
        <MigrationFlow.TwoStepInstructions />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Two-step verification is off" }).click();
    expect(confirmTwoStep).toHaveBeenCalledTimes(1);
    rerender(
      <MigrationFlow.Root flow={fixtureHandle(READY_TO_LAUNCH)}>
        <MigrationFlow.TwoStepInstructions />
      </MigrationFlow.Root>,
    );
    expect(screen.getByText(en.twoStep.confirmed)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Two-step verification is off" })).toBeNull();
  });

  it("lists Meta's migration requirements", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)}>
        <MigrationFlow.Requirements />
      </MigrationFlow.Root>,
    );
    expect(screen.getAllByRole("listitem")).toHaveLength(6);
  });

  it("shows the requirements in step 1 before the move starts", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const stepOne = document.querySelector('[data-step="two_step_verification"]') as HTMLElement;
    expect(stepOne).toHaveTextContent(en.requirements.title);
  });
});
