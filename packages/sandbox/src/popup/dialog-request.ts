/** Embedded Signup versions a Facebook Login for Business configuration can use (facts §1.3). */
export type EsVersion = "v4" | "v3" | "v3-public-preview" | "v2" | "v2-public-preview";

interface VersionRule {
  /** Required value of `extras.version`, or `undefined` when the key must be absent. */
  version: string | undefined;
  featureTypes: readonly string[];
  featureNames: readonly string[];
  /** Whether session messages need `extras.sessionInfoVersion: "3"` (only v2 and its preview). */
  sessionInfoRequired: boolean;
}

// Facts §1.3, table "extras keys by version".
const RULES: Record<EsVersion, VersionRule> = {
  v4: {
    version: undefined,
    featureTypes: ["whatsapp_business_app_onboarding"],
    featureNames: ["app_only_install"],
    sessionInfoRequired: false,
  },
  "v3-public-preview": {
    version: "v3-public-preview",
    featureTypes: ["whatsapp_business_app_onboarding"],
    featureNames: ["app_only_install", "marketing_messages_lite"],
    sessionInfoRequired: false,
  },
  v3: {
    version: "v3",
    featureTypes: ["whatsapp_business_app_onboarding"],
    featureNames: ["app_only_install", "marketing_messages_lite"],
    sessionInfoRequired: false,
  },
  "v2-public-preview": {
    version: "v2-public-preview",
    featureTypes: [
      "whatsapp_business_app_onboarding",
      "only_waba_sharing",
      "marketing_messages_lite",
    ],
    featureNames: [
      "whatsapp_business_app_onboarding",
      "only_waba_sharing",
      "marketing_messages_lite",
    ],
    sessionInfoRequired: true,
  },
  v2: {
    version: undefined,
    featureTypes: [
      "only_waba_sharing",
      "whatsapp_business_app_onboarding",
      "marketing_messages_lite",
    ],
    featureNames: ["marketing_messages_lite"],
    sessionInfoRequired: true,
  },
};

// `feature` is the v2-era key of Meta's older samples (`feature: "whatsapp_embedded_signup"`).
const KNOWN_EXTRAS = [
  "setup",
  "featureType",
  "features",
  "version",
  "sessionInfoVersion",
  "feature",
];

/** What the partner configured in Meta's App Dashboard, as far as the dialog checks it. */
export interface DialogPartner {
  appId: string;
  configs: ReadonlyArray<{ id: string; esVersion: EsVersion }>;
}

/** A Login dialog request the sandbox accepted. */
export interface DialogRequest {
  appId: string;
  configId: string;
  esVersion: EsVersion;
  /** `popup`: launched by `FB.login`; `page`: full-page redirect (manual login flow). */
  display: "popup" | "page";
  /** The opener's origin, the target of `postMessage` (popup only). */
  openerOrigin: string | undefined;
  redirectUri: string | undefined;
  state: string | undefined;
  locale: string | undefined;
  /** Whether the popup posts `WA_EMBEDDED_SIGNUP` session messages. */
  sessionMessages: boolean;
  featureType: string | undefined;
  /** `extras.features[].name` (e.g. `app_only_install`), checked against the ES version. */
  features: string[];
  setup: Record<string, unknown>;
}

/** Result of {@link parseDialogRequest}. */
export type DialogRequestResult =
  | { ok: true; request: DialogRequest }
  | { ok: false; message: string };

function parseExtras(raw: string | undefined): Record<string, unknown> | string {
  if (raw === undefined || raw === "") return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through to the error below
  }
  return "extras must be a JSON object.";
}

function checkExtras(extras: Record<string, unknown>, esVersion: EsVersion): string | undefined {
  const rule = RULES[esVersion];
  const unknown = Object.keys(extras).filter((key) => !KNOWN_EXTRAS.includes(key));
  if (unknown.length > 0) return `extras has unknown keys: ${unknown.join(", ")}.`;
  if (extras.version !== rule.version) {
    return rule.version === undefined
      ? `extras.version must be left out for an Embedded Signup ${esVersion} configuration.`
      : `extras.version must be "${rule.version}" for an Embedded Signup ${esVersion} configuration.`;
  }
  const { featureType, features, setup, sessionInfoVersion } = extras;
  if (
    featureType !== undefined &&
    featureType !== "" &&
    !rule.featureTypes.includes(String(featureType))
  ) {
    return `extras.featureType "${String(featureType)}" is not available in Embedded Signup ${esVersion}.`;
  }
  if (features !== undefined) {
    if (!Array.isArray(features)) return "extras.features must be an array of {name} objects.";
    for (const feature of features) {
      const name = (feature as { name?: unknown } | null)?.name;
      if (typeof name !== "string" || !rule.featureNames.includes(name)) {
        return `extras.features name "${String(name)}" is not available in Embedded Signup ${esVersion}.`;
      }
    }
  }
  if (
    setup !== undefined &&
    (typeof setup !== "object" || setup === null || Array.isArray(setup))
  ) {
    return "extras.setup must be an object.";
  }
  if (sessionInfoVersion !== undefined && String(sessionInfoVersion) !== "3") {
    return 'extras.sessionInfoVersion must be "3".';
  }
  return undefined;
}

/**
 * Checks a Login dialog query the way Meta does before showing Embedded Signup: a known app,
 * a known configuration of that app, `response_type=code` with
 * `override_default_response_type=true`, and `extras` valid for the configuration's ES version.
 *
 * @example
 * parseDialogRequest(new URLSearchParams("client_id=1&config_id=2&response_type=code"), partner);
 * // { ok: false, message: "override_default_response_type must be true ..." }
 */
export function parseDialogRequest(
  query: URLSearchParams,
  partner: DialogPartner,
): DialogRequestResult {
  const fail = (message: string): DialogRequestResult => ({ ok: false, message });
  const appId = query.get("client_id") ?? query.get("app_id") ?? "";
  if (appId === "") return fail("The Login dialog needs client_id (your app ID).");
  if (appId !== partner.appId) return fail(`Invalid App ID: ${appId} is not a known app.`);
  const configId = query.get("config_id") ?? "";
  if (configId === "")
    return fail("Embedded Signup needs config_id (a Facebook Login for Business configuration).");
  const config = partner.configs.find((candidate) => candidate.id === configId);
  if (!config)
    return fail(`Invalid config_id: ${configId} is not a configuration of app ${appId}.`);
  if (query.get("response_type") !== "code") {
    return fail('response_type must be "code" to get a code for a business token.');
  }
  if (query.get("override_default_response_type") !== "true") {
    return fail('override_default_response_type must be true together with response_type "code".');
  }
  const extras = parseExtras(query.get("extras") ?? undefined);
  if (typeof extras === "string") return fail(extras);
  const extrasError = checkExtras(extras, config.esVersion);
  if (extrasError) return fail(extrasError);
  const display = query.get("display") === "popup" ? "popup" : "page";
  const redirectUri = query.get("redirect_uri") ?? undefined;
  if (display === "page" && !isHttpUrl(redirectUri)) {
    return fail(
      "redirect_uri must be an absolute http(s) URL when the dialog is opened as a page.",
    );
  }
  const openerOrigin = query.get("origin") ?? undefined;
  if (display === "popup" && !isHttpUrl(openerOrigin)) {
    return fail("origin must be the http(s) origin of the page that opened the popup.");
  }
  const rule = RULES[config.esVersion];
  return {
    ok: true,
    request: {
      appId,
      configId,
      esVersion: config.esVersion,
      display,
      openerOrigin: openerOrigin ? new URL(openerOrigin).origin : undefined,
      redirectUri,
      state: query.get("state") ?? undefined,
      locale: query.get("locale") ?? undefined,
      sessionMessages: !rule.sessionInfoRequired || String(extras.sessionInfoVersion) === "3",
      featureType:
        typeof extras.featureType === "string" && extras.featureType !== ""
          ? extras.featureType
          : undefined,
      features: Array.isArray(extras.features)
        ? extras.features.map((feature) => String((feature as { name: unknown }).name))
        : [],
      setup: (extras.setup as Record<string, unknown> | undefined) ?? {},
    },
  };
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
