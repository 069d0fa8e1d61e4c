import type { CallRecord, FakeGraphOptions, ScenarioName } from "@wa-migrate/sandbox";
import { createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { createMigrationBff } from "../app/create-migration-bff.js";
import type { MigrationBffOptions } from "../config/bff-options.js";
import { createLogger } from "../log/logger.js";
import { createMemoryStore } from "../store/memory-store.js";

/** A 32-byte test key (never used outside tests). */
export const TEST_KEY = `test:${Buffer.alloc(32, 9).toString("base64")}`;
export const GRAPH_BASE = "http://graph.sandbox.test";

/** One request the BFF sent to Graph, as it left our fetch (body unmasked, for OpenAPI checks). */
export interface SentRequest {
  method: string;
  url: URL;
  body: unknown;
}

/** A request Meta sent to another URL than the app's callback (an override's receiver). */
export interface ElsewhereRequest {
  method: string;
  url: URL;
  body: string;
}

/**
 * The BFF wired to an in-process sandbox in `scenario`: Graph calls go through `sandbox.fetch`,
 * backoff sleeps are recorded instead of waited, logs are kept in memory. The app's default
 * callback is the BFF's `POST /webhooks`, as a partner sets it in the App Dashboard; any other URL
 * (an override: the partner's own message receiver) is recorded in `elsewhere` and answers Meta's
 * challenge, so a test sees what Meta sends past the BFF.
 *
 * @example
 * const h = await bffWithSandbox("happy");
 * const signup = await h.signup();
 */
export async function bffWithSandbox(
  scenario: ScenarioName,
  overrides: Partial<MigrationBffOptions> = {},
  sandboxOptions: FakeGraphOptions = {},
) {
  // Meta's webhooks (signed by the sandbox with the app secret) to the app's callback go to the
  // BFF's POST /webhooks; Meta sends template and account webhooks nowhere else ("Webhook
  // overrides"), so a test that needs them at the BFF must not rely on an override.
  let deliver: (request: Request) => Promise<Response> = async () => new Response("ok");
  const graph = createFakeGraph({
    scenario,
    seed: 7,
    control: true,
    webhookFetch: (request) => deliver(request),
    ...sandboxOptions,
  });
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  const logs: string[] = [];
  const sent: SentRequest[] = [];
  const sleeps: number[] = [];
  const store = overrides.store ?? createMemoryStore();
  const options: MigrationBffOptions = {
    appId: partner.app_id,
    appSecret: partner.app_secret,
    systemToken: partner.system_token,
    businessId: partner.business_id,
    creditLineId: partner.credit_line_id,
    graphBaseUrl: GRAPH_BASE,
    encryptionKey: TEST_KEY,
    webhookVerifyToken: "verify-token-of-the-bff",
    store,
    logger: createLogger({ write: (line) => logs.push(line) }),
    fetch: async (input, init) => {
      sent.push({
        method: init.method ?? "GET",
        url: new URL(input),
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      });
      return graph.fetch(new Request(input, init));
    },
    graph: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    // One world clock: Meta's times (last_onboarded_time) and the journal's agree, and advancing
    // the sandbox moves both.
    clock: () => new Date(graph.sandbox.clock.now()),
    resumeOnStart: false,
    ...overrides,
  };
  const bff = createMigrationBff(options);
  const delivered: number[] = [];
  const elsewhere: ElsewhereRequest[] = [];
  deliver = async (request) => {
    const url = new URL(request.url);
    if (request.url.split("?")[0] !== graph.sandbox.state.partner.app.callbackUrl) {
      elsewhere.push({ method: request.method, url, body: await request.text() });
      return new Response(url.searchParams.get("hub.challenge") ?? "ok");
    }
    // Deliveries (POST) and Meta's callback verification (GET with hub.* query) both reach /webhooks.
    const response = await bff.request(`/webhooks${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === "GET" ? undefined : await request.arrayBuffer(),
    });
    delivered.push(response.status);
    return response;
  };
  return {
    graph,
    bff,
    store,
    partner,
    logs,
    sent,
    sleeps,
    options,
    /** HTTP statuses the BFF answered the sandbox's webhook deliveries with. */
    delivered,
    /** What Meta sent to URLs other than the app's callback (never seen by the BFF). */
    elsewhere,
    /** Finishes Embedded Signup in the sandbox (`force` past the popup's error screen). */
    async signup(
      body: {
        force?: boolean;
        finishEvent?: "FINISH" | "FINISH_ONLY_WABA";
        /** As if the Login dialog ran as a full page: Meta binds the code to this address. */
        redirectUri?: string;
      } = {},
    ) {
      const response = await graph.request("/__sandbox/signups", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status !== 201)
        throw new Error(`signup failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as {
        code: string;
        waba_id: string;
        phone_number_id?: string;
        business_id: string;
      };
    },
    /** The sandbox's call log. */
    async calls(): Promise<CallRecord[]> {
      return ((await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] })
        .data;
    },
    /** POST /migrations with a JSON body. */
    post(path: string, body: unknown, headers: Record<string, string> = {}) {
      return bff.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    },
  };
}
