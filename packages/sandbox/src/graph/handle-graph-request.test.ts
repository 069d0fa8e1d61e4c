import { describe, expect, test } from "vitest";
import { createFakeGraph } from "../create-fake-graph.js";
import { startSandbox } from "../test-support/sandbox-harness.js";

// The Graph surface every operation shares: version prefixes, token and parameter transports,
// `fields`, Graph's error envelope and headers, and no 500 with a stack for bad input.

describe("Graph request handling", () => {
  test.each(["/v26.0", "/v21.0", "/v99.0", ""])(
    "any version prefix is accepted (%s)",
    async (prefix) => {
      const h = await startSandbox();
      const answer = await h.call("GET", `${prefix}/${h.partner.business_id}/extendedcredits`, {
        token: h.partner.system_token,
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("facebook-api-version")).toBe(prefix ? prefix.slice(1) : "v26.0");
      const [call] = await h.calls("getCreditLines");
      expect(call).toMatchObject({
        path: `/${h.partner.business_id}/extendedcredits`,
        version: prefix ? prefix.slice(1) : null,
      });
    },
  );

  test("the token may come as a Bearer header or as access_token in the query or the body", async () => {
    const h = await startSandbox();
    const path = `/v26.0/${h.partner.business_id}/extendedcredits`;
    const sys = h.partner.system_token;
    expect((await h.call("GET", path, { token: sys })).status).toBe(200);
    expect((await h.call("GET", `${path}?access_token=${sys}`)).status).toBe(200);
    const shared = `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach`;
    const signup = await h.signup();
    await h.assignSystemUser(signup.waba_id);
    const form = await h.call("POST", shared, {
      form: { access_token: sys, waba_id: signup.waba_id, waba_currency: "USD" },
    });
    expect(form.status).toBe(200);
  });

  test.each([
    ["json", { body: { messaging_product: "whatsapp", pin: "246810" } }],
    ["form", { form: { messaging_product: "whatsapp", pin: "246810" } }],
  ] as const)("parameters arrive as %s", async (_kind, options) => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    // Registration moves the number only once an app is subscribed on the destination.
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const answer = await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      ...options,
    });
    expect(answer.status).toBe(200);
    expect(h.graph.sandbox.state.phones.get(signup.phone_number_id as string)?.pin).toBe("246810");
  });

  test("parameters arrive as multipart form data and in the query string", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    const body = new FormData();
    body.set("messaging_product", "whatsapp");
    body.set("pin", "135791");
    const multipart = await h.graph.request(`/v26.0/${signup.phone_number_id}/register`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    expect(multipart.status).toBe(200);
    const query = await h.call(
      "POST",
      `/v26.0/${signup.phone_number_id}/register?messaging_product=whatsapp&pin=135791`,
      { token },
    );
    expect(query.status).toBe(200);
  });

  test("Graph's headers are on every answer, errors included", async () => {
    const h = await startSandbox();
    for (const answer of [
      await h.call("GET", `/v26.0/${h.partner.business_id}/extendedcredits`, {
        token: h.partner.system_token,
      }),
      await h.call("GET", "/v26.0/123456789012345"),
    ]) {
      expect(answer.headers.get("x-fb-trace-id")).toMatch(/^[A-Za-z0-9]{11}$/);
      expect(answer.headers.get("facebook-api-version")).toBe("v26.0");
      expect(JSON.parse(answer.headers.get("x-app-usage") ?? "")).toEqual({
        call_count: 1,
        total_cputime: 1,
        total_time: 1,
      });
    }
  });

  test("error bodies carry fbtrace_id equal to the x-fb-trace-id header", async () => {
    const h = await startSandbox();
    const answer = await h.call("GET", "/v26.0/123456789012345", { token: h.partner.system_token });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message:
          "Unsupported get request. Object with ID '123456789012345' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
        fbtrace_id: answer.headers.get("x-fb-trace-id"),
      },
    });
  });

  test.each([
    ["no token", undefined, 104, 400],
    ["unknown token", "EAAGnotatoken", 190, 401],
  ])("%s gives code %i", async (_name, token, code, status) => {
    const h = await startSandbox();
    const signup = await h.signup();
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}`, token ? { token } : {});
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, type: "OAuthException" });
  });

  test("code 190's HTTP status is configurable", async () => {
    const graph = createFakeGraph({ status190: 400 });
    const answer = await graph.request("/v26.0/debug_token?input_token=x", {
      headers: { authorization: "Bearer EAAGnope" },
    });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.code).toBe(190);
  });

  test("fields: the default set, a chosen set, and Graph's #100 for an unknown field", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const phone = `/v26.0/${signup.phone_number_id}`;
    expect(Object.keys((await h.call("GET", phone, { token })).body).sort()).toEqual([
      "display_phone_number",
      "id",
      "quality_rating",
      "verified_name",
    ]);
    const chosen = await h.call("GET", `${phone}?fields=name_status,platform_type`, { token });
    expect(chosen.body).toEqual({
      name_status: "APPROVED",
      platform_type: "CLOUD_API",
      id: signup.phone_number_id,
    });
    const unknown = await h.call("GET", `${phone}?fields=name_status,colour`, { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 100,
      message:
        "(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)",
    });
  });

  test("nested field selections are answered in full", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const answer = await h.call(
      "GET",
      `/v26.0/${signup.waba_id}?fields=owner_business_info{name},name`,
      { token },
    );
    expect(answer.body.owner_business_info).toEqual({
      name: "Wind & Wool",
      id: signup.business_id,
    });
  });

  test.each([
    ["malformed JSON", "{not json", "application/json"],
    ["a JSON array", "[1,2]", "application/json"],
  ])("%s gets Graph's #100, never a 500", async (_name, body, type) => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const answer = await h.graph.request(`/v26.0/${signup.phone_number_id}/register`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
    });
    expect(answer.status).toBe(400);
    const json = await answer.json();
    expect(json.error.code).toBe(100);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts|Error:/);
  });

  test.each([
    ["an unknown edge", "GET", (w: string) => `/v26.0/${w}/unknown_edge`, 2500],
    ["a deep path", "GET", (w: string) => `/v26.0/${w}/phone_numbers/extra`, 2500],
    ["a wrong method on a node", "DELETE", (w: string) => `/v26.0/${w}`, 100],
    [
      "a wrong method on an edge",
      "GET",
      (w: string) => `/v26.0/${w}/migrate_message_templates`,
      100,
    ],
    ["the root", "GET", () => "/", 100],
  ])("%s gets a Graph error", async (_name, method, path, code) => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const answer = await h.call(method, path(signup.waba_id), { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
  });

  test("a broken percent-encoding in the path is a Graph error, not a crash", async () => {
    const h = await startSandbox();
    const answer = await h.call("GET", "/v26.0/%E0%A4%A", { token: h.partner.system_token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  test("control routes are not mounted unless asked for", async () => {
    const graph = createFakeGraph();
    const answer = await graph.request("/__sandbox/partner");
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
