// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
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

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

test("with ?lang=de the portal's chrome is German and the document says so", () => {
  window.history.replaceState(null, "", "/?lang=de#/customer");
  render(<App config={sandbox} />);
  expect(document.documentElement.lang).toBe("de");
  expect(document.title).toBe("Kundenportal · Brightline Messaging");
  expect(screen.getByRole("link", { name: "Zum Inhalt springen" }).getAttribute("href")).toBe(
    "#demo-main",
  );
  const nav = screen.getByRole("navigation", { name: "Demo-Seiten" });
  expect(nav.textContent).toContain("Kundenportal");
  expect(screen.getByText("Sandbox (nachgebildetes Meta)")).toBeTruthy();
  expect(screen.getByRole("main").hasAttribute("lang")).toBe(false);
});

test("a staff page reached from the German portal is marked English inside German chrome", () => {
  window.history.replaceState(null, "", "/?lang=de#/operator");
  render(<App config={sandbox} />);
  expect(document.documentElement.lang).toBe("de");
  expect(screen.getByRole("main").getAttribute("lang")).toBe("en");
  expect(screen.getByRole("link", { name: "Operator" }).getAttribute("hreflang")).toBe("en");
  expect(screen.getByRole("link", { name: "Kundenportal" }).hasAttribute("hreflang")).toBe(false);
});

test("without ?lang the chrome is English", () => {
  window.history.replaceState(null, "", "/#/customer");
  render(<App config={sandbox} />);
  expect(document.documentElement.lang).toBe("en");
  expect(screen.getByRole("link", { name: "Skip to content" })).toBeTruthy();
  expect(screen.getByRole("navigation", { name: "Demo pages" }).textContent).toContain(
    "Customer portal",
  );
});
