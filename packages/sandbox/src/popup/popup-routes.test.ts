import { GRAPH_VERSION, parseEmbeddedSignupMessage } from "@wa-migrate/contracts";
import { beforeEach, describe, expect, test } from "vitest";
import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";

// The dialog over HTTP (app.request): the redirect variant, the messages the popup prepares,
// autopilot and the control routes. The browser behaviour is covered by the *.chromium tests.

let graph: FakeGraph;
let partner: { app_id: string; app_secret: string; config_id: string; config_ids: { v2: string } };
let state: {
  customer: { businessId: string; phoneId: string };
  phones: { id: string; cc: string; phoneNumber: string }[];
};

beforeEach(async () => {
  graph = createFakeGraph({ control: true, seed: 3 });
  partner = await (await graph.request("/__sandbox/partner")).json();
  state = await (await graph.request("/__sandbox/state")).json();
});

function control(path: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    graph.request(`/__sandbox/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

function dialogQuery(more: Record<string, string>): string {
  return new URLSearchParams({
    client_id: partner.app_id,
    config_id: partner.config_id,
    response_type: "code",
    override_default_response_type: "true",
    ...more,
  }).toString();
}

async function openDialog(more: Record<string, string>): Promise<{ html: string; path: string }> {
  const response = await graph.request(`/${GRAPH_VERSION}/dialog/oauth?${dialogQuery(more)}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const path = html.match(/action="(\/dialog\/embedded-signup\/\d+)"/)?.[1] ?? "";
  return { html, path };
}

function post(path: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    graph.request(path, { method: "POST", body: new URLSearchParams(fields) }),
  );
}

function customerPhone(): string {
  const phone = state.phones.find((p) => p.id === state.customer.phoneId);
  return `+${phone?.cc}${phone?.phoneNumber}`;
}

/** Walks the screens with the customer's number; returns the last response. */
async function walk(path: string, wabaName = "Wind & Wool Shop"): Promise<Response> {
  await post(path, { action: "next", business: state.customer.businessId });
  await post(path, { action: "next", wabaName });
  await post(path, { action: "next", displayName: "Wind & Wool", category: "RETAIL" });
  const warned = await (
    await post(path, { action: "next", phoneNumber: customerPhone(), method: "sms" })
  ).text();
  expect(warned).toContain("will be moved to the new WhatsApp Business account");
  await post(path, { action: "next", phoneNumber: customerPhone(), method: "sms" });
  return post(path, { action: "next" });
}

function endPosts(html: string): string[] {
  const json =
    html.match(/<script type="application\/json" id="wa-sandbox-end">(.*?)<\/script>/s)?.[1] ??
    "{}";
  return (JSON.parse(json) as { posts: string[] }).posts;
}

describe("the Login dialog as a full page (manual login flow)", () => {
  test("finishing redirects with ?code= and state; the code exchanges; the WABA carries the typed name", async () => {
    const { path } = await openDialog({ redirect_uri: "https://partner.example/cb", state: "xyz" });
    const done = await walk(path);
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://partner.example/cb");
    expect(location.searchParams.get("state")).toBe("xyz");
    const code = location.searchParams.get("code") ?? "";
    const exchange = (more: Record<string, string>) =>
      graph.request(
        `/${GRAPH_VERSION}/oauth/access_token?${new URLSearchParams({
          client_id: partner.app_id,
          client_secret: partner.app_secret,
          code,
          ...more,
        })}`,
      );
    // Bound to the dialog's redirect_uri: without it, or with another, Meta refuses (36008).
    for (const more of [{}, { redirect_uri: "https://partner.example/other" }] as Record<
      string,
      string
    >[]) {
      const refused = await exchange(more);
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({ code: 100, error_subcode: 36008 });
    }
    expect((await exchange({ redirect_uri: "https://partner.example/cb" })).status).toBe(200);
    const after = await (await graph.request("/__sandbox/state")).json();
    const waba = after.wabas.find((w: { name: string }) => w.name === "Wind & Wool Shop");
    const phone = after.phones.find((p: { id: string }) => p.id === state.customer.phoneId);
    expect(phone.migration.destWabaId).toBe(waba.id);
  });

  test("the page brings its own (empty) icon: no /favicon.ico request reaches the Graph call log", async () => {
    const { html } = await openDialog({ redirect_uri: "https://partner.example/cb" });
    expect(html).toContain('<link rel="icon" href="data:,">');
  });

  test("Cancel redirects with Meta's access_denied parameters and state", async () => {
    const { path } = await openDialog({ redirect_uri: "https://partner.example/cb", state: "xyz" });
    const cancelled = await post(path, { action: "cancel" });
    expect(cancelled.status).toBe(302);
    const location = new URL(cancelled.headers.get("location") ?? "");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "access_denied",
      error_code: "200",
      error_description: "Permissions error.",
      error_reason: "user_denied",
      state: "xyz",
    });
  });

  test("a refused request is a 400 page with the reason and no redirect", async () => {
    const response = await graph.request(
      `/${GRAPH_VERSION}/dialog/oauth?${dialogQuery({ response_type: "token", redirect_uri: "https://partner.example/cb" })}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("response_type must be &quot;code&quot;");
  });
});

describe("messages the popup posts", () => {
  test("FINISH and the SDK's auth message, message first in happy; both parse as Meta's shapes", async () => {
    const { path } = await openDialog({ display: "popup", origin: "https://partner.example" });
    const posts = endPosts(await (await walk(path)).text());
    expect(posts).toHaveLength(2);
    const finish = parseEmbeddedSignupMessage(posts[0]);
    expect(finish.ok && finish.message.event).toBe("FINISH");
    expect(finish.ok && finish.message.data).toMatchObject({
      phone_number_id: state.customer.phoneId,
      business_id: state.customer.businessId,
    });
    const again = await post(path, { action: "next" });
    expect(endPosts(await again.text())).toEqual([]);
    expect(JSON.parse(posts[1] ?? "{}")).toMatchObject({
      type: "WA_SANDBOX_SDK",
      kind: "auth",
      authResponse: { code: expect.stringMatching(/^AQ/) },
    });
  });

  test("v2 only_waba_sharing skips the phone screens and ends with FINISH_ONLY_WABA", async () => {
    const extras = JSON.stringify({ featureType: "only_waba_sharing", sessionInfoVersion: "3" });
    const { path } = await openDialog({
      display: "popup",
      origin: "https://partner.example",
      config_id: partner.config_ids.v2,
      extras,
    });
    await post(path, { action: "next", business: state.customer.businessId });
    await post(path, { action: "next", wabaName: "Only WABA" });
    const permissions = await (
      await post(path, { action: "next", displayName: "Wind & Wool" })
    ).text();
    expect(permissions).toContain('data-step="PERMISSIONS"');
    const posts = endPosts(await (await post(path, { action: "next" })).text());
    const finish = parseEmbeddedSignupMessage(posts[0]);
    expect(finish.ok && finish.message).toMatchObject({
      event: "FINISH_ONLY_WABA",
      version: 3,
      data: { business_id: state.customer.businessId },
    });
    expect(finish.ok && "phone_number_id" in finish.message.data).toBe(false);
  });

  test("autopilot `error` at a step shows Meta's generic error there and ends with the error-shaped CANCEL", async () => {
    await control("autopilot", {
      outcome: "error",
      atStep: "WABA_PHONE_PROFILE_PICKER",
      delayMs: 5,
    });
    const { path, html } = await openDialog({
      display: "popup",
      origin: "https://partner.example",
    });
    expect(html).toContain('data-autopilot="next" data-autopilot-delay="5"');
    await post(path, { action: "next", business: state.customer.businessId });
    const failed = await (await post(path, { action: "next", wabaName: "X" })).text();
    expect(failed).toContain(
      "Something has gone wrong. You will need to contact support and try again.",
    );
    expect(failed).toContain('data-autopilot="cancel"');
    const posts = endPosts(await (await post(path, { action: "cancel" })).text());
    const cancel = parseEmbeddedSignupMessage(posts[0]);
    expect(cancel.ok && cancel.message).toMatchObject({
      event: "CANCEL",
      data: {
        error_message: "Something has gone wrong. You will need to contact support and try again.",
        error_id: "524109",
      },
    });
    expect(JSON.parse(posts[1] ?? "{}")).toEqual({ type: "WA_SANDBOX_SDK", kind: "cancel" });
  });

  test("autopilot `cancel` marks Cancel from its step on; one instruction serves one popup", async () => {
    await control("autopilot", { outcome: "cancel", atStep: "WHATSAPP_BUSINESS_PROFILE_SETUP" });
    const first = await openDialog({ display: "popup", origin: "https://partner.example" });
    expect(first.html).toContain('data-autopilot="next"');
    await post(first.path, { action: "next", business: state.customer.businessId });
    expect(await (await post(first.path, { action: "next", wabaName: "X" })).text()).toContain(
      'data-autopilot="cancel"',
    );
    const second = await openDialog({ display: "popup", origin: "https://partner.example" });
    expect(second.html).not.toContain("data-autopilot");
  });

  test("a reset drops the armed autopilot and the popup settings", async () => {
    await control("autopilot", { outcome: "finish" });
    await control("reset", {});
    const { html } = await openDialog({ display: "popup", origin: "https://partner.example" });
    expect(html).not.toContain("data-autopilot");
  });
});

describe("control routes", () => {
  test.each([
    [{ outcome: "explode" }, "outcome"],
    [{ outcome: "cancel", atStep: "SUCCESS" }, "atStep"],
    [{ outcome: "finish", delayMs: -1 }, "delayMs"],
    ["not an object", ""],
  ])("autopilot refuses %j with validation_failed", async (body, path) => {
    const response = await control("autopilot", body);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "validation_failed", status: 400 });
    expect(problem.errors.map((error: { path: string }) => error.path)).toEqual([path]);
  });

  test("popup settings need a boolean", async () => {
    expect((await control("popup-settings", { verification: "yes" })).status).toBe(400);
    expect(await (await control("popup-settings", { verification: true })).json()).toEqual({
      verification: true,
    });
  });

  test("without the control API there is no autopilot route", async () => {
    const plain = createFakeGraph({ seed: 3 });
    const response = await plain.request("/__sandbox/autopilot", {
      method: "POST",
      body: '{"outcome":"finish"}',
    });
    expect(response.status).not.toBe(200);
  });
});

describe("sdk.js", () => {
  test.each([
    ["/sdk.js", "en_US"],
    ["/en_US/sdk.js", "en_US"],
    ["/de_DE/sdk.js", "de_DE"],
  ])("%s is JavaScript any page may load with crossorigin=anonymous", async (path, locale) => {
    const response = await graph.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const source = await response.text();
    expect(source).toContain("window.FB = FB");
    expect(source).toContain(`"locale":"${locale}"`);
  });
});
