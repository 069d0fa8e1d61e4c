import { createHmac } from "node:crypto";
import { ERROR_CATALOG, PROBLEM_JSON } from "@wa-migrate/contracts";
import * as fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { createMemoryStore } from "../../src/store/memory-store.js";
import type { MigrationStore } from "../../src/store/migration-store.js";
import { bffWithSandbox } from "../../src/test-support/bff-with-sandbox.js";
import { reportFigure } from "./report-figure.js";

// Bad input (issue 9): every BFF endpoint, headers and bodies, fuzzed in process through
// app.request(). Never a 5xx; every 4xx is problem+json with a code from the catalog; a refused
// request leaves the journal exactly as it was. `npm run soak` sets RELIABILITY_FUZZ_RUNS=10000.
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 1000);
const TENANTS = ["acme", "globex"] as const;

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

let h: Awaited<ReturnType<typeof bffWithSandbox>>;
let store: MigrationStore;
let acmeId: string;
let globexId: string;
/** Sandbox webhooks reach the BFF only while seeding: later they would change the journal mid-check. */
let webhooksOn = true;

/** Everything the journal holds that a request could change. */
async function journal() {
  const migrations = (await store.listMigrations({ limit: 100 })).items;
  const secrets = await Promise.all(
    migrations.map(async (m) => [
      await store.getSecret(m.id, "business_token"),
      await store.getSecret(m.id, "pin"),
    ]),
  );
  // As one string: comparing it is far cheaper than a deep equality, 14,000 times over.
  return JSON.stringify({
    migrations,
    secrets,
    // Event tables are append-only: their ids say whether a row was added.
    signupEvents: (await Promise.all(TENANTS.map((t) => store.listSignupEvents(t, 200)))).map(
      (events) => events.map((e) => e.id),
    ),
    webhookEvents: (await store.listWebhookEvents({ limit: 200 })).map((e) => e.id),
  });
}

async function seedMigration(tenant: string): Promise<string> {
  const signup = await h.signup();
  const response = await h.post(
    "/migrations",
    { code: signup.code, wabaId: signup.waba_id, phoneNumberId: signup.phone_number_id },
    { authorization: `Bearer ${tenant}` },
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  store = createMemoryStore();
  h = await bffWithSandbox(
    "happy",
    {
      store,
      authorize: (c) =>
        /^Bearer (acme|globex)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? null,
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
    },
    {
      webhookFetch: async (request) =>
        webhooksOn
          ? h.bff.request("/webhooks", {
              method: "POST",
              headers: request.headers,
              body: await request.arrayBuffer(),
            })
          : new Response("ok"),
    },
  );
  acmeId = await seedMigration("acme");
  globexId = await seedMigration("globex");
  await h.bff.idle();
  await h.graph.sandbox.advance(48 * 3600_000);
  await h.graph.sandbox.settle();
  webhooksOn = false;
  await h.post(
    "/signup-events",
    { event: "CANCEL", currentStep: "PHONE_NUMBER_SETUP" },
    { authorization: "Bearer acme" },
  );
}, 60_000);

/** Sends one fuzzed request and checks the three properties. */
async function check(sent: Sent): Promise<void> {
  await h.bff.idle();
  const before = await journal();
  const response = await h.bff.request(sent.path, {
    method: sent.method,
    headers: sent.headers,
    ...(sent.body !== undefined && sent.method !== "GET" && sent.method !== "HEAD"
      ? { body: sent.body }
      : {}),
  });
  const what = `${sent.method} ${sent.path} -> ${response.status}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status < 400) {
    // An open SSE stream: its first event is enough; cancelling ends the handler's loop.
    await response.body?.cancel();
    await h.bff.idle();
    return;
  }
  expect(response.headers.get("content-type"), what).toBe(PROBLEM_JSON);
  // A HEAD answer has the GET answer's headers and, by HTTP, no body.
  if (sent.method !== "HEAD") {
    const problem = (await response.json()) as { code: string; status: number };
    expect(Object.keys(ERROR_CATALOG), what).toContain(problem.code);
    expect(problem.status, what).toBe(response.status);
  }
  expect((await journal()) === before, `${what}: the journal changed`).toBe(true);
}

// ---- arbitraries ---------------------------------------------------------------------------
const visible = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const latin1 = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
});
const headerValue = fc.oneof(visible, latin1);
const headerName = fc.oneof(
  fc.constantFrom(
    "content-type",
    "content-length",
    "authorization",
    "idempotency-key",
    "last-event-id",
    "x-request-id",
    "x-hub-signature-256",
    "origin",
    "accept",
    "cookie",
    "transfer-encoding",
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
);
const extraHeaders = fc.dictionary(headerName, headerValue, { maxKeys: 4 });
const auth = fc.oneof(
  { weight: 8, arbitrary: fc.constant("Bearer acme") },
  { weight: 2, arbitrary: fc.constant("Bearer globex") },
  { weight: 1, arbitrary: headerValue },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/problem+json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ),
  },
  { weight: 1, arbitrary: headerValue },
);
/** Headers: usually valid auth and content type (to get past them), sometimes anything. */
const headers = fc
  .record({ auth, type: contentType, extra: extraHeaders })
  .map(({ auth, type, extra }) => ({
    ...extra,
    ...(auth === undefined ? {} : { authorization: auth }),
    "content-type": type,
  }));
const graphId = fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.string({ maxLength: 30 }));
const anyJson = fc.jsonValue({ maxDepth: 4 });
/** Almost a valid create body: right keys with values of any type, plus strays. */
const createBody = fc.record(
  {
    code: fc.oneof(fc.string({ maxLength: 3000 }), anyJson),
    wabaId: fc.oneof(graphId, anyJson),
    phoneNumberId: fc.oneof(graphId, anyJson),
    businessId: fc.oneof(graphId, anyJson),
    sourceWabaId: fc.oneof(graphId, anyJson),
    stray: anyJson,
  },
  { requiredKeys: [] },
);
const signupEventBody = fc.record(
  {
    event: fc.oneof(
      fc.constantFrom("CANCEL", "ERROR", "POPUP_BLOCKED", "POPUP_CLOSED", "TIMEOUT"),
      anyJson,
    ),
    currentStep: fc.oneof(fc.constantFrom("PHONE_NUMBER_SETUP", "WABA_SETUP"), anyJson),
    errorMessage: fc.oneof(fc.string({ maxLength: 2100 }), anyJson),
    errorId: fc.oneof(fc.string({ maxLength: 120 }), anyJson),
    sessionId: fc.string({ maxLength: 220 }),
    timestamp: fc.string({ maxLength: 40 }),
    migrationId: fc.oneof(fc.string({ maxLength: 120 }), anyJson),
    stray: anyJson,
  },
  { requiredKeys: [] },
);
const templatesBody = fc.record(
  { templateIds: fc.oneof(fc.array(graphId, { maxLength: 3 }), anyJson), stray: anyJson },
  { requiredKeys: [] },
);
/** A body: one of the shapes the route expects (near-valid), any JSON, any text, any bytes. */
const bodyOf = (nearValid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: nearValid.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array(b)) },
  );
/** A migration id: ours, another tenant's, or anything (percent-encoded or raw). */
const migrationId = fc.oneof(
  fc.constant("<acme>"),
  fc.constant("<globex>"),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.stringMatching(/^[\w%.~-]{1,40}$/),
);
const idPath = (id: string) => (id === "<acme>" ? acmeId : id === "<globex>" ? globexId : id);
const query = (keys: string[]) =>
  fc
    .dictionary(
      fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })),
      fc.string({ maxLength: 60 }),
      {
        maxKeys: 4,
      },
    )
    .map((q) => {
      const s = new URLSearchParams(q).toString();
      return s ? `?${s}` : "";
    });
const webhookEnvelope = fc.record(
  {
    object: fc.oneof(fc.constant("whatsapp_business_account"), anyJson),
    entry: fc.oneof(
      fc.array(
        fc.record(
          {
            id: fc.oneof(graphId, anyJson),
            time: fc.oneof(fc.integer(), anyJson),
            changes: fc.oneof(
              fc.array(
                fc.record(
                  {
                    field: fc.oneof(
                      fc.constantFrom(
                        "message_template_status_update",
                        "message_template_quality_update",
                        "template_category_update",
                        "account_update",
                      ),
                      fc.string(),
                    ),
                    value: anyJson,
                  },
                  { requiredKeys: [] },
                ),
                { maxLength: 3 },
              ),
              anyJson,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);

/** Endpoint name → arbitrary request. */
const ENDPOINTS: [string, fc.Arbitrary<Sent>][] = [
  [
    "POST /migrations",
    fc
      .record({
        headers,
        body: bodyOf(createBody),
        key: fc.option(headerValue, { nil: undefined }),
      })
      .map(({ headers, body, key }) => ({
        method: "POST",
        path: "/migrations",
        headers: key === undefined ? headers : { ...headers, "idempotency-key": key },
        body,
      })),
  ],
  [
    "GET /migrations",
    fc.record({ headers, q: query(["status", "cursor", "limit"]) }).map(({ headers, q }) => ({
      method: "GET",
      path: `/migrations${q}`,
      headers,
    })),
  ],
  [
    "GET /migrations/:id",
    fc.record({ headers, id: migrationId }).map(({ headers, id }) => ({
      method: "GET",
      path: `/migrations/${idPath(id)}`,
      headers,
    })),
  ],
  [
    "GET /migrations/:id/events (SSE)",
    fc
      .record({ headers, id: migrationId, last: fc.option(headerValue, { nil: undefined }) })
      .map(({ headers, id, last }) => ({
        method: "GET",
        path: `/migrations/${idPath(id)}/events`,
        headers: last === undefined ? headers : { ...headers, "last-event-id": last },
      })),
  ],
  [
    "POST /migrations/:id/retry",
    fc.record({ headers, id: migrationId, body: bodyOf(anyJson) }).map(({ headers, id, body }) => ({
      method: "POST",
      path: `/migrations/${idPath(id)}/retry`,
      headers,
      body,
    })),
  ],
  [
    "POST /migrations/:id/templates",
    fc
      .record({ headers, id: migrationId, body: bodyOf(templatesBody) })
      .map(({ headers, id, body }) => ({
        method: "POST",
        path: `/migrations/${idPath(id)}/templates`,
        headers,
        body,
      })),
  ],
  [
    "POST /signup-events",
    fc.record({ headers, body: bodyOf(signupEventBody) }).map(({ headers, body }) => ({
      method: "POST",
      path: "/signup-events",
      headers,
      body,
    })),
  ],
  [
    "GET /signup-events",
    fc.record({ headers, q: query(["limit"]) }).map(({ headers, q }) => ({
      method: "GET",
      path: `/signup-events${q}`,
      headers,
    })),
  ],
  [
    "GET /webhooks (hub challenge)",
    fc
      .record({
        headers,
        mode: fc.oneof(fc.constant("subscribe"), fc.string({ maxLength: 20 })),
        token: fc.oneof(fc.constant("verify-token-of-the-bff"), fc.string({ maxLength: 40 })),
        challenge: fc.string({ maxLength: 40 }),
      })
      .map(({ headers, mode, token, challenge }) => ({
        method: "GET",
        path: `/webhooks?${new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": challenge })}`,
        headers,
      })),
  ],
  [
    "POST /webhooks (forged signature)",
    fc
      .record({
        headers,
        body: bodyOf(webhookEnvelope),
        signature: fc.oneof(
          headerValue,
          fc.stringMatching(/^[0-9a-f]{64}$/).map((hex) => `sha256=${hex}`),
        ),
      })
      .map(({ headers, body, signature }) => ({
        method: "POST",
        path: "/webhooks",
        headers: { ...headers, "x-hub-signature-256": signature },
        body,
      })),
  ],
  [
    "POST /webhooks (signed with the app secret)",
    fc.record({ headers, body: bodyOf(webhookEnvelope) }).map(({ headers, body }) => ({
      method: "POST",
      path: "/webhooks",
      headers: {
        ...headers,
        "x-hub-signature-256": `sha256=${createHmac("sha256", h.partner.app_secret).update(body).digest("hex")}`,
      },
      body,
    })),
  ],
  [
    "GET /webhook-events",
    fc.record({ headers, q: query(["wabaId", "limit"]) }).map(({ headers, q }) => ({
      method: "GET",
      path: `/webhook-events${q}`,
      headers,
    })),
  ],
  [
    "GET /health, /doctor, /openapi.json",
    fc
      .record({ headers, path: fc.constantFrom("/health", "/doctor", "/openapi.json") })
      .map(({ headers, path }) => ({ method: "GET", path, headers })),
  ],
  [
    "any method, any path",
    fc
      .record({
        headers,
        method: fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
        path: fc.oneof(
          fc.constantFrom(
            "/migrations",
            "/migrations/<acme>",
            "/migrations/<acme>/events",
            "/signup-events",
            "/webhooks",
            "/health",
          ),
          fc.webPath(),
          fc.stringMatching(/^\/[\w%./~-]{0,60}$/),
        ),
        body: bodyOf(anyJson),
      })
      .map(({ headers, method, path, body }) => ({
        method,
        path: path.replace("<acme>", acmeId),
        headers,
        body,
      })),
  ],
];

describe(`bad input: ${RUNS} fuzzed requests per endpoint`, () => {
  test.each(ENDPOINTS)(
    "%s: never a 5xx, problem+json with a catalog code, journal unchanged",
    async (name, arbitrary) => {
      await fc.assert(
        fc.asyncProperty(arbitrary, (sent) => check(sent)),
        { numRuns: RUNS },
      );
      // Reached only when every run held: no 5xx among them.
      reportFigure("fuzz", { endpoint: name, runs: RUNS, fiveHundreds: 0 });
    },
    // The soak's 10,000 runs per endpoint take minutes on a busy machine.
    Math.max(120_000, RUNS * 100),
  );
});
