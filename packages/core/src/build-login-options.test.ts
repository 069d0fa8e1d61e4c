import { expect, test } from "vitest";
import { buildLoginOptions, type SignupExtras } from "./build-login-options.js";

const base = { config_id: "5678", response_type: "code", override_default_response_type: true };

test.each<[string, SignupExtras, Record<string, unknown>]>([
  ["v4 by default: setup only", {}, { setup: {} }],
  [
    "v4 with pre-fill",
    { setup: { business: { name: "Acme" } } },
    { setup: { business: { name: "Acme" } } },
  ],
  [
    "v4 with features",
    { featureType: "whatsapp_business_app_onboarding", features: [{ name: "app_only_install" }] },
    {
      setup: {},
      featureType: "whatsapp_business_app_onboarding",
      features: [{ name: "app_only_install" }],
    },
  ],
  ["v3 adds version", { esVersion: "v3" }, { setup: {}, version: "v3" }],
  [
    "v3 public preview",
    { esVersion: "v3-public-preview" },
    { setup: {}, version: "v3-public-preview" },
  ],
  [
    "v2 adds sessionInfoVersion 3 and no version",
    { esVersion: "v2", featureType: "only_waba_sharing" },
    { setup: {}, featureType: "only_waba_sharing", sessionInfoVersion: "3" },
  ],
  [
    "v2 public preview",
    { esVersion: "v2-public-preview" },
    { setup: {}, sessionInfoVersion: "3", version: "v2-public-preview" },
  ],
])("%s", (_name, extras, expected) => {
  expect(buildLoginOptions("5678", extras)).toEqual({ ...base, extras: expected });
});
