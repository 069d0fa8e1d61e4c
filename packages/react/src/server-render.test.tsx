// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MigrationFlow } from "./index.js";

// The package is imported and rendered on the server with no DOM at all: any touch of `window`,
// `document`, `navigator` or storage at import or render time would throw here.
describe("server rendering", () => {
  it("runs in an environment without window", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("renders the idle flow to HTML without touching browser globals", () => {
    const html = renderToString(
      <MigrationFlow appId="1234" configId="5678" bffUrl="/wa" locale="de" />,
    );
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-step="two_step_verification"');
    expect(html).toContain("Ihre WhatsApp-Nummer umziehen");
    expect(html.match(/data-step=/g)).toHaveLength(7);
  });
});
