// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8").replace(
  /\/\*[\s\S]*?\*\//g,
  "",
);
// Every selector list before a "{", without at-rules and keyframe steps.
const selectors = [...css.matchAll(/([^{}]+)\{/g)]
  .map((m) => (m[1] ?? "").trim())
  .filter((s) => !s.startsWith("@") && !/^(to|from|\d+%)$/.test(s))
  .flatMap((s) => s.split(",").map((part) => part.trim()));

describe("styles.css", () => {
  it("styles nothing global: every selector is scoped to a wam- class", () => {
    expect(selectors.length).toBeGreaterThan(40);
    const unscoped = selectors.filter((s) => !/^\.wam-[a-z-]+/.test(s));
    expect(unscoped).toEqual([]);
  });

  it("themes through CSS variables, light and dark (media query and data-theme override)", () => {
    for (const variable of ["--wam-color-bg", "--wam-radius", "--wam-font", "--wam-space"]) {
      expect(css).toContain(`${variable}:`);
    }
    expect(css).toContain("@media (prefers-color-scheme: dark)");
    expect(css).toContain('.wam-root:not([data-theme="light"])');
    expect(css).toContain('.wam-root[data-theme="dark"]');
  });

  it("stops the spinner for people who prefer reduced motion", () => {
    expect(css).toMatch(
      /@media \(prefers-reduced-motion: reduce\)\s*\{\s*\.wam-spinner\s*\{\s*animation: none;/,
    );
  });
});
