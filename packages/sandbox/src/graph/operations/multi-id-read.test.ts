import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

// Graph's multiple-id read: `GET /?ids=a,b&fields=...` answers `{a: {...}, b: {...}}` in one call,
// or fails whole.

async function world() {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  return { h, signup, token, source };
}

describe("GET /?ids=a,b&fields=... (multiple-id read)", () => {
  test("answers each id as its own GET would, keyed by id, expansions included, in one call", async () => {
    const { h, token, signup, source } = await world();
    const answer = await h.call(
      "GET",
      `/v26.0/?ids=${source},${signup.waba_id}&fields=id,account_review_status,phone_numbers{id}`,
      { token },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([signup.waba_id, source].sort());
    expect(answer.body[source]).toMatchObject({
      id: source,
      account_review_status: "APPROVED",
      phone_numbers: { data: [{ id: h.graph.sandbox.state.customer.phoneId }] },
    });
    const calls = await h.calls("getNodesByIds");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ path: "/", params: { ids: `${source},${signup.waba_id}` } });
  });

  test("an id that does not exist fails the whole read with #803", async () => {
    const { h, token, source } = await world();
    const answer = await h.call("GET", `/v26.0/?ids=${source},999000111&fields=id`, { token });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 803,
      message: "(#803) Some of the aliases you requested do not exist: 999000111",
    });
  });

  test("an id the token cannot read fails the whole read with that node's error", async () => {
    const { h, signup } = await world();
    const other = await h.signup({ force: true });
    const token = await h.exchange(other.code);
    // The first signup's destination is not the second token's.
    const answer = await h.call("GET", `/v26.0/?ids=${other.waba_id},${signup.waba_id}&fields=id`, {
      token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  test("more than 50 ids is #100", async () => {
    const { h, token, source } = await world();
    const ids = [source, ...Array.from({ length: 50 }, (_, i) => String(1000 + i))];
    const answer = await h.call("GET", `/v26.0/?ids=${ids.join(",")}&fields=id`, { token });
    expect(answer.body.error).toMatchObject({
      code: 100,
      message: "(#100) Too many IDs. Maximum: 50.",
    });
  });
});
