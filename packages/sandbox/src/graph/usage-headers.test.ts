import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";
import { APP_HOURLY_CALLS } from "./usage-headers.js";

describe("rate limits and usage headers", () => {
  test("x-business-use-case-usage is keyed by the WABA id with the hourly percentage", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    for (let i = 0; i < 9; i += 1) await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}/phone_numbers`, { token });
    expect(JSON.parse(answer.headers.get("x-business-use-case-usage") ?? "")).toEqual({
      [signup.waba_id]: [
        {
          type: "whatsapp_business_management",
          call_count: 5,
          total_cputime: 1,
          total_time: 1,
          estimated_time_to_regain_access: 0,
        },
      ],
    });
  });

  test("phone calls count against the number's WABA", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    const answer = await h.call("GET", `/v26.0/${signup.phone_number_id}`, { token });
    expect(Object.keys(JSON.parse(answer.headers.get("x-business-use-case-usage") ?? ""))).toEqual([
      h.graph.sandbox.state.customer.sourceWabaId,
    ]);
  });

  test("200 calls per hour for a WABA without a registered number, then 80007 until the next hour", async () => {
    const h = await startSandbox();
    const signup = await h.signup();
    const token = await h.exchange(signup.code);
    for (let i = 0; i < 200; i += 1)
      expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).status).toBe(200);
    const over = await h.call("GET", `/v26.0/${signup.waba_id}`, { token });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({
      code: 80007,
      message: "(#80007) Rate limit issues",
      is_transient: true,
    });
    expect(
      JSON.parse(over.headers.get("x-business-use-case-usage") ?? "")[signup.waba_id][0]
        .estimated_time_to_regain_access,
    ).toBe(60);
    // Other WABAs are not affected.
    expect(
      (await h.call("GET", `/v26.0/${h.graph.sandbox.state.customer.sourceWabaId}`, { token }))
        .status,
    ).toBe(200);
    await h.graph.sandbox.advance(3_600_000);
    expect((await h.call("GET", `/v26.0/${signup.waba_id}`, { token })).status).toBe(200);
  });

  test("a WABA with a registered number gets 5,000 calls per hour", async () => {
    const h = await startSandbox();
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    expect(h.graph.sandbox.wabaHourlyLimit(source)).toBe(5000);
    const signup = await h.signup();
    expect(h.graph.sandbox.wabaHourlyLimit(signup.waba_id)).toBe(200);
    const token = await h.exchange(signup.code);
    for (let i = 0; i < 250; i += 1) await h.call("GET", `/v26.0/${source}`, { token });
    const answer = await h.call("GET", `/v26.0/${source}`, { token });
    expect(answer.status).toBe(200);
    expect(
      JSON.parse(answer.headers.get("x-business-use-case-usage") ?? "")[source][0].call_count,
    ).toBe(6);
  });

  test("x-app-usage counts each request once", async () => {
    const h = await startSandbox();
    const calls = Math.floor(APP_HOURLY_CALLS / 200) + 1;
    let answer = await h.call("GET", "/v26.0/debug_token");
    for (let i = 1; i < calls; i += 1) answer = await h.call("GET", "/v26.0/debug_token");
    // Just past half a percent of the hourly budget: one percent, not the two of a double count.
    expect(JSON.parse(answer.headers.get("x-app-usage") ?? "").call_count).toBe(
      Math.ceil((calls * 100) / APP_HOURLY_CALLS),
    );
    expect(Math.ceil((calls * 100) / APP_HOURLY_CALLS)).toBe(1);
  });
});
