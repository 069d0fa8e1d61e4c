import { describe, expect, test } from "vitest";
import { type DialogPartner, parseDialogRequest } from "./dialog-request.js";

const partner: DialogPartner = {
  appId: "100",
  configs: [
    { id: "4", esVersion: "v4" },
    { id: "3", esVersion: "v3" },
    { id: "2", esVersion: "v2" },
    { id: "22", esVersion: "v2-public-preview" },
  ],
};

function query(
  config: string,
  extras: unknown,
  more: Record<string, string> = {},
): URLSearchParams {
  return new URLSearchParams({
    client_id: "100",
    config_id: config,
    response_type: "code",
    override_default_response_type: "true",
    display: "popup",
    origin: "https://partner.example",
    ...(extras === undefined ? {} : { extras: JSON.stringify(extras) }),
    ...more,
  });
}

describe("parseDialogRequest", () => {
  test.each([
    ["v4 with setup", "4", { setup: {} }],
    ["v4 with app_only_install", "4", { setup: {}, features: [{ name: "app_only_install" }] }],
    ["v4 with coexistence", "4", { featureType: "whatsapp_business_app_onboarding" }],
    ["v3 with its version", "3", { setup: {}, version: "v3", sessionInfoVersion: "3" }],
    ["v2 without extras", "2", undefined],
    ["v2 with only_waba_sharing", "2", { featureType: "only_waba_sharing", sessionInfoVersion: 3 }],
    ["v2 with Meta's older feature key", "2", { feature: "whatsapp_embedded_signup" }],
    ["v2 public preview", "22", { version: "v2-public-preview", sessionInfoVersion: "3" }],
  ])("accepts %s", (_name, config, extras) => {
    expect(parseDialogRequest(query(config, extras), partner).ok).toBe(true);
  });

  test.each([
    [
      "an unknown app",
      new URLSearchParams({ client_id: "7" }),
      "Invalid App ID: 7 is not a known app.",
    ],
    ["no config_id", new URLSearchParams({ client_id: "100" }), "Embedded Signup needs config_id"],
    [
      "an unknown config",
      query("9", undefined),
      "Invalid config_id: 9 is not a configuration of app 100.",
    ],
    [
      "response_type token",
      query("4", undefined, { response_type: "token" }),
      'response_type must be "code"',
    ],
    [
      "no override",
      query("4", undefined, { override_default_response_type: "false" }),
      "override_default_response_type must be true",
    ],
    [
      "extras that are not JSON",
      query("4", undefined, { extras: "{" }),
      "extras must be a JSON object.",
    ],
    [
      "an unknown extras key",
      query("4", { setup: {}, colour: "blue" }),
      "extras has unknown keys: colour.",
    ],
    ["a version on v4", query("4", { version: "v4" }), "extras.version must be left out"],
    ["v3 without its version", query("3", { setup: {} }), 'extras.version must be "v3"'],
    ["a version on v2", query("2", { version: "v3" }), "extras.version must be left out"],
    [
      "only_waba_sharing on v3",
      query("3", { version: "v3", featureType: "only_waba_sharing" }),
      "is not available in Embedded Signup v3",
    ],
    [
      "a v3 feature on v2",
      query("2", { features: [{ name: "app_only_install" }] }),
      "is not available in Embedded Signup v2",
    ],
    [
      "features not an array",
      query("4", { features: "app_only_install" }),
      "extras.features must be an array",
    ],
    [
      "sessionInfoVersion 2",
      query("2", { sessionInfoVersion: "2" }),
      'extras.sessionInfoVersion must be "3".',
    ],
    [
      "a page without redirect_uri",
      query("4", undefined, { display: "page" }),
      "redirect_uri must be an absolute http(s) URL",
    ],
    [
      "a popup without origin",
      query("4", undefined, { origin: "javascript:alert(1)" }),
      "origin must be the http(s) origin",
    ],
  ])("refuses %s", (_name, input, message) => {
    const result = parseDialogRequest(input, partner);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  test.each([
    ["v4", "4", {}, true],
    ["v3", "3", { version: "v3" }, true],
    ["v2 without sessionInfoVersion", "2", {}, false],
    ["v2 with sessionInfoVersion '3'", "2", { sessionInfoVersion: "3" }, true],
    ["v2 with sessionInfoVersion 3 (number)", "2", { sessionInfoVersion: 3 }, true],
  ])("session messages on %s: %s", (_name, config, extras, expected) => {
    const result = parseDialogRequest(query(config, extras), partner);
    expect(result.ok && result.request.sessionMessages).toBe(expected);
  });
});
