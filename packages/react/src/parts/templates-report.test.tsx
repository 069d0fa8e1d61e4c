import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { MigrationFlow } from "../migration-flow.js";
import {
  fixtureHandle,
  makeMigration,
  makeSnapshot,
  TEMPLATE_ITEMS,
} from "../test-support/fixtures.js";
import { doneBefore, FLOW_STATE_SNAPSHOTS } from "../test-support/flow-fixtures.js";

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
      "spring_saleen_USRejected when Meta checked it again: Meta rejected the copy: promotional content",
      "old_promoen_USNot eligible: Quality is YELLOW (must be GREEN)",
      "draft_welcomede_DENot eligible: Status is PENDING (must be APPROVED)",
      "extra_offeren_USNot copied: template limit reached",
      "shipping_updateen_USCould not be copied: Meta refused the copy",
      "appointment_reminderen_USWaiting to be copied",
    ]);
    expect(screen.getByText(/quality “unknown” for up to 24 hours/)).toBeVisible();
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

  it("explains Meta's own copy when the old account's templates cannot be read", () => {
    const migration = makeMigration(doneBefore("migrate_templates"), {
      templates: { mode: "meta_automatic", sourceReadable: false, items: [] },
    });
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "running", migration }))}>
        <MigrationFlow.TemplatesReport />
      </MigrationFlow.Root>,
    );
    expect(screen.getByText(/Meta copies your approved templates itself/)).toBeVisible();
    expect(screen.queryByRole("button")).toBeNull();
    expect(TEMPLATE_ITEMS.length).toBeGreaterThan(0);
  });
});
