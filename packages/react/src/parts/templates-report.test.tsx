import { act, cleanup, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { de } from "../messages/de.js";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";
import {
  fixtureHandle,
  makeMigration,
  makeSnapshot,
  TEMPLATE_ITEMS,
} from "../test-support/fixtures.js";
import {
  CAPTURED_ITEMS,
  COMPLETED_MIGRATION,
  doneBefore,
  FLOW_STATE_SNAPSHOTS,
  withStep,
} from "../test-support/flow-fixtures.js";

const renderReport = (snapshot: Parameters<typeof fixtureHandle>[0]) => {
  const migrateTemplates = vi.fn();
  render(
    <MigrationFlow.Root flow={fixtureHandle(snapshot, { migrateTemplates })}>
      <MigrationFlow.TemplatesReport />
    </MigrationFlow.Root>,
  );
  return migrateTemplates;
};
const captured = { mode: "not_started" as const, sourceReadable: true, items: CAPTURED_ITEMS };

describe("TemplatesReport", () => {
  it("lists each template with its outcome and reason, and the 24 h quality note", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)}>
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    const rows = within(screen.getByRole("table", { name: "Message templates" })).getAllByRole(
      "row",
    );
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      "order_confirmationen_USCopied",
      "order_confirmationde_DECopied",
      "spring_saleen_USRejected when Meta checked it again: promotional content",
      "old_promoen_USNot eligible: quality Medium",
      "draft_welcomede_DENot eligible: not approved by Meta (pending review)",
      "welcome_offeren_USNot eligible: quality Low",
      "extra_offeren_USNot copied: template limit reached",
      "shipping_updateen_USMeta refused the copy: Formatting error - dangling parameter",
      "delivery_windowen_USCould not be copied",
      "appointment_reminderen_USWaiting to be copied",
    ]);
    expect(screen.getByText(/quality “unknown” for up to 24 hours/)).toBeVisible();
    // Copies Meta refused or rejected: what the customer can do about them.
    expect(screen.getByText(en.templates.refusedNote)).toBeVisible();
  });

  it.each([
    ["en", "REJECTED: INCORRECT_CATEGORY", ": incorrect category"],
    ["de", "REJECTED: INCORRECT_CATEGORY", ": falsche Kategorie"],
    ["de", "REJECTED: TAG_CONTENT_MISMATCH", ": Inhalt passt nicht zur Kategorie"],
    // A reason code Meta adds later reads as words; no reason at all adds nothing.
    ["de", "REJECTED: NEW_REASON_CODE", ": new reason code"],
    ["en", "REJECTED", ""],
  ] as const)(
    "says a re-check's reason in the page's language (%s, %s)",
    (locale, reason, shown) => {
      const rejected = makeMigration(doneBefore("register_phone"), {
        status: "completed",
        templates: {
          mode: "copied_before_registration",
          sourceReadable: true,
          items: [{ ...(TEMPLATE_ITEMS[2] as (typeof TEMPLATE_ITEMS)[number]), reason }],
        },
      });
      render(
        <MigrationFlow.Root
          flow={fixtureHandle(makeSnapshot({ state: "completed", migration: rejected }))}
          locale={locale}
        >
          <MigrationFlow.TemplatesReport />
        </MigrationFlow.Root>,
      );
      const row = screen.getAllByRole("row")[1];
      const messages = locale === "de" ? de : en;
      expect(row?.textContent).toBe(
        `spring_saleen_US${messages.templates.outcomes.rejected_on_recheck}${shown}`,
      );
    },
  );

  it("does not offer the copy again for copies Meta refused: the same answer would come back", () => {
    const items = TEMPLATE_ITEMS.filter((i) => i.outcome === "copied" || i.outcome === "refused");
    const migration = {
      ...COMPLETED_MIGRATION,
      templates: { ...COMPLETED_MIGRATION.templates, items },
    };
    renderReport(makeSnapshot({ state: "completed", migration }));
    expect(screen.getByText(/Meta refused the copy/)).toBeVisible();
    expect(screen.getByText(en.templates.refusedNote)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Copy templates now" })).toBeNull();
  });

  it("says copies can be sent only once the number has moved, not while it is still registering", () => {
    const copied = { ...COMPLETED_MIGRATION.templates };
    const registering = makeMigration(
      { ...doneBefore("register_phone"), register_phone: "running" },
      { templates: copied },
    );
    renderReport(makeSnapshot({ state: "running", migration: registering }));
    expect(screen.getAllByText("Copied")).toHaveLength(2);
    expect(screen.queryByText(en.templates.qualityNote)).toBeNull();
    cleanup();
    const stopped = withStep(
      makeMigration(doneBefore("register_phone"), { status: "failed", templates: copied }),
      "register_phone",
      "failed",
      "graph_unavailable",
    );
    renderReport(makeSnapshot({ state: "failed", migration: stopped }));
    expect(screen.queryByText(en.templates.qualityNote)).toBeNull();
    cleanup();
    renderReport(FLOW_STATE_SNAPSHOTS.completed);
    expect(screen.getByText(en.templates.qualityNote)).toBeVisible();
  });

  it("copies the remaining templates by hand when the server is not running", () => {
    const migrateTemplates = vi.fn();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed, { migrateTemplates })}
      >
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    screen.getByRole("button", { name: "Copy templates now" }).click();
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
  });

  it("says it is copying while the request runs and takes no second click, then offers it again", async () => {
    let finish: () => void = () => {};
    const migrateTemplates = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed, { migrateTemplates })}
      >
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    await act(async () => screen.getByRole("button", { name: "Copy templates now" }).click());
    const busy = screen.getByRole("button", { name: en.templates.copying });
    expect(busy).toHaveAttribute("aria-disabled", "true");
    await act(async () => busy.click());
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    expect(screen.getByRole("button", { name: "Copy templates now" })).not.toHaveAttribute(
      "aria-disabled",
    );
  });

  it("says how many templates a press copied, also none, so the press is never silent", async () => {
    let finish: () => void = () => {};
    const migrateTemplates = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const { rerender } = render(
      <MigrationFlow.Root
        flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed, { migrateTemplates })}
      >
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    await act(async () => screen.getByRole("button", { name: "Copy templates now" }).click());
    expect(screen.queryByRole("status")).toBeNull();
    await act(async () => finish());
    expect(screen.getByRole("status")).toHaveTextContent("Templates copied by this request: 0.");
    // The answer brought one more copy.
    const completed = FLOW_STATE_SNAPSHOTS.completed;
    const items = completed.migration?.templates.items ?? [];
    const migration = completed.migration && {
      ...completed.migration,
      templates: {
        ...completed.migration.templates,
        items: items.map((i) =>
          i.outcome === "pending" ? { ...i, outcome: "copied" as const } : i,
        ),
      },
    };
    rerender(
      <MigrationFlow.Root flow={fixtureHandle({ ...completed, migration }, { migrateTemplates })}>
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("Templates copied by this request: 1.");
  });

  it("shows a failed copy below the report, next to its button, with the support reference", () => {
    const snapshot = makeSnapshot({
      state: "completed",
      migration: COMPLETED_MIGRATION,
      error: {
        code: "graph_error",
        step: "migrate_templates",
        retryable: false,
        reference: "AbCfbtrace1",
      },
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(snapshot)}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    const table = within(step).getByRole("table");
    const alert = within(step).getByRole("alert");
    expect(table.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(alert).toHaveTextContent("Reference for support: AbCfbtrace1");
  });

  it("offers the copy again for templates over the limit, as the limit's text tells (en and de)", () => {
    const items = TEMPLATE_ITEMS.filter(
      (i) => i.outcome === "copied" || i.outcome === "over_limit",
    );
    const migration = {
      ...COMPLETED_MIGRATION,
      templates: { ...COMPLETED_MIGRATION.templates, items },
    };
    const migrateTemplates = vi.fn();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(makeSnapshot({ state: "completed", migration }), { migrateTemplates })}
      >
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    expect(en.errors.template_limit_reached).toContain(`“${en.templates.copyNow}”`);
    expect(de.errors.template_limit_reached).toContain(`„${de.templates.copyNow}“`);
    expect(document.querySelector('[data-code="template_limit_reached"]')).toHaveTextContent(
      en.errors.template_limit_reached,
    );
    // Nothing was refused or rejected: no word about resubmitting.
    expect(screen.queryByText(en.templates.refusedNote)).toBeNull();
    screen.getByRole("button", { name: "Copy templates now" }).click();
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
  });

  it("says what the limit asks of the customer in step 6, also when the migration stopped later", () => {
    const items = TEMPLATE_ITEMS.filter(
      (i) => i.outcome === "copied" || i.outcome === "over_limit",
    );
    const migration = withStep(
      makeMigration(
        { ...doneBefore("register_phone"), migrate_templates: "succeeded" },
        {
          status: "failed",
          warnings: ["template_limit_reached"],
          templates: { mode: "copied_before_registration", sourceReadable: true, items },
        },
      ),
      "register_phone",
      "failed",
      "graph_unavailable",
    );
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "failed", migration }))}>
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    expect(step.querySelector('[data-code="template_limit_reached"]')).toHaveTextContent(
      en.errors.template_limit_reached,
    );
    expect(within(step).getByRole("button", { name: "Copy templates now" })).toBeVisible();
  });

  it("does not offer the manual copy while the migration stopped before capture finished", () => {
    renderReport(FLOW_STATE_SNAPSHOTS.action_required);
    expect(screen.getByRole("table", { name: "Message templates" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Copy templates now" })).toBeNull();
  });

  it("nor when the stop is after capture but before the templates step ran", () => {
    const migration = withStep(
      makeMigration(doneBefore("share_credit_line"), { status: "failed", templates: captured }),
      "share_credit_line",
      "failed",
      "credit_share_failed",
    );
    renderReport(makeSnapshot({ state: "failed", migration }));
    expect(screen.queryByRole("button", { name: "Copy templates now" })).toBeNull();
  });

  it("offers it once the templates step has run and the migration stopped later", () => {
    const migration = withStep(
      makeMigration(
        { ...doneBefore("register_phone"), migrate_templates: "succeeded" },
        { status: "failed", templates: captured },
      ),
      "register_phone",
      "failed",
      "graph_unavailable",
    );
    const migrateTemplates = renderReport(makeSnapshot({ state: "failed", migration }));
    screen.getByRole("button", { name: "Copy templates now" }).click();
    expect(migrateTemplates).toHaveBeenCalledTimes(1);
  });

  it("explains Meta's own copy when the old account's templates cannot be read", () => {
    const migration = makeMigration(doneBefore("migrate_templates"), {
      templates: { mode: "meta_automatic", sourceReadable: false, items: [] },
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "running", migration }))}>
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    expect(screen.getByText(en.templates.sourceUnreadable)).toBeVisible();
    expect(en.templates.sourceUnreadable).toContain("approved templates with high quality");
    expect(screen.queryByRole("button")).toBeNull();
    expect(TEMPLATE_ITEMS.length).toBeGreaterThan(0);
  });

  it("keeps step 6 open with that note once the migration completed, before Meta's copies arrive", () => {
    const migration = makeMigration(
      {
        ...doneBefore("register_phone"),
        migrate_templates: "skipped",
        register_phone: "succeeded",
      },
      {
        status: "completed",
        warnings: ["templates_source_unreadable"],
        templates: { mode: "meta_automatic", sourceReadable: false, items: [] },
      },
    );
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "completed", migration }))}>
        <MigrationFlow.Layout />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    expect(within(step).getByText(en.templates.sourceUnreadable)).toBeVisible();
    // Neither "No templates to copy" nor a "Not needed" line beside "Done".
    expect(within(step).queryByText(en.templates.empty)).toBeNull();
    expect(within(step).queryByText(en.progress.skipped)).toBeNull();
    // Not "we copy your templates" above Meta's own copy.
    expect(within(step).queryByText(en.steps.migrate_templates.description)).toBeNull();
    // Said once, in step 6, not again in the summary.
    expect(screen.getAllByText(/Meta copies your approved templates/)).toHaveLength(1);
  });

  it("says step 6 needs the customer once the move is done and the limit held templates back", () => {
    const items = TEMPLATE_ITEMS.filter(
      (i) => i.outcome === "copied" || i.outcome === "over_limit",
    );
    const migration = {
      ...COMPLETED_MIGRATION,
      templates: { ...COMPLETED_MIGRATION.templates, items },
    };
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "completed", migration }))}>
        <MigrationFlow.Steps />
      </MigrationFlow.Root>,
    );
    const step = document.querySelector('[data-step="migrate_templates"]') as HTMLElement;
    expect(step).toHaveAttribute("data-state", "action_required");
    expect(within(step).getByText(en.stepStates.action_required)).toBeVisible();
    expect(within(step).queryByText(en.progress.succeeded)).toBeNull();
  });

  it("says why a template did not move in German too, never in the server's English words", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)} locale="de">
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    const cells = within(screen.getByRole("table", { name: "Nachrichtenvorlagen" }))
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.lastElementChild?.textContent);
    expect(cells).toEqual([
      "Kopiert",
      "Kopiert",
      "Bei der erneuten Prüfung durch Meta abgelehnt: werblicher Inhalt",
      "Nicht übertragbar: Qualität Mittel",
      "Nicht übertragbar: von Meta nicht genehmigt (in Prüfung)",
      "Nicht übertragbar: Qualität Niedrig",
      "Nicht kopiert: Höchstzahl an Vorlagen erreicht",
      "Kopie von Meta abgelehnt: Formatting error - dangling parameter",
      "Konnte nicht kopiert werden",
      "Wartet auf das Kopieren",
    ]);
  });
});
