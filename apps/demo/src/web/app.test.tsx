import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { App } from "./app.js";
import type { DemoConfig } from "./demo-config.js";

const sandbox: DemoConfig = {
  mode: "sandbox",
  appId: "1",
  configId: "2",
  graphVersion: "v26.0",
  sdkBase: "http://127.0.0.1:4010",
  allowedOrigins: ["http://127.0.0.1:4010"],
  bffUrl: "/wa",
  sandboxApi: "/sandbox-api",
};
const meta: DemoConfig = {
  ...sandbox,
  mode: "meta",
  sdkBase: "https://connect.facebook.net",
  allowedOrigins: null,
  sandboxApi: null,
};

describe("portal shell", () => {
  test("against the sandbox it offers the Sandbox page", () => {
    const html = renderToString(<App config={sandbox} />);
    expect(html).toContain('href="#/sandbox"');
    expect(html).toContain("Sandbox (fake Meta)");
  });

  test("against Meta there is no Sandbox page, and the customer page embeds the component", () => {
    const html = renderToString(<App config={meta} />);
    expect(html).not.toContain('href="#/sandbox"');
    expect(html).toContain('href="#/operator"');
    expect(html).toContain("wam-root");
  });
});
