import { MIGRATION_ERROR_CODES } from "@wa-migrate/contracts";
import { describe, expect, expectTypeOf, it } from "vitest";
import { de } from "./de.js";
import { en } from "./en.js";
import { formatMessage, type Messages } from "./messages.js";
import { resolveMessages } from "./resolve-messages.js";

// Leaf paths of a catalogue, to compare en and de key by key at run time too.
const leaves = (value: unknown, path = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
    : [path];

describe("catalogues", () => {
  it("en and de have the same keys", () => {
    expect(leaves(de).sort()).toEqual(leaves(en).sort());
  });

  it.each(MIGRATION_ERROR_CODES)("explains %s in both languages in full sentences", (code) => {
    for (const text of [en.errors[code], de.errors[code]]) {
      expect(text.length).toBeGreaterThan(30);
      expect(text).toMatch(/[.!]$/);
      // what happened, then what to do: at least two sentences
      expect(text.split(/[.!?:]\s/).length).toBeGreaterThanOrEqual(2);
    }
    expect(de.errors[code]).not.toBe(en.errors[code]);
  });

  it("names a button in an error text exactly as the button reads", () => {
    // The shared remedy sentences quote the retry button, and a failed template copy the templates
    // report's copy button; a renamed button must rename them too.
    for (const [catalogue, quoted] of [
      [en, /“([^”]+)”/g],
      [de, /„([^“]+)“/g],
    ] as const) {
      const named = Object.values(catalogue.errors).flatMap((text) =>
        [...text.matchAll(quoted)].map((m) => m[1]),
      );
      expect(named.length).toBeGreaterThan(10);
      expect(new Set(named)).toEqual(new Set([catalogue.error.retry, catalogue.templates.copyNow]));
    }
  });

  it("promises no more than Meta's facts, in both languages", () => {
    for (const t of [en, de]) {
      // A blocked registration: the time shown below the text and "Try again", no 72-hour rule.
      expect(t.errors.register_rate_limited).not.toMatch(/72/);
      expect(t.errors.register_rate_limited).toContain(t.error.retry);
      // Migration needs a verified business already: verifying adds no template room.
      expect(t.errors.template_limit_reached).not.toMatch(/verif/i);
      // Two-step verification can also be turned off in WhatsApp Manager, not only by the provider.
      for (const text of [t.twoStep.intro, t.errors.two_step_enabled, t.errors.pin_mismatch])
        expect(text).toContain("WhatsApp Manager");
    }
    // Only approved templates of high (or, for our copy, not yet rated) quality are copied.
    expect(en.steps.migrate_templates.description).toContain("high or not-yet-rated quality");
    expect(de.steps.migrate_templates.description).toContain("hoher oder noch nicht bewerteter");
  });

  it("types every catalogue as Messages, so a missing key is a compile error", () => {
    expectTypeOf(de).toEqualTypeOf<Messages>();
    // @ts-expect-error: a catalogue without `errors` is not a Messages
    const incomplete: Messages = { ...en, errors: undefined };
    expect(incomplete).toBeDefined();
    const { popup_blocked: _dropped, ...missingOne } = en.errors;
    // @ts-expect-error: one error code without a text fails the build
    const missingCode: Messages["errors"] = missingOne;
    expect(missingCode).toBeDefined();
  });
});

describe("formatMessage and resolveMessages", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(formatMessage("Step {n} of {total}", { n: 2, total: 7 })).toBe("Step 2 of 7");
    expect(formatMessage("{missing}", {})).toBe("{missing}");
  });

  it("lays the partner's overrides over a locale, one section deep", () => {
    const t = resolveMessages("de", { title: "Umzug zu Acme", launch: { start: "Verbinden" } });
    expect(t.title).toBe("Umzug zu Acme");
    expect(t.launch.start).toBe("Verbinden");
    expect(t.launch.again).toBe(de.launch.again);
    expect(resolveMessages("en")).toBe(en);
  });
});
