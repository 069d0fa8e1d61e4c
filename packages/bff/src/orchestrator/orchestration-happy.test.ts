import { MigrationSchema } from "@wa-migrate/contracts";
import {
  validateOpenApiQuery,
  validateOpenApiRequestBody,
} from "@wa-migrate/contracts/test-support";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

describe("orchestration against the sandbox: happy", () => {
  test("migrates the number, copying templates before the one registration", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const created = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
      businessId: signup.business_id,
    });
    expect(created.status).toBe(201);
    const first = MigrationSchema.parse(await created.json());
    expect(first.status).toBe("running");
    expect(first.wabaId).toBe(signup.waba_id);
    await h.bff.idle();

    const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${first.id}`)).json());
    expect(m.status).toBe("completed");
    expect(Object.fromEntries(m.steps.map((s) => [s.id, s.status]))).toEqual({
      two_step_verification: "succeeded",
      embedded_signup: "succeeded",
      capture_assets: "succeeded",
      share_credit_line: "succeeded",
      subscribe_webhooks: "succeeded",
      migrate_templates: "succeeded",
      register_phone: "succeeded",
    });
    expect(m.steps.every((s) => s.attempts === 1)).toBe(true);
    expect(m.billingCutoverAt).not.toBeNull();
    expect(m.phone).toMatchObject({
      verifiedName: "Wind & Wool",
      qualityRating: "GREEN",
      officialBusinessAccount: true,
    });
    expect(m.templates.mode).toBe("copied_before_registration");
    // Meta's template migration API copies APPROVED + GREEN or not yet rated (facts §2.3): the six
    // GREEN ones and feedback_request (UNKNOWN), which Meta's automatic copy would never bring.
    const copied = m.templates.items.filter((i) => i.outcome === "copied");
    expect(copied.map((i) => `${i.name}:${i.sourceQuality}`).sort()).toEqual([
      "feedback_request:UNKNOWN",
      "login_code:GREEN",
      "order_confirmation:GREEN",
      "order_confirmation:GREEN",
      "payment_reminder:GREEN",
      "shipping_update:GREEN",
      "spring_sale:GREEN",
    ]);
    expect(
      m.templates.items.filter((i) => i.outcome === "not_eligible").map((i) => i.reason),
    ).toEqual([
      "quality is YELLOW",
      "quality is RED",
      "status is PENDING",
      "status is REJECTED",
      "status is PAUSED",
    ]);
    expect(m.warnings).toEqual([]);

    const calls = await h.calls();
    const ops = calls.map((c) => c.operation);
    const registers = calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber");
    expect(registers).toHaveLength(1);
    expect(registers[0]?.status).toBe(200);
    expect(ops.filter((o) => o === "createWhatsAppCreditSharingAndAttach")).toHaveLength(1);
    const seq = (op: string) =>
      calls.find((c) => c.operation === op)?.seq ?? Number.POSITIVE_INFINITY;
    expect(seq("createMigrateMessageTemplates")).toBeLessThan(
      seq("registerWhatsAppBusinessPhoneNumber"),
    );
    expect(seq("subscribeToWabaWebhooks")).toBeLessThan(seq("registerWhatsAppBusinessPhoneNumber"));
    expect(seq("createWhatsAppCreditSharingAndAttach")).toBeLessThan(
      seq("registerWhatsAppBusinessPhoneNumber"),
    );
    expect(calls.every((c) => c.status === 200)).toBe(true);

    // Issue 5's count: 11 Graph calls (field expansion reads each WABA once; see decision 020).
    const state = h.graph.sandbox.state;
    const allocation = (await h.store.getMigration(first.id))?.context.allocationConfigId;
    const named = (path: string) =>
      path
        .replace(signup.waba_id, "{dest}")
        .replace(state.customer.sourceWabaId, "{source}")
        .replace(signup.phone_number_id as string, "{phone}")
        .replace(h.partner.credit_line_id, "{credit}")
        .replace(String(allocation), "{allocation}");
    const listed = calls.map((c) => {
      const edges = [...String(c.params.fields ?? "").matchAll(/(\w+)(?:\.limit\(\d+\))?\{/g)];
      const expanded = edges.map((e) => e[1]).join(",");
      return `${c.method} ${named(c.path)}${expanded ? ` {${expanded}}` : ""}`;
    });
    expect(listed.sort()).toEqual(
      [
        "GET /oauth/access_token",
        "GET /debug_token",
        // The system token's own, once per BFF: its user is added to the new account.
        "GET /debug_token",
        "POST /{dest}/assigned_users",
        "GET /{dest} {phone_numbers}",
        "GET /{source} {phone_numbers,message_templates}",
        "POST /{dest}/subscribed_apps",
        "POST /{credit}/whatsapp_credit_sharing_and_attach",
        "POST /{dest}/migrate_message_templates",
        "GET /{allocation}",
        "GET /{dest}",
        "POST /{phone}/register",
        "GET /{phone}",
      ].sort(),
    );
  });

  test("every request body the Graph client sent validates against Meta's OpenAPI", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    });
    await h.bff.idle();
    const operationOf = (r: { method: string; url: URL }) =>
      r.method === "POST" && r.url.pathname.endsWith("/register")
        ? "registerWhatsAppBusinessPhoneNumber"
        : r.method === "POST" && r.url.pathname.endsWith("/subscribed_apps")
          ? "subscribeToWabaWebhooks"
          : null;
    const covered = h.sent.filter((r) => operationOf(r));
    expect(covered.map(operationOf).sort()).toEqual([
      "registerWhatsAppBusinessPhoneNumber",
      "subscribeToWabaWebhooks",
    ]);
    for (const request of covered) {
      expect(
        validateOpenApiRequestBody(operationOf(request) as string, request.body ?? {}),
      ).toEqual([]);
    }
  });
  test("every query of the WABA and number reads validates against Meta's OpenAPI, expansions included", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    });
    await h.bff.idle();
    const wabas = [signup.waba_id, h.graph.sandbox.state.customer.sourceWabaId];
    const operationOf = (r: { method: string; url: URL }) => {
      const [, , node, edge] = r.url.pathname.split("/");
      if (r.method !== "GET" || !node) return null;
      if (wabas.includes(node) && edge === undefined) return "getWhatsAppBusinessAccountDetails";
      if (node === signup.phone_number_id && edge === undefined) return "getPhoneNumberById";
      return null;
    };
    const reads = h.sent.filter((r) => operationOf(r));
    // `fields` is a string parameter to Meta's schema: the nested `edge.limit(n){...}` is one string.
    expect(reads.some((r) => r.url.searchParams.get("fields")?.includes("{"))).toBe(true);
    for (const request of reads) {
      const query = Object.fromEntries(request.url.searchParams);
      expect(validateOpenApiQuery(operationOf(request) as string, query)).toEqual([]);
    }
    expect(
      validateOpenApiQuery("getWhatsAppBusinessAccountPhoneNumbers", { limit: "101" }),
    ).not.toEqual([]);
  });
});

// The webhook override: subscribe-step.test.ts.

describe("configuration and logs", () => {
  test("discovers the credit line through extendedcredits when none is configured", async () => {
    const h = await bffWithSandbox("happy", { creditLineId: undefined });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("completed");
    const calls = await h.calls();
    const share = calls.find((c) => c.operation === "createWhatsAppCreditSharingAndAttach");
    expect(calls.filter((c) => c.operation === "getCreditLines")).toHaveLength(1);
    expect(share?.path).toBe(`/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach`);
  });

  test("a stopped step logs one JSON line with tenant, migration, step and fbtrace_id", async () => {
    const h = await bffWithSandbox("register-rate-limited", { authorize: () => "acme" });
    const signup = await h.signup();
    const created = await h.post(
      "/migrations",
      { code: signup.code },
      { "x-request-id": "req-42" },
    );
    const m = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === "migration created")).toMatchObject({
      requestId: "req-42",
      tenant: "acme",
      migrationId: m.id,
    });
    const stopped = lines.find((l) => l.msg === "step stopped");
    expect(stopped).toMatchObject({
      level: "warn",
      tenant: "acme",
      migrationId: m.id,
      step: "register_phone",
      code: "register_rate_limited",
    });
    expect(stopped?.fbtraceId).toEqual(expect.any(String));
  });
});
