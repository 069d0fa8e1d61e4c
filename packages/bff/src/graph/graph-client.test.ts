import { createFakeGraph, type FaultConfig, type PartnerConfig } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { createGraphClient } from "./graph-client.js";
import { errorCodeOfGraph, GraphError } from "./graph-error.js";

async function setup(
  faults: FaultConfig,
  scenario: "happy" | "rate-limited" = "happy",
  timeoutMs = 30_000,
) {
  const graph = createFakeGraph({
    scenario,
    seed: 3,
    // Mid-hour, so that Meta's hourly window has 30 minutes left whenever the test runs (the
    // wall clock made the regain test fail in the last minute of every hour).
    clock: () => Date.UTC(2026, 11, 4, 12, 30),
    control: true,
    webhookFetch: async () => new Response("ok"),
  });
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  const signup = await (
    await graph.request("/__sandbox/signups", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
  ).json();
  graph.sandbox.setFaults(faults);
  const sleeps: number[] = [];
  const client = createGraphClient({
    fetch: async (input, init) => graph.fetch(new Request(input, init)),
    baseUrl: "http://graph.sandbox.test",
    appId: partner.app_id,
    appSecret: partner.app_secret,
    systemToken: partner.system_token,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    timeoutMs,
  });
  const calls = async (operation: string) =>
    (
      (await (await graph.request(`/__sandbox/calls?operation=${operation}`)).json()) as {
        data: { status: number }[];
      }
    ).data;
  const token = (await client.exchangeCode(signup.code)).access_token;
  return { client, sleeps, calls, signup, token };
}

describe("Graph client retries", () => {
  test("retries transient errors with exponential backoff and full jitter", async () => {
    const h = await setup({
      failNext: [{ operation: "getPhoneNumberById", count: 2, code: 131000 }],
    });
    const phone = await h.client.getPhone(h.signup.phone_number_id, h.token);
    expect(phone.id).toBe(h.signup.phone_number_id);
    expect((await h.calls("getPhoneNumberById")).map((c) => c.status)).toEqual([500, 500, 200]);
    expect(h.sleeps).toEqual([125, 250]); // random 0.5 × 250·2^n
  });

  test("gives up after the attempts and keeps Meta's error with its fbtrace_id", async () => {
    const h = await setup({ failNext: [{ operation: "getPhoneNumberById", count: 9, code: 2 }] });
    const error = await h.client
      .getPhone(h.signup.phone_number_id, h.token)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((await h.calls("getPhoneNumberById")).length).toBe(4);
    expect((error as GraphError).toRef()).toMatchObject({ code: 2, fbtraceId: expect.any(String) });
    expect(errorCodeOfGraph(error as GraphError)).toBe("graph_unavailable");
  });

  test("times out a call that hangs and retries it", async () => {
    const h = await setup(
      { failNext: [{ operation: "getPhoneNumberById", count: 1, code: "timeout" }] },
      "happy",
      200,
    );
    const phone = await h.client.getPhone(h.signup.phone_number_id, h.token);
    expect(phone.id).toBe(h.signup.phone_number_id);
    expect(h.sleeps).toHaveLength(1);
  });

  test("does not retry permanent errors", async () => {
    const h = await setup({ failNext: [{ operation: "getPhoneNumberById", count: 1, code: 190 }] });
    const error = await h.client
      .getPhone(h.signup.phone_number_id, h.token)
      .catch((e: unknown) => e);
    expect(errorCodeOfGraph(error as GraphError)).toBe("token_invalid");
    expect(await h.calls("getPhoneNumberById")).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  test("never repeats a register after a 5xx or a dropped connection (its outcome is unknown)", async () => {
    const h = await setup({
      failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 1, code: "5xx" }],
    });
    await expect(
      h.client.register(h.signup.phone_number_id, h.token, "123456"),
    ).rejects.toBeInstanceOf(GraphError);
    expect(await h.calls("registerWhatsAppBusinessPhoneNumber")).toHaveLength(1);
  });

  test("retries a throttled register (Meta did not process it)", async () => {
    const h = await setup({
      failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 1, code: 130429 }],
    });
    await h.client.subscribeApp(h.signup.waba_id, h.token);
    await expect(h.client.register(h.signup.phone_number_id, h.token, "123456")).resolves.toEqual({
      success: true,
    });
    expect((await h.calls("registerWhatsAppBusinessPhoneNumber")).map((c) => c.status)).toEqual([
      400, 200,
    ]);
  });

  test("honours estimated_time_to_regain_access: a long wait is not slept through", async () => {
    const h = await setup({}, "rate-limited");
    const error = (await h.client
      .getWaba(h.signup.waba_id, h.token)
      .catch((e: unknown) => e)) as GraphError;
    expect(error.body?.code).toBe(80007);
    expect(error.details.regainAccessMs).toBeGreaterThan(60_000);
    expect(errorCodeOfGraph(error)).toBe("graph_rate_limited");
    expect(h.sleeps).toEqual([]);
    expect(await h.calls("getWhatsAppBusinessAccountDetails")).toHaveLength(1);
  });
});

describe("Graph client expanded reads", () => {
  test("getDestination: the WABA's fields and the first page of its numbers in one call", async () => {
    const h = await setup({});
    const waba = await h.client.getDestination(h.signup.waba_id, h.token);
    expect(waba.id).toBe(h.signup.waba_id);
    expect(waba.account_review_status).toBe("APPROVED");
    expect(waba.phone_numbers?.data.map((p) => p.id)).toEqual([h.signup.phone_number_id]);
    expect(waba.phone_numbers?.data[0]?.display_phone_number).toEqual(expect.any(String));
    expect(await h.calls("getWhatsAppBusinessAccountDetails")).toHaveLength(1);
    expect(await h.calls("getWhatsAppBusinessAccountPhoneNumbers")).toEqual([]);
  });

  test("getSources: several WABAs keyed by id in one call; an unknown id fails it as a GraphError", async () => {
    const h = await setup({});
    const read = await h.client.getSources([h.signup.waba_id], h.token);
    expect(Object.keys(read)).toEqual([h.signup.waba_id]);
    expect(read[h.signup.waba_id]?.phone_numbers?.data).toEqual([{ id: h.signup.phone_number_id }]);
    const error = (await h.client
      .getSources([h.signup.waba_id, "999000111"], h.token)
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toBeInstanceOf(GraphError);
    expect(error.body?.code).toBe(803);
    expect(error.transient).toBe(false);
    expect(await h.calls("getNodesByIds")).toHaveLength(2);
  });
});
