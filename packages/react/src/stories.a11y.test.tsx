import { composeStories } from "@storybook/react-vite";
import { render } from "@testing-library/react";
import axe from "axe-core";
import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { A11Y_DISABLED_RULES } from "../../../.storybook/preview.js";
import * as errorStories from "./errors.stories.js";
import * as flowStories from "./migration-flow.stories.js";
import * as stepStories from "./steps.stories.js";

// Every fixture story through axe-core in jsdom. jsdom does no layout, so axe cannot compute colour
// contrast here: that rule is off in this test and checked by Storybook's a11y addon in a real
// browser (`parameters.a11y.test = "error"`). The page-level rules are off in both places (see preview).
function named(file: string, stories: Record<string, ComponentType>) {
  return Object.entries(stories).map(([name, Story]) => [`${file}/${name}`, Story] as const);
}
const cases = [
  ...named("errors", composeStories(errorStories)),
  ...named("flow", composeStories(flowStories)),
  ...named("steps", composeStories(stepStories)),
];

const rules = Object.fromEntries(
  [...A11Y_DISABLED_RULES, "color-contrast"].map((id) => [id, { enabled: false }]),
);

describe("every story passes axe", () => {
  it.each(cases)("%s", async (_name, Story) => {
    const { container } = render(<Story />);
    const result = await axe.run(container, { rules });
    const violations = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
    expect(violations).toEqual([]);
  });
});
