import { render, screen } from "@testing-library/react";
import type { Migration } from "@wa-migrate/contracts";
import { describe, expect, it } from "vitest";
import { MigrationFlow } from "../migration-flow.js";
import { fixtureHandle, makeSnapshot } from "../test-support/fixtures.js";
import { COMPLETED_MIGRATION, FLOW_STATE_SNAPSHOTS } from "../test-support/flow-fixtures.js";

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
    // The limit's note stands in step 6, beside the report and the button it names.
    expect(document.querySelector('[data-code="template_limit_reached"]')).toBeNull();
  });

  it("keeps a note that is not about templates (an On-Premises source)", () => {
    const migration: Migration = {
      ...COMPLETED_MIGRATION,
      warnings: ["on_prem_source", "templates_source_unreadable"],
    };
    render(
      <MigrationFlow.Root flow={fixtureHandle(makeSnapshot({ state: "completed", migration }))}>
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(document.querySelector('[data-code="on_prem_source"]')).not.toBeNull();
    expect(document.querySelector('[data-code="templates_source_unreadable"]')).toBeNull();
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

  it("says a value not known yet without “(kept)”, and the billing time not known yet", () => {
    const phone = COMPLETED_MIGRATION.phone as NonNullable<typeof COMPLETED_MIGRATION.phone>;
    const partly = makeSnapshot({
      state: "completed",
      migration: {
        ...COMPLETED_MIGRATION,
        phone: { ...phone, qualityRating: null, messagingLimit: null },
        billingCutoverAt: null,
      },
    });
    const { unmount } = render(
      <MigrationFlow.Root flow={fixtureHandle(partly)}>
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(facts()).toEqual([
      "Display name = Acme Bakery (kept)",
      "Phone number = +49 30 1234567 (kept)",
      "Quality rating = Not known yet",
      "Messaging limit = Not known yet",
      "Official business account = Yes (kept)",
      "Billed by us from = The moment the number moved (exact time not known yet)",
    ]);
    unmount();
    render(
      <MigrationFlow.Root
        flow={fixtureHandle(
          makeSnapshot({ state: "completed", migration: { ...COMPLETED_MIGRATION, phone: null } }),
        )}
        locale="de"
      >
        <MigrationFlow.Summary />
      </MigrationFlow.Root>,
    );
    expect(facts().slice(0, 5)).toEqual([
      "Anzeigename = Noch nicht bekannt",
      "Telefonnummer = Noch nicht bekannt",
      "Qualitätsbewertung = Noch nicht bekannt",
      "Nachrichtenlimit = Noch nicht bekannt",
      "Offizielles Unternehmenskonto = Noch nicht bekannt",
    ]);
  });

  it("says the number's unknown quality rating without the templates' 24-hour re-rating", () => {
    const phone = COMPLETED_MIGRATION.phone as NonNullable<typeof COMPLETED_MIGRATION.phone>;
    for (const [locale, text] of [
      ["en", "Quality rating = Unknown (kept)"],
      ["de", "Qualitätsbewertung = Unbekannt (übernommen)"],
    ] as const) {
      const { unmount } = render(
        <MigrationFlow.Root
          flow={fixtureHandle(
            makeSnapshot({
              state: "completed",
              migration: { ...COMPLETED_MIGRATION, phone: { ...phone, qualityRating: "UNKNOWN" } },
            }),
          )}
          locale={locale}
        >
          <MigrationFlow.Summary />
        </MigrationFlow.Root>,
      );
      expect(facts()[2]).toBe(text);
      unmount();
    }
  });

  it("says Meta did not report the official-business status, never “No”, and without “(kept)”", () => {
    const phone = COMPLETED_MIGRATION.phone as NonNullable<typeof COMPLETED_MIGRATION.phone>;
    for (const [locale, official, text] of [
      ["en", null, "Official business account = Not reported by Meta"],
      ["de", null, "Offizielles Unternehmenskonto = Von Meta nicht angegeben"],
      ["en", false, "Official business account = No (kept)"],
      ["de", false, "Offizielles Unternehmenskonto = Nein (übernommen)"],
    ] as const) {
      const { unmount } = render(
        <MigrationFlow.Root
          flow={fixtureHandle(
            makeSnapshot({
              state: "completed",
              migration: {
                ...COMPLETED_MIGRATION,
                phone: { ...phone, officialBusinessAccount: official },
              },
            }),
          )}
          locale={locale}
        >
          <MigrationFlow.Summary />
        </MigrationFlow.Root>,
      );
      expect(facts()[4]).toBe(text);
      unmount();
    }
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
