import { describe, expect, test } from "vitest";
import { startSandbox, T0 } from "../test-support/sandbox-harness.js";
import { parseFieldSelection } from "./field-expansion.js";

// Graph's field expansion (Graph API guide "Field Expansion"): `?fields=edge.limit(n){a,b}` on a
// node answers the edge's first page nested as `{data, paging}` in the node's answer, one call.

describe("parseFieldSelection", () => {
  test("names, limits and nested lists to any depth", () => {
    expect(
      parseFieldSelection("id, name,phone_numbers.limit(100){id,status},a{b.limit(2){c}}"),
    ).toEqual([
      { name: "id" },
      { name: "name" },
      { name: "phone_numbers", limit: 100, children: "id,status" },
      { name: "a", children: "b.limit(2){c}" },
    ]);
  });

  test("empty entries are tolerated, as Graph does", () => {
    expect(parseFieldSelection("id,,name,")).toEqual([{ name: "id" }, { name: "name" }]);
  });

  test.each([
    ["id,phone_numbers{id", 2500],
    ["id}", 2500],
    ["phone_numbers.limit(x){id}", 2500],
    ["phone_numbers.limit(3", 2500],
    ["phone_numbers.order(chronological){id}", 100],
  ])("%s is Graph's error %i", (raw, code) => {
    expect(() => parseFieldSelection(raw)).toThrow(
      expect.objectContaining({ init: expect.objectContaining({ code }) }),
    );
  });
});

async function world() {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  return { h, signup, token, source };
}

describe("GET /{waba}?fields=... with the WABA's edges", () => {
  test("phone_numbers and message_templates come nested as pages, in one call", async () => {
    const { h, token, source } = await world();
    const answer = await h.call(
      "GET",
      `/v26.0/${source}?fields=id,account_review_status,phone_numbers{id,status},message_templates.limit(5){id,name,status}`,
      { token },
    );
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([
      "account_review_status",
      "id",
      "message_templates",
      "phone_numbers",
    ]);
    const phone = h.graph.sandbox.state.customer.phoneId;
    expect(answer.body.phone_numbers.data).toEqual([{ id: phone, status: "CONNECTED" }]);
    expect(answer.body.phone_numbers.paging.cursors).toEqual({
      before: expect.any(String),
      after: expect.any(String),
    });
    expect(answer.body.phone_numbers.paging.next).toBeUndefined();
    const templates = answer.body.message_templates;
    expect(templates.data).toHaveLength(5);
    for (const t of templates.data) expect(Object.keys(t).sort()).toEqual(["id", "name", "status"]);
    expect(templates.paging.next).toEqual(expect.any(String));
    const calls = await h.calls();
    expect(calls.at(-1)).toMatchObject({
      operation: "getWhatsAppBusinessAccountDetails",
      path: `/${source}`,
    });
    expect(calls.filter((c) => c.path.startsWith(`/${source}`))).toHaveLength(1);
  });

  test("the nested paging.next is the edge's URL: fetching it gives the following pages", async () => {
    const { h, token, source } = await world();
    const first = await h.call(
      "GET",
      `/v26.0/${source}?fields=message_templates.limit(5){id,name}`,
      { token },
    );
    const seen: string[] = first.body.message_templates.data.map((t: { id: string }) => t.id);
    let next: string | undefined = first.body.message_templates.paging.next;
    while (next) {
      const url = new URL(next);
      expect(url.pathname).toBe(`/v26.0/${source}/message_templates`);
      expect(url.searchParams.get("fields")).toBe("id,name");
      expect(url.searchParams.get("limit")).toBe("5");
      expect(url.searchParams.has("access_token")).toBe(false);
      const page = await h.call("GET", `${url.pathname}${url.search}`, { token });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((t: { id: string }) => t.id));
      next = page.body.paging?.next;
    }
    expect(seen).toEqual(h.graph.sandbox.state.templatesOf(source).map((t) => t.id));
    expect(new Set(seen).size).toBe(12);
  });

  test("the nested cursors work with the edge's own after parameter", async () => {
    const { h, token, source } = await world();
    const first = await h.call("GET", `/v26.0/${source}?fields=message_templates.limit(10){id}`, {
      token,
    });
    const after = first.body.message_templates.paging.cursors.after;
    const rest = await h.call(
      "GET",
      `/v26.0/${source}/message_templates?fields=id&limit=10&after=${after}`,
      { token },
    );
    expect(rest.body.data).toHaveLength(2);
    expect(rest.body.paging.next).toBeUndefined();
  });

  test("without a nested list the edge has its default fields; without a limit, 25 a page", async () => {
    const { h, token, source } = await world();
    const answer = await h.call("GET", `/v26.0/${source}?fields=phone_numbers,message_templates`, {
      token,
    });
    expect(Object.keys(answer.body.phone_numbers.data[0]).sort()).toEqual([
      "display_phone_number",
      "id",
      "quality_rating",
      "verified_name",
    ]);
    expect(answer.body.message_templates.data).toHaveLength(12);
    expect(answer.body.message_templates.paging.next).toBeUndefined();
  });

  test("an edge with nothing to list is left out of the answer", async () => {
    const { h, token, signup } = await world();
    const answer = await h.call(
      "GET",
      `/v26.0/${signup.waba_id}?fields=id,message_templates{id},phone_numbers{id}`,
      { token },
    );
    expect(answer.status).toBe(200);
    // The new WABA has no templates yet; the moving number is already listed.
    expect(answer.body.message_templates).toBeUndefined();
    expect(answer.body.phone_numbers.data).toEqual([{ id: signup.phone_number_id }]);
  });

  test("an unknown nested field is Graph's #100 naming the nested node type", async () => {
    const { h, token, source } = await world();
    const answer = await h.call("GET", `/v26.0/${source}?fields=id,phone_numbers{id,colour}`, {
      token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 100,
      message:
        "(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)",
    });
    const unknownEdge = await h.call("GET", `/v26.0/${source}?fields=id,photos{id}`, { token });
    expect(unknownEdge.body.error.message).toBe(
      "(#100) Tried accessing nonexisting field (photos) on node type (WhatsAppBusinessAccount)",
    );
  });

  test("malformed expansion is Graph's syntax error 2500", async () => {
    const { h, token, source } = await world();
    const answer = await h.call("GET", `/v26.0/${source}?fields=id,phone_numbers{id`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 2500, type: "OAuthException" });
  });

  test("an expanded read counts as one call against the WABA's hourly budget", async () => {
    const { h, token, source } = await world();
    await h.call(
      "GET",
      `/v26.0/${source}?fields=id,phone_numbers{id},message_templates.limit(100){id}`,
      { token },
    );
    const { sandbox } = h.graph;
    const next = sandbox.usage.charge(`waba:${source}`, sandbox.wabaHourlyLimit(source), T0);
    expect(next.count).toBe(2);
  });

  test("another token's WABA stays unreadable, edges or not", async () => {
    const { h, signup } = await world();
    const other = await h.signup({ force: true });
    const token = await h.exchange(other.code);
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}?fields=phone_numbers{id}`, {
      token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
