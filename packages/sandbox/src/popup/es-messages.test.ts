import { GRAPH_VERSION, parseEmbeddedSignupMessage } from "@wa-migrate/contracts";
import { beforeEach, describe, expect, test } from "vitest";
import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";

// The session message the popup posts when it finishes, per flow, read over HTTP (app.request)
// from the end page's instructions, which the popup script posts as they are.

let graph: FakeGraph;
let partner: { app_id: string; config_ids: { v2: string; v3: string; v4: string } };
let state: {
  customer: { businessId: string; phoneId: string };
  phones: { id: string; cc: string; phoneNumber: string }[];
};

beforeEach(async () => {
  graph = createFakeGraph({ control: true, seed: 3 });
  partner = await (await graph.request("/__sandbox/partner")).json();
  state = await (await graph.request("/__sandbox/state")).json();
});

async function openPopup(configId: string, extras: unknown): Promise<string> {
  const query = new URLSearchParams({
    client_id: partner.app_id,
    config_id: configId,
    response_type: "code",
    override_default_response_type: "true",
    display: "popup",
    origin: "https://partner.example",
    extras: JSON.stringify(extras),
  });
  const response = await graph.request(`/${GRAPH_VERSION}/dialog/oauth?${query}`);
  expect(response.status).toBe(200);
  return (await response.text()).match(/action="(\/dialog\/embedded-signup\/\d+)"/)?.[1] ?? "";
}

function post(path: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    graph.request(path, { method: "POST", body: new URLSearchParams(fields) }),
  );
}

/** Walks the screens with the customer's number; returns what the end page posts. */
async function finish(path: string): Promise<string[]> {
  const phone = state.phones.find((p) => p.id === state.customer.phoneId);
  const number = `+${phone?.cc}${phone?.phoneNumber}`;
  await post(path, { action: "next", business: state.customer.businessId });
  await post(path, { action: "next", wabaName: "Wind & Wool Shop" });
  await post(path, { action: "next", displayName: "Wind & Wool", category: "RETAIL" });
  // The first Next warns that the registered number will move; the second goes on.
  await post(path, { action: "next", phoneNumber: number, method: "sms" });
  await post(path, { action: "next", phoneNumber: number, method: "sms" });
  const html = await (await post(path, { action: "next" })).text();
  const json =
    html.match(/<script type="application\/json" id="wa-sandbox-end">(.*?)<\/script>/s)?.[1] ??
    "{}";
  return (JSON.parse(json) as { posts: string[] }).posts;
}

describe("the finish message follows the flow the page asked for", () => {
  // Meta names the finish after the flow the page asked for (facts §1.3, §1.5): coexistence
  // onboarding ends with FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING and the WABA only; the
  // app_only_install feature with FINISH_GRANT_ONLY_API_ACCESS and all three ids.
  test.each([
    {
      config: "v4",
      extras: {},
      event: "FINISH",
      keys: ["business_id", "phone_number_id", "waba_id"],
      version: undefined,
    },
    {
      config: "v4",
      extras: { featureType: "whatsapp_business_app_onboarding" },
      event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
      keys: ["waba_id"],
      version: 3,
    },
    {
      config: "v3",
      extras: { version: "v3", featureType: "whatsapp_business_app_onboarding" },
      event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
      keys: ["waba_id"],
      version: 3,
    },
    {
      config: "v4",
      extras: { features: [{ name: "app_only_install" }] },
      event: "FINISH_GRANT_ONLY_API_ACCESS",
      keys: ["business_id", "phone_number_id", "waba_id"],
      version: undefined,
    },
    {
      config: "v3",
      extras: { version: "v3", features: [{ name: "app_only_install" }] },
      event: "FINISH_GRANT_ONLY_API_ACCESS",
      keys: ["business_id", "phone_number_id", "waba_id"],
      version: 3,
    },
    {
      config: "v3",
      extras: { version: "v3", features: [{ name: "marketing_messages_lite" }] },
      event: "FINISH",
      keys: ["business_id", "phone_number_id", "waba_id"],
      version: 3,
    },
  ] as const)(
    "$config extras $extras.featureType $extras.features.0.name finishes with $event",
    async (row) => {
      const posts = await finish(await openPopup(partner.config_ids[row.config], row.extras));
      const parsed = parseEmbeddedSignupMessage(posts[0]);
      expect(parsed.ok && parsed.message.event).toBe(row.event);
      const message = JSON.parse(posts[0] ?? "{}");
      expect(Object.keys(message.data).sort()).toEqual(row.keys);
      expect(message.data.waba_id).toMatch(/^\d+$/);
      expect(message.version).toBe(row.version);
      // The code reaches FB.login's callback whatever the flow.
      expect(JSON.parse(posts[1] ?? "{}")).toMatchObject({ kind: "auth" });
    },
  );
});
