import {
  DoctorResponseSchema,
  HealthResponseSchema,
  SignupEventSchema,
} from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

describe("GET /health and GET /doctor", () => {
  test("health is ok when the store and Graph answer", async () => {
    const h = await bffWithSandbox("happy");
    const response = await h.bff.request("/health");
    expect(response.status).toBe(200);
    expect(HealthResponseSchema.parse(await response.json())).toEqual({
      status: "ok",
      store: true,
      graph: true,
    });
  });

  test("health is 503 degraded when the store is down or Graph unreachable", async () => {
    const store = createMemoryStore();
    await store.close();
    const h = await bffWithSandbox("happy", {
      store,
      fetch: async () => Promise.reject(new TypeError("fetch failed")),
    });
    const response = await h.bff.request("/health");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "degraded", store: false, graph: false });
  });

  test("a request while the journal is down is 503 store_unavailable, not an internal error", async () => {
    const store = createMemoryStore();
    await store.close();
    const h = await bffWithSandbox("happy", { store });
    const response = await h.bff.request("/migrations/mig_missing");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "store_unavailable", status: 503 });
  });

  test("doctor passes a correct configuration", async () => {
    const h = await bffWithSandbox("happy");
    const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
    expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
      ["app_credentials", true],
      ["system_token", true],
      ["system_user", true],
      ["credit_line", true],
      ["webhook_callback", true],
      ["webhook_fields", true],
    ]);
    expect(report.ok).toBe(true);
    const [call] = (await h.calls()).filter((c) => c.operation === "getAppSubscriptions");
    expect(call).toMatchObject({
      method: "GET",
      path: `/${h.partner.app_id}/subscriptions`,
      status: 200,
    });
  });

  test("doctor reports an app without a default webhook callback and names the dashboard setting", async () => {
    const h = await bffWithSandbox("no-default-webhook");
    const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
    expect(report.ok).toBe(false);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId.app_credentials?.ok).toBe(true);
    expect(byId.webhook_callback?.ok).toBe(false);
    expect(byId.webhook_callback?.remedy).toContain("App Dashboard > WhatsApp > Configuration");
    expect(byId.webhook_fields?.ok).toBe(false);
  });

  test("doctor names the system user the kit adds to each new account", async () => {
    const h = await bffWithSandbox("happy");
    const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
    expect(report.checks.find((c) => c.id === "system_user")).toEqual({
      id: "system_user",
      ok: true,
      message: `System user ${h.partner.system_user_id} is added to each new account before the credit share.`,
    });
  });

  test("doctor refuses a systemUserId that is not the system token's user (the wrong user would be added)", async () => {
    const h = await bffWithSandbox("happy", { systemUserId: "61550000000001" });
    const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
    expect(report.ok).toBe(false);
    const check = report.checks.find((c) => c.id === "system_user");
    expect(check).toMatchObject({
      ok: false,
      message: `systemUserId 61550000000001 is not the system token's user (${h.partner.system_user_id}).`,
    });
    expect(check?.remedy).toContain("systemUserId");
  });

  test("doctor refuses a person's token as the system token", async () => {
    const h = await bffWithSandbox("happy");
    const token = h.graph.sandbox.state.tokens.get(h.partner.system_token);
    if (token) token.type = "USER";
    const report = DoctorResponseSchema.parse(await (await h.bff.request("/doctor")).json());
    expect(report.checks.find((c) => c.id === "system_user")).toMatchObject({
      ok: false,
      message: "The system token is a USER token, not a system user's.",
    });
  });

  test("doctor names what to fix, without echoing secrets", async () => {
    const h = await bffWithSandbox("happy", {
      appSecret: "wrong-secret-value",
      creditLineId: "1234",
    });
    const response = await h.bff.request("/doctor");
    const text = await response.text();
    const report = DoctorResponseSchema.parse(JSON.parse(text));
    expect(report.ok).toBe(false);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId.app_credentials?.ok).toBe(false);
    expect(byId.app_credentials?.remedy).toContain("META_APP_SECRET");
    expect(byId.credit_line?.ok).toBe(false);
    expect(byId.credit_line?.message).toContain("1234");
    // The app token is wrong, so the webhook settings cannot be read either.
    expect(byId.webhook_callback?.ok).toBe(false);
    expect(byId.webhook_callback?.remedy).toContain("META_APP_SECRET");
    expect(text).not.toContain("wrong-secret-value");
    expect(text).not.toContain(h.partner.system_token);
  });
});

describe("signup events and the OpenAPI document", () => {
  test("stores a signup cancel and lists it for the tenant's operators", async () => {
    const h = await bffWithSandbox("happy");
    const posted = await h.post("/signup-events", {
      event: "CANCEL",
      currentStep: "PHONE_NUMBER_SETUP",
      errorMessage: "Please ensure two-step authentication is disabled.",
      errorId: "2388001",
    });
    expect(posted.status).toBe(201);
    SignupEventSchema.parse(await posted.json());
    const list = await (await h.bff.request("/signup-events")).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      event: "CANCEL",
      currentStep: "PHONE_NUMBER_SETUP",
      errorId: "2388001",
    });
    const bad = await h.post("/signup-events", { event: "CANCEL", sneaky: true });
    expect(bad.status).toBe(400);
  });

  test("serves OpenAPI 3.1 covering every route, with schemas from the contracts", async () => {
    const h = await bffWithSandbox("happy");
    const doc = await (await h.bff.request("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/doctor",
      "/health",
      "/migrations",
      "/migrations/{id}",
      "/migrations/{id}/events",
      "/migrations/{id}/retry",
      "/migrations/{id}/templates",
      "/openapi.json",
      "/signup-events",
      "/webhook-events",
      "/webhooks",
    ]);
    const create = doc.components.schemas.CreateMigrationRequest;
    expect(create.required).toEqual(["code"]);
    expect(create.additionalProperties).toBe(false);
    expect(doc.components.schemas.Migration.properties.status.enum).toEqual([
      "running",
      "action_required",
      "failed",
      "completed",
    ]);
  });
});

describe("CORS", () => {
  test("allows only the configured origins", async () => {
    const h = await bffWithSandbox("happy", { corsOrigins: ["https://portal.example"] });
    const preflight = (origin: string) =>
      h.bff.request("/migrations", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,idempotency-key",
        },
      });
    const allowed = await preflight("https://portal.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://portal.example");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
