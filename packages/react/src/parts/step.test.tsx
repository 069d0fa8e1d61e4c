import { render, screen } from "@testing-library/react";
import { STEP_IDS } from "@wa-migrate/contracts";
import { describe, expect, it } from "vitest";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle, makeMigration, makeSnapshot } from "../test-support/fixtures.js";
import { doneBefore, FLOW_STATE_SNAPSHOTS } from "../test-support/flow-fixtures.js";

const stepStates = () =>
  [...document.querySelectorAll("[data-step]")].map(
    (el) => `${el.getAttribute("data-step")}:${el.getAttribute("data-state")}`,
  );

describe("Steps and Step", () => {
  it("renders the seven steps in order with data-step and data-state, the root with the flow state", () => {
    const { container } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(container.firstElementChild).toHaveAttribute("data-state", "failed");
    expect(stepStates()).toEqual([
      "two_step_verification:complete",
      "embedded_signup:complete",
      "capture_assets:complete",
      "share_credit_line:failed",
      "subscribe_webhooks:pending",
      "migrate_templates:pending",
      "register_phone:pending",
    ]);
    expect(screen.getAllByRole("listitem", { current: "step" })).toHaveLength(1);
    expect(STEP_IDS).toHaveLength(7);
  });

  it("moves focus to the heading of the step that becomes current, not on first render", () => {
    const { rerender } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(document.activeElement).toBe(document.body);
    rerender(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.in_popup)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { name: /^Step 2 of 7: ?Sign in with Meta$/ }),
    );
  });

  it("keeps focus in the step when the pressed button disappears (Try again, then the step runs)", () => {
    const { rerender } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Try again" }).focus();
    const running = makeMigration({
      ...doneBefore("share_credit_line"),
      share_credit_line: "running",
    });
    rerender(
      <MigrationFlow.Root
        flow={fixtureHandle(makeSnapshot({ state: "running", migration: running }))}
      >
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { name: /^Step 4 of 7: ?Set up billing$/ }),
    );
  });

  it("leaves focus alone when the customer moved it elsewhere", () => {
    const outside = document.createElement("button");
    document.body.append(outside);
    const { rerender } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Try again" }).focus();
    outside.focus();
    const running = makeMigration({
      ...doneBefore("share_credit_line"),
      share_credit_line: "running",
    });
    rerender(
      <MigrationFlow.Root
        flow={fixtureHandle(makeSnapshot({ state: "running", migration: running }))}
      >
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it("does not take focus from the partner's page when a server step starts on its own", () => {
    const input = document.createElement("input");
    document.body.append(input);
    const { rerender } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    input.focus();
    rerender(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.running)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(document.querySelector('[data-step="subscribe_webhooks"]')).toHaveAttribute(
      "aria-current",
      "step",
    );
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it("calls one step current while steps 4 to 6 run side by side, the others in progress", () => {
    const migration = makeMigration({
      ...doneBefore("share_credit_line"),
      share_credit_line: "running",
      subscribe_webhooks: "running",
      migrate_templates: "succeeded",
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "running", migration }))}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const label = (id: string) =>
      document.querySelector(`[data-step="${id}"] .wam-step-state`)?.textContent;
    expect(label("share_credit_line")).toBe("Current step");
    expect(label("subscribe_webhooks")).toBe("In progress…");
    expect(label("migrate_templates")).toBe("Done");
    expect(label("register_phone")).toBe("Not started");
    expect(screen.getAllByText("Current step")).toHaveLength(1);
    expect(screen.getAllByRole("listitem", { current: "step" })).toHaveLength(1);
  });

  it("says a stopped step's state once, in its heading, above its notice", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="share_credit_line"]') as HTMLElement;
    expect(step.querySelector(".wam-progress")).toBeNull();
    expect(step.querySelector("[data-code]")).not.toBeNull();
  });

  it("shows a server step's live progress while it runs", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.running)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="subscribe_webhooks"]');
    expect(step).toHaveTextContent("In progress…");
  });

  it("announces the flow state and current step in a polite live region", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.running)}>
        <MigrationFlow.Status />
      </MigrationFlow.Root>,
    );
    const status = screen.getByRole("status");
    expect(status).toHaveAttribute("aria-live", "polite");
    expect(status).toHaveTextContent(
      "Moving your number. This page updates by itself. Step 5 of 7: Connect messages",
    );
  });

  it("in unstyled mode renders no wam- class names but keeps the data attributes", () => {
    const { container } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)} unstyled>
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    expect(container.querySelector("[class]")).toBeNull();
    expect(container.querySelectorAll("[data-step]")).toHaveLength(7);
  });

  it("injects no inline styles or style elements (strict CSP without unsafe-inline)", () => {
    const styleTags = document.querySelectorAll("style").length;
    const { container } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)}>
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    expect(container.querySelector("[style]")).toBeNull();
    expect(document.querySelectorAll("style")).toHaveLength(styleTags);
  });

  it("sets data-theme and lang on the root", () => {
    const { container } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.ready)} theme="dark" locale="de">
        <MigrationFlow.Title />
      </MigrationFlow.Root>,
    );
    expect(container.firstElementChild).toHaveAttribute("data-theme", "dark");
    expect(container.firstElementChild).toHaveAttribute("lang", "de");
    expect(screen.getByRole("heading")).toHaveTextContent("Ihre WhatsApp-Nummer umziehen");
  });

  it("throws a clear error when a part is used outside Root", () => {
    expect(() => render(<MigrationFlow.Steps />)).toThrow(/inside <MigrationFlow.Root>/);
  });
});
