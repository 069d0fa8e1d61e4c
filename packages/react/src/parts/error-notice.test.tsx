import { render, screen } from "@testing-library/react";
import type { FlowSnapshot } from "@wa-migrate/core";
import { describe, expect, it } from "vitest";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle, makeSnapshot } from "../test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS, snapshotForCode } from "../test-support/flow-fixtures.js";

// A screen reader user must hear why the flow stopped, not only that it did (the status line
// says the flow's state; the notice says the reason).
const view = (snapshot: FlowSnapshot) => (
  <MigrationFlow.Root flow={fixtureHandle(snapshot)}>
    <MigrationFlow.Status />
    <MigrationFlow.Steps />
  </MigrationFlow.Root>
);

describe("ErrorNotice", () => {
  it("is one alert with the reason and Meta's words; the status line does not repeat them", () => {
    render(view(snapshotForCode("signup_error")));
    const alerts = screen.getAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent(en.errors.signup_error);
    expect(alerts[0]).toHaveTextContent("Meta says: This phone number is already registered.");
    expect(screen.getByRole("status")).toHaveTextContent(en.flowStates.cancelled);
    expect(screen.getByRole("status")).not.toHaveTextContent(en.errors.signup_error);
  });

  it("announces a blocked popup's remedy when it appears", () => {
    const { rerender } = render(view(FLOW_STATE_SNAPSHOTS.in_popup));
    expect(screen.queryByRole("alert")).toBeNull();
    rerender(view(snapshotForCode("popup_blocked")));
    expect(screen.getByRole("alert")).toHaveTextContent(en.errors.popup_blocked);
  });

  it("names a screen Meta added later as Meta named it", () => {
    render(
      view(
        makeSnapshot({
          state: "cancelled",
          error: {
            code: "signup_cancelled",
            step: "embedded_signup",
            esStep: "AD_ACCOUNT_SELECTION",
            retryable: true,
          },
        }),
      ),
    );
    expect(screen.getByRole("alert")).toHaveTextContent(
      "You stopped at Meta's screen: AD_ACCOUNT_SELECTION.",
    );
  });
});
