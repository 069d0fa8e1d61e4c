import { render, screen, within } from "@testing-library/react";
import type { FlowSnapshot } from "@wa-migrate/core";
import { describe, expect, it, vi } from "vitest";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle, makeMigration, makeSnapshot } from "../test-support/fixtures.js";
import {
  COMPLETED_MIGRATION,
  doneBefore,
  FLOW_STATE_SNAPSHOTS,
  snapshotForCode,
  withStep,
} from "../test-support/flow-fixtures.js";

const renderFlow = (snapshot: FlowSnapshot) => {
  const actions = { retry: vi.fn(), reset: vi.fn() };
  render(
    <MigrationFlow.Root flow={fixtureHandle(snapshot, actions)}>
      <MigrationFlow.Steps />
    </MigrationFlow.Root>,
  );
  return actions;
};

describe("StepError", () => {
  it("shows the failed server step's remedy, Meta's reference and a retry that calls retry()", () => {
    const { retry } = renderFlow(FLOW_STATE_SNAPSHOTS.failed);
    const step = document.querySelector('[data-step="share_credit_line"]') as HTMLElement;
    expect(step).toHaveTextContent(en.errors.credit_share_failed);
    expect(step).toHaveTextContent("Reference for support: AbCdEf123_xyz");
    screen.getByRole("button", { name: "Try again" }).click();
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it.each([
    [1, false],
    [2, true],
  ])(
    "after %i attempt(s) of a stopped step, says when it was checked again: %s",
    (attempts, shown) => {
      const stopped = withStep(
        makeMigration(doneBefore("share_credit_line"), { status: "failed" }),
        "share_credit_line",
        "failed",
        "credit_share_failed",
      );
      const migration = {
        ...stopped,
        steps: stopped.steps.map((step) =>
          step.id === "share_credit_line"
            ? { ...step, attempts, finishedAt: "2026-11-25T09:05:00.000Z" }
            : step,
        ),
      };
      renderFlow(makeSnapshot({ state: "failed", migration }));
      const step = document.querySelector('[data-step="share_credit_line"]') as HTMLElement;
      // With seconds, so that two retries within a minute do not read the same.
      expect(
        within(step).queryByText(/^Checked again: November 25, 2026 at \d{1,2}:05:00/) !== null,
      ).toBe(shown);
    },
  );

  it("offers a new start (reset) when only a new signup helps", () => {
    const { reset, retry } = renderFlow(snapshotForCode("code_expired", false));
    screen.getByRole("button", { name: "Start again" }).click();
    expect(reset).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
  });

  it("offers a new start when Meta has not confirmed the number is the customer's (Meta's window confirms it)", () => {
    const { reset, retry } = renderFlow(snapshotForCode("ownership_unconfirmed", false));
    const step = document.querySelector('[data-step="register_phone"]') as HTMLElement;
    expect(step).toHaveTextContent(en.errors.ownership_unconfirmed);
    screen.getByRole("button", { name: "Start again" }).click();
    expect(reset).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
  });

  it("offers a new start when the chosen number is a Meta test number (its text says start again)", () => {
    const { reset, retry } = renderFlow(snapshotForCode("test_number", false));
    expect(document.querySelector('[data-code="test_number"]')).toHaveTextContent(
      en.errors.test_number,
    );
    screen.getByRole("button", { name: "Start again" }).click();
    expect(reset).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
  });

  it.each([
    "code_expired",
    "code_used",
    "asset_not_granted",
    "assets_not_found",
    "token_invalid",
    "not_found",
    "ownership_unconfirmed",
    "waba_funded_elsewhere",
    "test_number",
  ] as const)("in German, %s tells to start again in the words of its button", (code) => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(snapshotForCode(code, false))} locale="de">
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("button", { name: "Erneut beginnen" })).toBeVisible();
    expect(document.querySelector(`[data-code="${code}"]`)?.textContent).toMatch(/Beginnen Sie/);
  });

  it("offers no button when nothing the customer does helps", () => {
    renderFlow(snapshotForCode("migration_superseded", false));
    expect(document.querySelector('[data-code="migration_superseded"]')).toHaveTextContent(
      "another window or tab",
    );
    expect(screen.queryByRole("button", { name: /Try again|Start again/ })).toBeNull();
  });

  it.each([
    ["en", "You can try again from December 8, 2026"],
    ["de", "Ein neuer Versuch ist ab 8. Dezember 2026"],
  ] as const)(
    "says from when a rate-limited registration can be tried again (%s)",
    (locale, text) => {
      const snapshot = snapshotForCode("register_rate_limited");
      const migration = snapshot.migration;
      if (!migration) throw new Error("fixture without migration");
      const steps = migration.steps.map((step) =>
        step.lastError
          ? { ...step, lastError: { ...step.lastError, retryAt: "2026-12-08T09:30:00.000Z" } }
          : step,
      );
      render(
        <MigrationFlow.Root
          flow={fixtureHandle(
            makeSnapshot({ state: snapshot.state, migration: { ...migration, steps } }),
          )}
          locale={locale}
        >
          <MigrationFlow.Steps />
        </MigrationFlow.Root>,
      );
      expect(document.querySelector('[data-code="register_rate_limited"]')).toHaveTextContent(text);
      expect(
        screen.getByRole("button", { name: locale === "en" ? "Try again" : "Erneut versuchen" }),
      ).toBeInTheDocument();
    },
  );

  it("shows no error, and no retry that cannot help, on a step that succeeded despite a failed template copy", () => {
    // Decision 029: the templates step ends succeeded and keeps Meta's error for operators only.
    const migration = withStep(
      {
        ...COMPLETED_MIGRATION,
        warnings: ["template_migration_failed"],
      },
      "migrate_templates",
      "succeeded",
      "graph_unavailable",
    );
    const migrateTemplates = vi.fn();
    const retry = vi.fn();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(makeSnapshot({ state: "completed", migration }), {
          migrateTemplates,
          retry,
        })}
      >
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    // What is left is the customer's: "Copy templates now", not a retry of the move.
    expect(step).toHaveAttribute("data-state", "action_required");
    expect(within(step).queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(document.querySelector('[data-code="template_migration_failed"]')).toHaveTextContent(
      en.errors.template_migration_failed,
    );
    screen.getByRole("button", { name: "Copy templates now" }).click();
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
  });

  it("hides the old error while a retried step runs again (the record keeps its last error)", () => {
    const migration = withStep(
      makeMigration(doneBefore("share_credit_line"), { status: "running" }),
      "share_credit_line",
      "running",
      "credit_share_failed",
    );
    renderFlow(makeSnapshot({ state: "running", migration }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("tries a failed manual template copy again as a copy, not as a retry of the finished move", () => {
    const snapshot = makeSnapshot({
      state: "completed",
      migration: COMPLETED_MIGRATION,
      error: { code: "bff_unreachable", step: "migrate_templates", retryable: true },
    });
    const migrateTemplates = vi.fn();
    const retry = vi.fn();
    render(
      <MigrationFlow.Root flow={fixtureHandle(snapshot, { migrateTemplates, retry })}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    expect(step).toHaveTextContent(en.errors.bff_unreachable);
    within(step).getByRole("button", { name: "Try again" }).click();
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
    expect(retry).not.toHaveBeenCalled();
  });

  it("marks an action-required step as a warning", () => {
    renderFlow(FLOW_STATE_SNAPSHOTS.action_required);
    const notice = document.querySelector('[data-code="two_step_enabled"]');
    expect(notice).toHaveAttribute("data-tone", "warning");
  });

  it("shows a cancelled signup on step 2 without a retry: the trigger starts again", () => {
    renderFlow(FLOW_STATE_SNAPSHOTS.cancelled);
    const step = document.querySelector('[data-step="embedded_signup"]') as HTMLElement;
    expect(step).toHaveTextContent(en.errors.signup_cancelled);
    expect(step).toHaveTextContent("You stopped at Meta's screen: entering the phone number.");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(screen.getByRole("button", { name: "Start again with Meta" })).toBeEnabled();
  });

  it("shows Meta's own words for an Embedded Signup error", () => {
    renderFlow(snapshotForCode("signup_error"));
    expect(screen.getByText("Meta says: This phone number is already registered.")).toBeVisible();
  });

  it("offers the full-page Login dialog when the popup was blocked and a redirect is configured", () => {
    const redirectToLogin = vi.fn();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(snapshotForCode("popup_blocked"), { redirectToLogin })}
      >
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Continue in this window instead" }).click();
    expect(redirectToLogin).toHaveBeenCalledTimes(1);
  });

  it("when Meta's window never answered, offers a new start and the full-page Login dialog", () => {
    const redirectToLogin = vi.fn();
    const launch = vi.fn();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(snapshotForCode("popup_no_response"), { redirectToLogin, launch })}
      >
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent(en.errors.popup_no_response);
    screen.getByRole("button", { name: "Start again with Meta" }).click();
    expect(launch).toHaveBeenCalledTimes(1);
    screen.getByRole("button", { name: "Continue in this window instead" }).click();
    expect(redirectToLogin).toHaveBeenCalledTimes(1);
  });

  it("without a redirect, a blocked popup is retried through the trigger only", () => {
    renderFlow(snapshotForCode("popup_blocked"));
    expect(screen.queryByRole("button", { name: "Continue in this window instead" })).toBeNull();
    expect(screen.getByRole("button", { name: "Start again with Meta" })).toBeEnabled();
  });

  it("retries a failed SDK load instead of launching", () => {
    const { retry } = renderFlow(
      makeSnapshot({
        state: "failed",
        error: { code: "sdk_load_error", step: "embedded_signup", retryable: true },
      }),
    );
    expect(screen.getByRole("button", { name: /with Meta/ })).toBeDisabled();
    screen.getByRole("button", { name: "Try again" }).click();
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
