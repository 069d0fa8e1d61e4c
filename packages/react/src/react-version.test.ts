import { version } from "react";
import { version as domVersion } from "react-dom";
import { describe, expect, it } from "vitest";

// Guards the react18 project's aliases: if they stopped applying, the React 18 run would silently
// test React 19 a second time. The plain "react" project pins the other side.
describe("React under test", () => {
  it("is the major version this Vitest project is for", () => {
    const major = process.env.WA_MIGRATE_REACT_MAJOR;
    expect(major).toMatch(/^1[89]$/);
    expect(version.startsWith(`${major}.`)).toBe(true);
    expect(domVersion).toBe(version);
  });
});
