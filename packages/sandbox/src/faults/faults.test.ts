import { describe, expect, test } from "vitest";
import { createRng } from "../engine/rng.js";
import { startSandbox } from "../test-support/sandbox-harness.js";
import { FaultInjector } from "./fault-injector.js";

async function ready() {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const setFaults = (faults: unknown) =>
    h.graph.request("/__sandbox/faults", { method: "POST", body: JSON.stringify(faults) });
  return { h, signup, token, setFaults };
}

describe("faults", () => {
  test("fail the next N calls of an operation with a code; only Meta's request count changes; then normal", async () => {
    const { h, signup, token, setFaults } = await ready();
    await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
    await setFaults({
      failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 2, code: 131000 }],
    });
    const body = { messaging_product: "whatsapp", pin: "246810" };
    const path = `/v26.0/${signup.phone_number_id}/register`;
    const first = await h.call("POST", path, { token, body });
    expect(first.status).toBe(500);
    expect(first.body.error).toMatchObject({
      code: 131000,
      message: "(#131000) Something went wrong",
      is_transient: true,
    });
    expect((await h.call("POST", path, { token, body })).status).toBe(500);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id as string);
    expect(phone?.twoStepEnabled).toBe(false);
    // The failed requests reached registration: they count toward the 10 per 72 h.
    expect(phone?.registrationRequests).toHaveLength(2);
    expect((await h.call("POST", path, { token, body })).status).toBe(200);
    const calls = await h.calls("registerWhatsAppBusinessPhoneNumber");
    expect(calls.map((c) => [c.status, c.errorCode, c.fault])).toEqual([
      [500, 131000, "131000"],
      [500, 131000, "131000"],
      [200, null, null],
    ]);
  });

  test.each([
    [1, 400, true],
    [2, 503, true],
    [4, 400, true],
    [10, 403, false],
    [17, 400, true],
    [32, 400, undefined],
    [613, 400, undefined],
    [80007, 400, true],
    [130429, 400, true],
    [131000, 500, true],
    [131016, 500, true],
    [131045, 500, false],
    [133000, 500, false],
    [190, 401, undefined],
  ])(
    "code %i answers with HTTP %i and Graph's envelope (is_transient %s)",
    async (code, status, transient) => {
      const { h, signup, token, setFaults } = await ready();
      await setFaults({
        failNext: [{ operation: "getWhatsAppBusinessAccountDetails", count: 1, code }],
      });
      const answer = await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
      expect(answer.status).toBe(status);
      expect(answer.body.error.code).toBe(code);
      expect(answer.body.error.is_transient).toBe(transient);
      expect(answer.body.error.fbtrace_id).toBe(answer.headers.get("x-fb-trace-id"));
    },
  );

  test("a chosen subcode is sent", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({
      failNext: [
        { operation: "getWhatsAppBusinessAccountDetails", count: 1, code: 190, subcode: 460 },
      ],
    });
    expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).body.error).toMatchObject({
      code: 190,
      error_subcode: 460,
    });
  });

  test("5xx answers a plain-text 503 from the edge", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({
      failNext: [{ operation: "getWhatsAppBusinessAccountDetails", count: 1, code: "5xx" }],
    });
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
    expect(answer).toMatchObject({ status: 503, body: "Service Unavailable" });
  });

  test("drop: the in-process fetch rejects like a reset connection", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({
      failNext: [{ operation: "getWhatsAppBusinessAccountDetails", count: 1, code: "drop" }],
    });
    const request = h.graph.request(`/v26.0/${signup.waba_id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expect(request).rejects.toThrow(TypeError);
    const [call] = await h.calls("getWhatsAppBusinessAccountDetails");
    expect(call.fault).toBe("drop");
  });

  test("timeout: the request hangs until the client aborts, then the connection drops", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({
      failNext: [{ operation: "getWhatsAppBusinessAccountDetails", count: 1, code: "timeout" }],
      timeoutMs: 600_000,
    });
    const controller = new AbortController();
    const pending = Promise.resolve(
      h.graph.request(`/v26.0/${signup.waba_id}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      }),
    );
    let settled = false;
    void pending
      .then(
        () => {},
        () => {},
      )
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toThrow(TypeError);
  });

  test("the error rate is drawn from the seed: same seed, same failures; only the chosen codes", async () => {
    const run = async () => {
      const { h, signup, token, setFaults } = await ready();
      await setFaults({ errorRate: { rate: 0.3, codes: [4, 17] } });
      const out: number[] = [];
      for (let i = 0; i < 60; i += 1)
        out.push(
          (await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).body.error?.code ?? 0,
        );
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([0, 4, 17]));
  });

  test("the error rate can target chosen operations", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({ errorRate: { rate: 1, codes: [2], operations: ["getPhoneNumberById"] } });
    expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).status).toBe(200);
    expect(
      (await h.call("GET", `/v26.0/${signup.phone_number_id}`, { token })).body.error.code,
    ).toBe(2);
  });

  test("latency: fixed plus seeded jitter within bounds", () => {
    const injector = new FaultInjector(createRng(3));
    injector.configure({ latency: { fixedMs: 40, jitterMs: 10 } });
    const delays = Array.from({ length: 50 }, () => injector.decide("debugToken", 5).delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...delays)).toBeLessThan(55);
    const again = new FaultInjector(createRng(3));
    again.configure({ latency: { fixedMs: 40, jitterMs: 10 } });
    expect(Array.from({ length: 50 }, () => again.decide("debugToken", 5).delayMs)).toEqual(delays);
  });

  test.each([
    [{ errorRate: { rate: 2, codes: [1] } }],
    [{ errorRate: { rate: 0.5, codes: [999] } }],
    [{ failNext: [{ operation: "x", code: "explode" }] }],
    [{ latency: { fixedMs: -1 } }],
    [[1, 2]],
  ])("an invalid config %j is refused with problem+json and changes nothing", async (config) => {
    const { h, setFaults } = await ready();
    await setFaults({ failNext: [{ operation: "debugToken", count: 1, code: 1 }] });
    const answer = await setFaults(config);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect((await answer.json()).code).toBe("validation_failed");
    expect(h.graph.sandbox.faults.config.failNext?.[0]?.count).toBe(1);
  });

  test("an empty config clears the faults", async () => {
    const { h, signup, token, setFaults } = await ready();
    await setFaults({ errorRate: { rate: 1, codes: [1] } });
    await setFaults({});
    expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).status).toBe(200);
  });
});
