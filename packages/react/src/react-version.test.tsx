import { createRequire } from "node:module";
import { render, screen } from "@testing-library/react";
import { version } from "react";
import { version as domVersion } from "react-dom";
import { describe, expect, it } from "vitest";
import { MigrationFlow } from "./index.js";

// Guards the react18 project's aliases: if they stopped applying, the React 18 run would silently
// test React 19 a second time (or mix both, which is how @testing-library/react's CommonJS build
// first failed). Each project's config names the major it is for.
const major = process.env.WA_MIGRATE_REACT_MAJOR;

describe("React under test", () => {
  it("is the major version this Vitest project is for", () => {
    expect(major).toMatch(/^1[89]$/);
    expect(version.startsWith(`${major}.`)).toBe(true);
    expect(domVersion).toBe(version);
  });

  it("is the only React loaded once the kit renders through Testing Library", () => {
    render(<MigrationFlow appId="1234" configId="5678" bffUrl="/wa" />);
    expect(screen.getByText("Move your WhatsApp number")).toBeInTheDocument();
    // pnpm store folders are named react@<version> and react-dom@<version>_react@<version>.
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .flatMap((path) => [...path.matchAll(/\/react(?:-dom)?@(\d+)\./g)])
      .map((match) => match[1]);
    expect(loaded.length).toBeGreaterThan(0);
    expect(new Set(loaded)).toEqual(new Set([major]));
  });
});
