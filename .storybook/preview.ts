import type { Preview } from "@storybook/react-vite";
import "../packages/react/src/styles.css";

// Rules about a whole page (landmarks, a page heading) do not apply to a component embedded in a
// partner's portal; everything else fails the story (`test: "error"`).
export const A11Y_DISABLED_RULES = ["region", "landmark-one-main", "page-has-heading-one"];

const preview: Preview = {
  parameters: {
    a11y: {
      test: "error",
      config: { rules: A11Y_DISABLED_RULES.map((id) => ({ id, enabled: false })) },
    },
    layout: "padded",
  },
  tags: ["autodocs"],
};
export default preview;
