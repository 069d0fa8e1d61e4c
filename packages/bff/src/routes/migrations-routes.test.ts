import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return ProblemDetailsSchema.parse(await response.json());
};

describe("POST /migrations", () => {
  test("answers 201 with the migration and never the token, the code or the PIN", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const response = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    const m = MigrationSchema.parse(JSON.parse(text));
    await h.bff.idle();
    const state = (await (await h.graph.request("/__sandbox/state")).json()) as {
      tokens: Record<string, { value: string; type: string }> | { value: string; type: string }[];
    };
    const tokens = Object.values(state.tokens).map((t) => t.value);
    const later = await (await h.bff.request(`/migrations/${m.id}`)).text();
    for (const secret of [...tokens, signup.code, h.partner.app_secret, h.partner.system_token]) {
      expect(text).not.toContain(secret);
      expect(later).not.toContain(secret);
      expect(h.logs.join("\n")).not.toContain(secret);
    }
    const sealedPin = await h.store.getSecret(m.id, "pin");
    expect(sealedPin?.keyId).toBe("test");
    const pin = h.sent.find((r) => r.url.pathname.endsWith("/register"))?.body as { pin: string };
    expect(pin.pin).toMatch(/^\d{6}$/);
    expect(h.logs.join("\n")).not.toContain(`"${pin.pin}"`);
    expect(sealedPin?.ciphertext).not.toContain(pin.pin);
  });

  test("discovers the WABA and the number when only the code came", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const response = await h.post("/migrations", { code: signup.code });
    expect(response.status).toBe(201);
    const m = MigrationSchema.parse(await response.json());
    expect(m.wabaId).toBe(signup.waba_id);
    expect(m.phoneNumberId).toBe(signup.phone_number_id);
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("completed");
  });

  test.each([
    ["a WABA the customer did not grant", { wabaId: "999999999" }],
    ["a number outside the granted WABA", { phoneNumberId: "888888888" }],
  ])("refuses %s with 403 asset_not_granted", async (_name, ids) => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const response = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
      ...ids,
    });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe("asset_not_granted");
    expect(
      (await h.calls()).some((c) => c.operation === "createWhatsAppCreditSharingAndAttach"),
    ).toBe(false);
  });

  test("a used code is 400 code_used with Meta's fbtrace_id", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    await h.post("/migrations", { code: signup.code });
    const again = await h.post("/migrations", { code: signup.code });
    expect(again.status).toBe(400);
    const problem = await problemOf(again);
    expect(problem.code).toBe("code_used");
    expect(problem.graph?.fbtraceId).toBeTruthy();
    await h.bff.idle();
  });

  test("a code Meta does not know is 400 validation_failed on the code, not a 5xx", async () => {
    const h = await bffWithSandbox("happy");
    const response = await h.post("/migrations", { code: "not-a-code" });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe("code");
  });

  test("a code from the full-page fallback is exchanged with the dialog's redirect_uri", async () => {
    const h = await bffWithSandbox("happy");
    const redirectUri = "https://portal.example/onboarding?lang=de";
    const signup = await h.signup({ redirectUri });
    const response = await h.post("/migrations", { code: signup.code, redirectUri });
    expect(response.status).toBe(201);
    const exchanges = (await h.calls()).filter((c) => c.operation === "exchangeCodeForToken");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ status: 200, params: { redirect_uri: redirectUri } });
    await h.bff.idle();
  });

  test("a popup code is exchanged without redirect_uri, as Meta's Embedded Signup guide shows", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    expect((await h.post("/migrations", { code: signup.code })).status).toBe(201);
    const [exchange] = (await h.calls()).filter((c) => c.operation === "exchangeCodeForToken");
    expect(exchange?.status).toBe(200);
    expect(exchange?.params).not.toHaveProperty("redirect_uri");
    await h.bff.idle();
  });

  test("a full-page code sent without its redirect_uri is 400 validation_failed on redirectUri, and stays usable", async () => {
    const h = await bffWithSandbox("happy");
    const redirectUri = "https://portal.example/onboarding";
    const signup = await h.signup({ redirectUri });
    const refused = await h.post("/migrations", { code: signup.code });
    expect(refused.status).toBe(400);
    const problem = await problemOf(refused);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe("redirectUri");
    expect(problem.graph).toMatchObject({ code: 100, subcode: 36008 });
    expect((await h.post("/migrations", { code: signup.code, redirectUri })).status).toBe(201);
    await h.bff.idle();
  });

  test.each([
    ["a relative address", "/onboarding"],
    ["another scheme", "javascript:alert(1)"],
    ["a fragment", "https://portal.example/onboarding#step"],
    ["too long", `https://portal.example/${"a".repeat(2048)}`],
  ])(
    "a redirectUri that is %s is 400 validation_failed before Meta is asked",
    async (_name, redirectUri) => {
      const h = await bffWithSandbox("happy");
      const signup = await h.signup({ redirectUri: "https://portal.example/onboarding" });
      const refused = await h.post("/migrations", { code: signup.code, redirectUri });
      expect(refused.status).toBe(400);
      expect((await problemOf(refused)).errors?.[0]?.path).toBe("redirectUri");
      expect((await h.calls()).filter((c) => c.operation === "exchangeCodeForToken")).toEqual([]);
    },
  );

  test("an expired business token is 401 token_invalid", async () => {
    const h = await bffWithSandbox("token-expired");
    const signup = await h.signup();
    const response = await h.post("/migrations", {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe("token_invalid");
  });

  test("the same Idempotency-Key returns the same migration; another body is a conflict", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const body = {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    };
    const first = await h.post("/migrations", body, { "idempotency-key": "k-1" });
    const second = await h.post("/migrations", body, { "idempotency-key": "k-1" });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(MigrationSchema.parse(await second.json()).id).toBe(
      MigrationSchema.parse(await first.json()).id,
    );
    const conflict = await h.post(
      "/migrations",
      { ...body, businessId: "123" },
      { "idempotency-key": "k-1" },
    );
    expect(conflict.status).toBe(409);
    expect((await problemOf(conflict)).code).toBe("idempotency_conflict");
    expect((await h.calls()).filter((c) => c.operation === "exchangeCodeForToken")).toHaveLength(1);
    await h.bff.idle();
  });

  test("a resend with the same Idempotency-Key while the first is still exchanging gets the same migration", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const body = {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    };
    // Both leave before either is answered, as when a browser resends after a dropped connection.
    const [first, second] = await Promise.all([
      h.post("/migrations", body, { "idempotency-key": "k-1" }),
      h.post("/migrations", body, { "idempotency-key": "k-1" }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(MigrationSchema.parse(await second.json()).id).toBe(
      MigrationSchema.parse(await first.json()).id,
    );
    expect((await h.calls()).filter((c) => c.operation === "exchangeCodeForToken")).toHaveLength(1);
    await h.bff.idle();
  });

  test.each([
    ["an unknown field", { code: "x", extra: 1 }, "extra"],
    ["a missing code", { wabaId: "1" }, "code"],
    ["a non-numeric WABA id", { code: "x", wabaId: "abc" }, "wabaId"],
  ])("refuses %s with 400 validation_failed naming the field", async (_name, body, field) => {
    const h = await bffWithSandbox("happy");
    const response = await h.post("/migrations", body);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).join(" ")).toContain(field);
    expect(await h.calls()).toEqual([]);
  });

  test("refuses a body over the limit with 413 and a non-JSON body with 415", async () => {
    const h = await bffWithSandbox("happy", { bodyLimitBytes: 1024 });
    const big = await h.post("/migrations", { code: "x".repeat(2000) });
    expect(big.status).toBe(413);
    expect((await problemOf(big)).code).toBe("payload_too_large");
    const text = await h.bff.request("/migrations", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "code=x",
    });
    expect(text.status).toBe(415);
    expect((await problemOf(text)).code).toBe("unsupported_media_type");
  });

  test("rate-limits creation per tenant with 429", async () => {
    const h = await bffWithSandbox("happy", {
      rateLimit: { max: 1, windowMs: 60_000 },
      authorize: (c) => c.req.header("x-tenant") ?? null,
    });
    const a = await h.signup();
    expect((await h.post("/migrations", { code: a.code }, { "x-tenant": "acme" })).status).toBe(
      201,
    );
    const b = await h.signup();
    const limited = await h.post("/migrations", { code: b.code }, { "x-tenant": "acme" });
    expect(limited.status).toBe(429);
    expect((await problemOf(limited)).code).toBe("rate_limited");
    expect((await h.post("/migrations", { code: b.code }, { "x-tenant": "other" })).status).toBe(
      201,
    );
    await h.bff.idle();
  });
});

describe("reading, listing, retrying", () => {
  test("another tenant's migration is 404 and unauthenticated calls are 401", async () => {
    const h = await bffWithSandbox("happy", { authorize: (c) => c.req.header("x-tenant") ?? null });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code }, { "x-tenant": "acme" })).json(),
    );
    await h.bff.idle();
    expect(
      (await h.bff.request(`/migrations/${m.id}`, { headers: { "x-tenant": "acme" } })).status,
    ).toBe(200);
    const foreign = await h.bff.request(`/migrations/${m.id}`, { headers: { "x-tenant": "evil" } });
    expect(foreign.status).toBe(404);
    expect((await problemOf(foreign)).code).toBe("not_found");
    expect(
      (await h.bff.request(`/migrations/${m.id}/events`, { headers: { "x-tenant": "evil" } }))
        .status,
    ).toBe(404);
    expect(
      (
        await h.bff.request(`/migrations/${m.id}/retry`, {
          method: "POST",
          headers: { "x-tenant": "evil" },
        })
      ).status,
    ).toBe(404);
    const list = await (
      await h.bff.request("/migrations", { headers: { "x-tenant": "evil" } })
    ).json();
    expect(list).toEqual({ data: [], nextCursor: null });
    const anonymous = await h.bff.request(`/migrations/${m.id}`);
    expect(anonymous.status).toBe(401);
    expect((await problemOf(anonymous)).code).toBe("unauthorized");
  });

  test("lists newest first with a status filter and a cursor", async () => {
    const h = await bffWithSandbox("happy");
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const signup = await h.signup();
      ids.push(
        MigrationSchema.parse(await (await h.post("/migrations", { code: signup.code })).json()).id,
      );
      await h.bff.idle();
    }
    const page1 = await (await h.bff.request("/migrations?limit=2")).json();
    expect(page1.data).toHaveLength(2);
    const page2 = await (
      await h.bff.request(`/migrations?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.nextCursor).toBeNull();
    const listed = [...page1.data, ...page2.data].map((m: { id: string }) => m.id);
    expect(listed).toEqual([...ids].reverse());
    const completed = await (await h.bff.request("/migrations?status=completed")).json();
    expect(completed.data.length).toBeGreaterThan(0);
    expect(completed.data.every((m: { status: string }) => m.status === "completed")).toBe(true);
    const bad = await h.bff.request("/migrations?status=done&color=red");
    expect(bad.status).toBe(400);
  });

  test("retry is 409 while running, then re-runs the stopped step once the cause is gone", async () => {
    const h = await bffWithSandbox("register-rate-limited");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    const running = await h.bff.request(`/migrations/${m.id}/retry`, { method: "POST" });
    expect(running.status).toBe(409);
    expect((await problemOf(running)).code).toBe("migration_running");
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("action_required");
    await h.graph.sandbox.advance(72 * 3_600_000);
    const retried = await h.bff.request(`/migrations/${m.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    await h.bff.idle();
    const done = await h.store.getMigration(m.id);
    expect(done?.status).toBe("completed");
    expect(done?.steps.find((s) => s.id === "register_phone")?.attempts).toBe(2);
    const calls = await h.calls();
    expect(
      calls.filter((c) => c.operation === "createWhatsAppCreditSharingAndAttach"),
    ).toHaveLength(1);
    expect(
      calls.filter(
        (c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200,
      ),
    ).toHaveLength(1);
  });

  test("retry of a completed migration answers it as it is: 200, still completed, no Graph call", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const before = await h.store.getMigration(m.id);
    expect(before?.status).toBe("completed");
    const callsBefore = (await h.calls()).length;
    const retried = await h.bff.request(`/migrations/${m.id}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    expect(MigrationSchema.parse(await retried.json()).status).toBe("completed");
    await h.bff.idle();
    const after = await h.store.getMigration(m.id);
    expect(after?.status).toBe("completed");
    expect(after?.updatedAt).toBe(before?.updatedAt);
    expect((await h.calls()).length).toBe(callsBefore);
  });

  test("a throttled migration fails retryably and completes on retry after the hour", async () => {
    const h = await bffWithSandbox("rate-limited");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (
        await h.post("/migrations", {
          code: signup.code,
          wabaId: signup.waba_id,
          phoneNumberId: signup.phone_number_id,
        })
      ).json(),
    );
    await h.bff.idle();
    const failed = await h.store.getMigration(m.id);
    const capture = failed?.steps.find((s) => s.id === "capture_assets");
    expect(capture?.lastError).toMatchObject({
      code: "graph_rate_limited",
      retryable: true,
      graph: { code: 80007 },
    });
    await h.graph.sandbox.advance(3_600_000);
    expect((await h.bff.request(`/migrations/${m.id}/retry`, { method: "POST" })).status).toBe(202);
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("completed");
  });

  test("the same PIN is reused on retry", async () => {
    const h = await bffWithSandbox("pin-mismatch");
    const signup = await h.signup();
    // The earlier registration happened before this migration started.
    await h.graph.sandbox.advance(5_000);
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.bff.request(`/migrations/${m.id}/retry`, { method: "POST" });
    await h.bff.idle();
    const pins = h.sent
      .filter((r) => r.url.pathname.endsWith("/register"))
      .map((r) => (r.body as { pin: string }).pin);
    expect(pins).toHaveLength(2);
    expect(pins[0]).toBe(pins[1]);
    expect(
      (await h.store.getMigration(m.id))?.steps.find((s) => s.id === "register_phone")?.lastError
        ?.code,
    ).toBe("pin_mismatch");
  });
});
