import { createRequire } from "node:module";
import { dirname } from "node:path";
import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";
import base from "./vitest.config.js";

// The kit's peer range claims React 18; this project runs the same tests on React 18.3.1. React 18
// lives in its own package (./react18) so that react-dom 18's peer `react` is React 18 as well.
// Resolved from the installed copy (its node_modules), not the source folder, which has none.
const kit = createRequire(import.meta.url);
const env = createRequire(kit.resolve("@wa-migrate/react18-env/package.json"));
const react18 = dirname(env.resolve("react/package.json"));
const reactDom18 = dirname(env.resolve("react-dom/package.json"));
// Its `main` is CommonJS, whose `require("react-dom")` Node answers with React 19; the ESM build's
// imports go through Vite and so through the aliases below.
const testingLibrary = dirname(kit.resolve("@testing-library/react/package.json"));

// Exact-match regexes: `react` must not also rewrite `react-dom` or `react/jsx-runtime` wrongly.
const alias = [
  { find: /^react$/, replacement: react18 },
  { find: /^react\/jsx-runtime$/, replacement: `${react18}/jsx-runtime.js` },
  { find: /^react\/jsx-dev-runtime$/, replacement: `${react18}/jsx-dev-runtime.js` },
  { find: /^react-dom$/, replacement: reactDom18 },
  { find: /^react-dom\/client$/, replacement: `${reactDom18}/client.js` },
  { find: /^react-dom\/server$/, replacement: `${reactDom18}/server.node.js` },
  { find: /^react-dom\/test-utils$/, replacement: `${reactDom18}/test-utils.js` },
  {
    find: /^@testing-library\/react$/,
    replacement: `${testingLibrary}/dist/@testing-library/react.esm.js`,
  },
];

export default defineProject({
  plugins: [react()],
  resolve: { alias },
  test: {
    ...base.test,
    name: "react18",
    env: { WA_MIGRATE_REACT_MAJOR: "18" },
    // Libraries that import React (Testing Library; Storybook's React renderer behind the setup
    // file and composeStories) are run through Vite so the aliases reach them too; left to Node
    // they load the workspace's React 19 next to a React 18 kit (react-version.test.tsx notices).
    server: { deps: { inline: [/@testing-library\/react/, /@storybook\//] } },
  },
});
