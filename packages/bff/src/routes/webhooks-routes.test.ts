import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import { StoreError } from "../store/store-error.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

const DAY = 86_400_000;

describe("GET /webhooks (Meta's challenge)", () => {
  test("echoes the challenge for the right verify token and refuses a wrong one", async () => {
    const h = await bffWithSandbox("happy");
    const ok = await h.bff.request(
      "/webhooks?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-token-of-the-bff",
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    // The echo is the caller's text: never something a browser would render or sniff as a page.
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=UTF-8");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
    const wrong = await h.bff.request(
      "/webhooks?hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify-token-of-the-bf",
    );
    // 403 forbidden, as Meta's sample receiver answers a wrong token.
    expect(wrong.status).toBe(403);
    const text = await wrong.text();
    expect(JSON.parse(text)).toMatchObject({ code: "forbidden" });
    expect(text).not.toContain("verify-token-of-the-bff");
  });
});

describe("POST /webhooks", () => {
  const envelope = (wabaId: string) =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: wabaId,
          time: 1744823932,
          changes: [
            {
              field: "account_update",
              value: { event: "PARTNER_REMOVED", waba_info: { waba_id: wabaId } },
            },
          ],
        },
      ],
    });

  test.each([
    ["no signature", undefined],
    ["a signature with another secret", signPayload(envelope("1"), "not-the-app-secret")],
    ["a malformed signature", "sha256=zz"],
  ])("refuses %s with 401 invalid_signature and stores nothing", async (_name, signature) => {
    const h = await bffWithSandbox("happy");
    const response = await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature ? { "x-hub-signature-256": signature } : {}),
      },
      body: envelope("1"),
    });
    expect(response.status).toBe(401);
    expect(ProblemDetailsSchema.parse(await response.json()).code).toBe("invalid_signature");
    expect(await h.store.listWebhookEvents({ limit: 10 })).toEqual([]);
  });

  test("stores a change once although Meta delivers it again", async () => {
    const h = await bffWithSandbox("happy");
    const body = envelope("123456");
    const send = () =>
      h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
    expect(await (await send()).json()).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    expect(await (await send()).json()).toEqual({ received: 0, duplicates: 1, ignored: 0 });
    const events = await (await h.bff.request("/webhook-events?wabaId=123456")).json();
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({
      field: "account_update",
      value: { event: "PARTNER_REMOVED" },
    });
  });

  test("keeps the account_update events Meta sends when the customer finishes signup", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    await h.graph.sandbox.settle();
    expect(h.delivered).toEqual([200, 200]);
    const events = await (await h.bff.request(`/webhook-events?wabaId=${signup.waba_id}`)).json();
    expect(events.data.map((e: { value: { event: string } }) => e.value.event).sort()).toEqual([
      "PARTNER_ADDED",
      "PARTNER_APP_INSTALLED",
    ]);
  });

  test("Meta's automatic copy (unreadable source) fills the templates report through webhooks", async () => {
    const h = await bffWithSandbox("source-obo");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const done = await h.store.getMigration(m.id);
    expect(done?.status).toBe("completed");
    expect(done?.templates).toEqual({ mode: "meta_automatic", sourceReadable: false, items: [] });
    expect(done?.steps.find((s) => s.id === "migrate_templates")?.status).toBe("skipped");

    await h.graph.sandbox.advance(60_000); // Meta's copy runs after registration
    await h.graph.sandbox.settle();
    const copied = await h.store.getMigration(m.id);
    expect(copied?.templates.items).toHaveLength(6);
    expect(
      copied?.templates.items.every(
        (i) => i.outcome === "copied" && i.destinationQuality === "UNKNOWN",
      ),
    ).toBe(true);

    await h.graph.sandbox.advance(DAY); // quality known after 24 h
    await h.graph.sandbox.settle();
    const rated = await h.store.getMigration(m.id);
    expect(rated?.templates.items.every((i) => i.destinationQuality === "GREEN")).toBe(true);
  });

  test("a re-check rejection reported by webhook marks the copy rejected_on_recheck", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const after = await h.store.getMigration(m.id);
    const item = after?.templates.items.find((i) => i.outcome === "copied");
    expect(item?.destinationTemplateId).toBeTruthy();
    expect(item?.statusAt).toBeGreaterThan(0); // the time of Meta's APPROVED for the copy
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time: (item?.statusAt ?? 0) + 60, // a minute after Meta's APPROVED for the copy
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: Number(item?.destinationTemplateId),
                message_template_name: item?.name,
                message_template_language: item?.language,
                reason: "INCORRECT_CATEGORY",
              },
            },
          ],
        },
      ],
    });
    const response = await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, h.partner.app_secret),
      },
      body,
    });
    expect(response.status).toBe(200);
    const rejected = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.name === item?.name && i.language === item?.language,
    );
    expect(rejected).toMatchObject({
      outcome: "rejected_on_recheck",
      reason: "REJECTED: INCORRECT_CATEGORY",
    });
  });
});

describe("POST /webhooks: bursts, failed deliveries, order, privacy", () => {
  const statusChange = (
    wabaId: string,
    time: number,
    value: Record<string, unknown>,
    field = "message_template_status_update",
  ) =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: wabaId, time, changes: [{ field, value }] }],
    });

  test("a burst of 40 status webhooks for one migration adds all 40 templates", async () => {
    const h = await bffWithSandbox("source-obo");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const bodies = Array.from({ length: 40 }, (_, n) =>
      statusChange(signup.waba_id, 1_800_000_000, {
        event: "APPROVED",
        message_template_id: 1_000_000 + n,
        message_template_name: `template_${n}`,
        message_template_language: "en_US",
        message_template_category: "UTILITY",
        reason: "NONE",
      }),
    );
    const responses = await Promise.all(
      bodies.map((body) =>
        h.bff.request("/webhooks", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": signPayload(body, h.partner.app_secret),
          },
          body,
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    const report = (await h.store.getMigration(m.id))?.templates;
    expect(report?.items).toHaveLength(40);
    expect(report?.items.every((i) => i.outcome === "copied")).toBe(true);
  });

  test("a delivery that could not be applied answers 503, and Meta's redelivery applies it", async () => {
    const store = createMemoryStore();
    let failNextWrite = false;
    const h = await bffWithSandbox("happy", {
      store: {
        ...store,
        updateMigration: async (...args) => {
          if (failNextWrite) {
            failNextWrite = false;
            throw new StoreError("unavailable", "connection reset");
          }
          return store.updateMigration(...args);
        },
      },
    });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const item = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.outcome === "copied",
    );
    const body = statusChange(signup.waba_id, (item?.statusAt ?? 0) + 60, {
      event: "REJECTED",
      message_template_id: Number(item?.destinationTemplateId),
      message_template_name: item?.name,
      message_template_language: item?.language,
      reason: "INCORRECT_CATEGORY",
    });
    const send = () =>
      h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
    failNextWrite = true;
    const first = await send();
    expect(first.status).toBe(503);
    expect(ProblemDetailsSchema.parse(await first.json()).code).toBe("store_unavailable");
    const again = await send();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: 1, duplicates: 0, ignored: 0 });
    const after = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.name === item?.name && i.language === item?.language,
    );
    expect(after?.outcome).toBe("rejected_on_recheck");
  });

  test("an older APPROVED redelivered after a newer REJECTED leaves the copy rejected", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const item = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.outcome === "copied",
    );
    const at = (item?.statusAt ?? 0) + 60;
    const template = {
      message_template_id: Number(item?.destinationTemplateId),
      message_template_name: item?.name,
      message_template_language: item?.language,
    };
    for (const body of [
      statusChange(signup.waba_id, at + 60, { ...template, event: "REJECTED", reason: "SCAM" }),
      statusChange(signup.waba_id, at, { ...template, event: "APPROVED", reason: "NONE" }),
    ]) {
      const response = await h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
      expect(response.status).toBe(200);
    }
    const after = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.name === item?.name && i.language === item?.language,
    );
    expect(after).toMatchObject({ outcome: "rejected_on_recheck", reason: "REJECTED: SCAM" });
  });

  test("a re-check rejection that arrives while the templates are being copied is kept", async () => {
    let bff:
      | { request: (path: string, init: RequestInit) => Response | Promise<Response> }
      | undefined;
    let appSecret = "";
    let sentRejection = false;
    const h = await bffWithSandbox("happy", {
      fetch: async (input, init) => {
        const url = new URL(input);
        if (url.pathname.endsWith("/migrate_message_templates") && !sentRejection && bff) {
          sentRejection = true;
          // Meta's re-check reports on order_confirmation while the copy call is still open.
          const body = statusChange(url.pathname.split("/")[2] ?? "", 4_102_444_800, {
            event: "REJECTED",
            message_template_id: 9_999_001,
            message_template_name: "order_confirmation",
            message_template_language: "en_US",
            reason: "INCORRECT_CATEGORY",
          });
          const response = await bff.request("/webhooks", {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-hub-signature-256": signPayload(body, appSecret),
            },
            body,
          });
          expect(response.status).toBe(200);
        }
        return h.graph.fetch(new Request(input, init));
      },
    });
    bff = h.bff;
    appSecret = h.partner.app_secret;
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    expect(sentRejection).toBe(true);
    const after = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.name === "order_confirmation" && i.language === "en_US",
    );
    expect(after).toMatchObject({
      outcome: "rejected_on_recheck",
      reason: "REJECTED: INCORRECT_CATEGORY",
      destinationTemplateId: "9999001",
    });
  });

  test("keeps a template id above 2^53 exactly as Meta sent it", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const item = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.outcome === "copied",
    );
    // Written by hand: JSON.stringify of a JavaScript number could not hold this id.
    const body = `{"object":"whatsapp_business_account","entry":[{"id":"${signup.waba_id}","time":${(item?.statusAt ?? 0) + 60},"changes":[{"field":"message_template_quality_update","value":{"previous_quality_score":"UNKNOWN","new_quality_score":"GREEN","message_template_id":12345678901234567,"message_template_name":"${item?.name}","message_template_language":"${item?.language}"}}]}]}`;
    const response = await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, h.partner.app_secret),
      },
      body,
    });
    expect(response.status).toBe(200);
    const after = (await h.store.getMigration(m.id))?.templates.items.find(
      (i) => i.name === item?.name && i.language === item?.language,
    );
    expect(after).toMatchObject({
      destinationTemplateId: "12345678901234567",
      destinationQuality: "GREEN",
    });
  });

  test("acknowledges customers' messages without keeping them", async () => {
    const h = await bffWithSandbox("happy");
    const body = statusChange(
      "524126980791429",
      1_800_000_000,
      {
        messaging_product: "whatsapp",
        messages: [{ from: "4915112345678", type: "text", text: { body: "my order?" } }],
      },
      "messages",
    );
    const response = await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, h.partner.app_secret),
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 0, duplicates: 0, ignored: 1 });
    expect(await h.store.listWebhookEvents({ limit: 10 })).toEqual([]);
  });

  test("a tenant sees the signup webhooks of its own migration, another tenant none", async () => {
    const h = await bffWithSandbox("happy", {
      authorize: (c) => c.req.header("x-tenant") ?? null,
    });
    const signup = await h.signup();
    await h.graph.sandbox.settle(); // PARTNER_ADDED and PARTNER_APP_INSTALLED, before any migration
    const created = await h.post("/migrations", { code: signup.code }, { "x-tenant": "acme" });
    const m = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    const read = async (tenant: string) =>
      (
        await (
          await h.bff.request(`/webhook-events?wabaId=${signup.waba_id}`, {
            headers: { "x-tenant": tenant },
          })
        ).json()
      ).data as { value: { event?: string }; migrationId: string | null }[];
    const own = await read("acme");
    expect(own.map((e) => e.value.event).filter(Boolean)).toEqual(
      expect.arrayContaining(["PARTNER_ADDED", "PARTNER_APP_INSTALLED"]),
    );
    expect(own.every((e) => e.migrationId === m.id)).toBe(true);
    expect(await read("globex")).toEqual([]);
  });

  test("a tenant's events stay on its page however many other accounts' changes arrive after", async () => {
    const h = await bffWithSandbox("happy", {
      authorize: (c) => c.req.header("x-tenant") ?? null,
    });
    const signup = await h.signup();
    await h.graph.sandbox.settle();
    await h.post("/migrations", { code: signup.code }, { "x-tenant": "acme" });
    await h.bff.idle();
    // 60 deliveries for accounts no migration of acme has, newer than acme's own.
    for (let i = 0; i < 60; i++) {
      const wabaId = `77000000000${String(i).padStart(2, "0")}`;
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: wabaId,
            time: 1744823932,
            changes: [
              {
                field: "account_update",
                value: { event: "PARTNER_ADDED", waba_info: { waba_id: wabaId } },
              },
            ],
          },
        ],
      });
      const sent = await h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
      expect(sent.status).toBe(200);
    }
    const page = (await (
      await h.bff.request("/webhook-events?limit=50", { headers: { "x-tenant": "acme" } })
    ).json()) as { data: { wabaId: string }[] };
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((e) => e.wabaId === signup.waba_id)).toBe(true);
  });
});

describe("GET /webhooks with a callback override", () => {
  test("answers Meta's check of the override with the override's verify token", async () => {
    const h = await bffWithSandbox("happy", {
      webhookOverride: {
        callbackUri: "https://partner.example/wa/webhooks",
        verifyToken: "override-token",
      },
    });
    const response = await h.bff.request(
      "/webhooks?hub.mode=subscribe&hub.challenge=42&hub.verify_token=override-token",
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("42");
  });
});
