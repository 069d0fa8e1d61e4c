import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle } from "../test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS } from "../test-support/flow-fixtures.js";

const facts = () =>
  [...document.querySelectorAll("dt")].map(
    (dt) => `${dt.textContent} = ${dt.nextElementSibling?.textContent}`,
  );

describe("Summary", () => {
  it("shows what was kept and when billing moves, in English", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)}>
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(screen.getByRole("heading", { name: "Your number has moved" })).toBeVisible();
    expect(facts()).toEqual([
      "Display name = Acme Bakery (kept)",
      "Phone number = +49 30 1234567 (kept)",
      "Quality rating = High (kept)",
      "Messaging limit = 1,000 conversations a day (kept)",
      "Official business account = Yes (kept)",
      expect.stringMatching(/^Billed by us from = November 25, 2026 at \d{1,2}:05/),
    ]);
    expect(document.querySelector('[data-code="template_limit_reached"]')).not.toBeNull();
  });

  it("speaks German", () => {
    render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.completed)} locale="de">
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(facts()[2]).toBe("Qualitätsbewertung = Hoch (übernommen)");
    expect(facts()[5]).toMatch(/^Abrechnung über uns ab = 25\. November 2026/);
  });

  it("renders nothing before the migration completes", () => {
    const { container } = render(
      <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.running)}>
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(container.firstElementChild).toBeEmptyDOMElement();
  });
});
