import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
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
    const wrong = await h.bff.request(
      "/webhooks?hub.mode=subscribe&hub.challenge=1&hub.verify_token=verify-token-of-the-bf",
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("verify-token-of-the-bff");
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
    expect(await (await send()).json()).toEqual({ received: 1, duplicates: 0 });
    expect(await (await send()).json()).toEqual({ received: 0, duplicates: 1 });
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
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time: 1,
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
