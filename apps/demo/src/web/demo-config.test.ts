import { describe, expect, test } from "vitest";
import { parseDemoConfig, sdkUrlFor } from "./demo-config.js";
import { routeFromHash } from "./use-hash-route.js";

const valid = {
  mode: "sandbox",
  appId: "1",
  configId: "2",
  graphVersion: "v26.0",
  sdkBase: "http://127.0.0.1:4010",
  allowedOrigins: ["http://127.0.0.1:4010"],
  bffUrl: "/wa",
  sandboxApi: "/sandbox-api",
};

describe("demo config", () => {
  test("a valid config parses", () => {
    expect(parseDemoConfig(valid)).toEqual(valid);
  });

  test.each([
    [{ ...valid, appId: "" }, "appId is missing"],
    [{ ...valid, mode: "prod" }, "mode is invalid"],
    [{ ...valid, allowedOrigins: [1] }, "allowedOrigins is invalid"],
    [{ ...valid, sandboxApi: 3 }, "sandboxApi is invalid"],
    [null, "not an object"],
  ])("%j is refused: %s", (input, message) => {
    expect(() => parseDemoConfig(input)).toThrow(message);
  });

  test.each([
    ["en", "https://connect.facebook.net/en_US/sdk.js"],
    ["de", "https://connect.facebook.net/de_DE/sdk.js"],
  ] as const)("the %s SDK is Meta's locale path", (locale, url) => {
    expect(sdkUrlFor({ sdkBase: "https://connect.facebook.net/" }, locale)).toBe(url);
  });

  test.each([
    ["", "customer"],
    ["#/operator", "operator"],
    ["#/sandbox", "sandbox"],
    ["#/elsewhere", "customer"],
  ])("hash %j is the %s page", (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });
});
