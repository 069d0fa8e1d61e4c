import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

async function ready(scenario: Parameters<typeof startSandbox>[0] = "happy") {
  const h = await startSandbox(scenario);
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  const byName = (name: string, language = "en_US") =>
    h.graph.sandbox.state
      .templatesOf(source)
      .find((t) => t.name === name && t.language === language);
  return { h, signup, token, source, byName };
}

describe("GET /{waba}/message_templates", () => {
  test("default fields, cursor paging with next, and the last page without next", async () => {
    const { h, token, source } = await ready();
    const first = await h.call("GET", `/v26.0/${source}/message_templates?limit=5`, { token });
    expect(first.body.data).toHaveLength(5);
    expect(Object.keys(first.body.data[0]).sort()).toEqual([
      "category",
      "components",
      "id",
      "language",
      "name",
      "parameter_format",
      "status",
    ]);
    expect(first.body.paging.next).toContain("after=");
    expect(first.body.paging.next).not.toContain("access_token");
    const after = first.body.paging.cursors.after;
    const rest = await h.call("GET", `/v26.0/${source}/message_templates?limit=25&after=${after}`, {
      token,
    });
    expect(rest.body.data).toHaveLength(7);
    expect(rest.body.paging.next).toBeUndefined();
    const ids = [...first.body.data, ...rest.body.data].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(12);
  });

  test.each([
    ["status=APPROVED", 9],
    ["status=APPROVED&quality_score=GREEN", 6],
    ["category=MARKETING", 5],
    ["language=de", 1],
    ["name=order_confirmation", 2],
    ["status=PENDING,REJECTED", 2],
  ])("filter %s", async (query, count) => {
    const { h, token, source } = await ready();
    const answer = await h.call("GET", `/v26.0/${source}/message_templates?${query}&limit=100`, {
      token,
    });
    expect(answer.body.data).toHaveLength(count);
  });

  test("quality_score is an object {score, date}; GET /{template-id}?fields=quality_score", async () => {
    const { h, token, byName } = await ready();
    const template = byName("welcome_offer");
    const answer = await h.call("GET", `/v26.0/${template?.id}?fields=quality_score`, { token });
    expect(answer.body).toEqual({
      quality_score: { score: "RED", date: template?.quality.date },
      id: template?.id,
    });
  });

  test("a bad cursor is Graph's #100", async () => {
    const { h, token, source } = await ready();
    expect(
      (await h.call("GET", `/v26.0/${source}/message_templates?after=bm9wZQ`, { token })).body.error
        .code,
    ).toBe(100);
  });
});

describe("POST /{dest}/migrate_message_templates", () => {
  test("copies APPROVED templates with GREEN or UNKNOWN quality, usable at once, keyed by source id", async () => {
    const { h, signup, token, source, byName } = await ready();
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    const names = answer.body.migrated_templates.map(
      (id: string) => h.graph.sandbox.state.templates.get(id)?.name,
    );
    expect(names).toEqual([
      "order_confirmation",
      "order_confirmation",
      "shipping_update",
      "spring_sale",
      "login_code",
      "feedback_request",
      "payment_reminder",
    ]);
    expect(answer.body.failed_templates).toEqual({});
    const copies = h.graph.sandbox.state.templatesOf(signup.waba_id);
    expect(copies.every((t) => t.status === "APPROVED" && t.quality.score === "UNKNOWN")).toBe(
      true,
    );
    expect(copies.find((t) => t.name === "feedback_request")?.copiedFromId).toBe(
      byName("feedback_request")?.id,
    );
  });

  test("never twice: a second run fails every template as already existing, and Meta's automatic copy adds none", async () => {
    const { h, signup, token, source } = await ready();
    await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    const again = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source },
    });
    expect(again.body.migrated_templates).toEqual([]);
    expect(new Set(Object.values(again.body.failed_templates))).toEqual(
      new Set(["Template with the same name and language already exists"]),
    );
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    await h.graph.sandbox.advance(60_000);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(7);
  });

  test("pages of count over the eligible templates; page_number is zero-based", async () => {
    const { h, signup, token, source } = await ready();
    const page = (n: number) =>
      h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
        token,
        body: { source_waba_id: source, count: 3, page_number: n },
      });
    expect((await page(0)).body.migrated_templates).toHaveLength(3);
    expect((await page(1)).body.migrated_templates).toHaveLength(3);
    expect((await page(2)).body.migrated_templates).toHaveLength(1);
    expect((await page(3)).body.migrated_templates).toHaveLength(0);
  });

  test("template_ids picks templates; ineligible ones fail with a reason", async () => {
    const { h, signup, token, source, byName } = await ready();
    const ids = [byName("spring_sale")?.id, byName("welcome_offer")?.id, "123"];
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      form: { source_waba_id: source, template_ids: JSON.stringify(ids) },
    });
    expect(answer.body.migrated_templates).toEqual([ids[0]]);
    expect(answer.body.failed_templates).toEqual({
      [ids[1] as string]: "Template is not eligible for migration",
      "123": "Template is not eligible for migration",
    });
  });

  test.each([
    [{ count: 501 }, "count"],
    [{ count: 0 }, "count"],
    [{ page_number: -1 }, "page_number"],
    [{ template_ids: "[not json" }, "template_ids"],
  ])("bad %j: #100 and nothing copied", async (extra, _param) => {
    const { h, signup, token, source } = await ready();
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source, ...extra },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(100);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(0);
  });

  test("more than 500 template_ids: #100", async () => {
    const { h, signup, token, source } = await ready();
    const ids = Array.from({ length: 501 }, (_, i) => String(1000 + i));
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source, template_ids: ids },
    });
    expect(answer.body.error.code).toBe(100);
  });

  test("from a WABA of another business: refused", async () => {
    const { h, signup, token } = await ready();
    const other = h.graph.sandbox.state.customer.oldPartnerBusinessId;
    const waba = h.graph.sandbox.state.wabas.get(h.graph.sandbox.state.customer.sourceWabaId);
    if (waba) waba.ownerBusinessId = other;
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: waba?.id },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 100,
      error_user_msg:
        "Templates can only be migrated between WhatsApp Business Accounts owned by the same business.",
    });
  });
});

describe("Meta's automatic copy after registration", () => {
  async function registered(delay?: number) {
    const h = await startSandbox(
      "happy",
      delay === undefined ? {} : { templateCopyDelayMs: delay },
    );
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    return { h, signup, token };
  }

  test("the delay is configurable", async () => {
    const { h, signup } = await registered(5_000);
    await h.graph.sandbox.advance(4_999);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(0);
    await h.graph.sandbox.advance(1);
    expect(h.graph.sandbox.state.templatesOf(signup.waba_id)).toHaveLength(6);
  });

  test("quality stays UNKNOWN for 24 h, then the source's score arrives with message_template_quality_update", async () => {
    const { h, signup } = await registered();
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.advance(86_400_000 - 1);
    expect(
      h.graph.sandbox.state.templatesOf(signup.waba_id).every((t) => t.quality.score === "UNKNOWN"),
    ).toBe(true);
    await h.graph.sandbox.advance(1);
    await h.graph.sandbox.settle();
    expect(
      h.graph.sandbox.state.templatesOf(signup.waba_id).every((t) => t.quality.score === "GREEN"),
    ).toBe(true);
    const quality = h.outbound.filter((o) => o.body.includes("message_template_quality_update"));
    expect(quality).toHaveLength(6);
    expect(JSON.parse(quality[0]?.body ?? "{}").entry[0]).toMatchObject({
      id: signup.waba_id,
      changes: [
        {
          field: "message_template_quality_update",
          value: {
            previous_quality_score: "UNKNOWN",
            new_quality_score: "GREEN",
            message_template_language: "en_US",
          },
        },
      ],
    });
  });

  test("each copy sends message_template_status_update with the numeric template id", async () => {
    const { h, signup } = await registered();
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.settle();
    const status = h.outbound
      .filter((o) => o.body.includes("message_template_status_update"))
      .map((o) => JSON.parse(o.body).entry[0].changes[0].value);
    expect(status).toHaveLength(6);
    const copies = h.graph.sandbox.state.templatesOf(signup.waba_id);
    expect(status[0]).toEqual({
      event: "APPROVED",
      message_template_id: Number(copies[0]?.id),
      message_template_name: "order_confirmation",
      message_template_language: "en_US",
      reason: "NONE",
      message_template_category: "UTILITY",
    });
    // Meta writes the id as a JSON number, every digit of it (16 digits pass 2^53).
    const bodies = h.outbound.filter((o) => o.body.includes("message_template_status_update"));
    expect(bodies[0]?.body).toContain(`"message_template_id":${copies[0]?.id},`);
  });
});
