import type { FacebookLoginOptions } from "./facebook-sdk.js";

/**
 * Embedded Signup versions whose `extras` keys differ (facts §1.3).
 *
 * @example
 * const version: EsVersion = "v4";
 */
export type EsVersion = "v4" | "v3" | "v2" | "v3-public-preview" | "v2-public-preview";

/**
 * What goes into `FB.login`'s `extras`. v4 (the default) sends `setup` (pre-fill, `solutionID`) and
 * the optional `featureType`/`features`; older versions add their own keys (`version`,
 * `sessionInfoVersion: "3"`, which v2 needs to send session messages at all).
 *
 * @example
 * const extras: SignupExtras = { setup: { business: { name: "Acme" } } };
 * const v2: SignupExtras = { esVersion: "v2", featureType: "only_waba_sharing" };
 */
export interface SignupExtras {
  esVersion?: EsVersion;
  /** Pre-fill data for Meta's screens (e.g. `{business: {name}}`, `solutionID`). */
  setup?: Record<string, unknown>;
  /** e.g. `whatsapp_business_app_onboarding`; absent = the default Cloud API flow. */
  featureType?: string;
  /** e.g. `[{name: "app_only_install"}]`. */
  features?: Array<{ name: string }>;
}

/**
 * Builds `FB.login` options for a Login for Business configuration: a code (not a token) and the
 * `extras` of the chosen Embedded Signup version.
 *
 * @example
 * FB.login(callback, buildLoginOptions("5678", { setup: { business: { name: "Acme" } } }));
 * // { config_id: "5678", response_type: "code", override_default_response_type: true, extras: { setup: {...} } }
 */
export function buildLoginOptions(
  configId: string,
  signupExtras: SignupExtras = {},
): FacebookLoginOptions {
  const { esVersion = "v4", setup, featureType, features } = signupExtras;
  const extras: Record<string, unknown> = { setup: setup ?? {} };
  if (featureType) extras.featureType = featureType;
  if (features) extras.features = features;
  switch (esVersion) {
    case "v4":
      break;
    case "v3":
    case "v3-public-preview":
      extras.version = esVersion;
      break;
    case "v2":
      extras.sessionInfoVersion = "3";
      break;
    case "v2-public-preview":
      extras.sessionInfoVersion = "3";
      extras.version = esVersion;
      break;
    default:
      esVersion satisfies never;
  }
  return {
    config_id: configId,
    response_type: "code",
    override_default_response_type: true,
    extras,
  };
}
