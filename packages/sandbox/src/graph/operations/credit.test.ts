import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

async function ready() {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  await h.assignSystemUser(signup.waba_id);
  const share = (form: Record<string, string>, auth = h.partner.system_token) =>
    h.call("POST", `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach`, {
      token: auth,
      form,
    });
  return { h, signup, token, share };
}

describe("credit line", () => {
  test("extendedcredits lists the partner's line, with legal_entity_name on request", async () => {
    const { h } = await ready();
    const path = `/v26.0/${h.partner.business_id}/extendedcredits`;
    expect((await h.call("GET", path, { token: h.partner.system_token })).body).toEqual({
      data: [{ id: h.partner.credit_line_id }],
    });
    const named = await h.call("GET", `${path}?fields=id,legal_entity_name`, {
      token: h.partner.system_token,
    });
    expect(named.body.data[0]).toEqual({
      id: h.partner.credit_line_id,
      legal_entity_name: "Lucky Shrub Partners Ltd",
    });
  });

  test("owning_credit_allocation_configs lists the line's allocations, per customer portfolio", async () => {
    const { h, signup, share } = await ready();
    const shared = await share({ waba_id: signup.waba_id, waba_currency: "EUR" });
    const path = (query: string) =>
      `/v26.0/${h.partner.credit_line_id}/owning_credit_allocation_configs?${query}`;
    const mine = await h.call(
      "GET",
      path(`receiving_business_id=${signup.business_id}&fields=id,receiving_credential`),
      { token: h.partner.system_token },
    );
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([
      { id: shared.body.allocation_config_id, receiving_credential: { id: expect.any(String) } },
    ]);
    const others = await h.call("GET", path("receiving_business_id=123"), {
      token: h.partner.system_token,
    });
    expect(others.body).toEqual({ data: [] });
  });

  test("credit-line calls need the partner's system token (business token: #200)", async () => {
    const { h, token } = await ready();
    const answer = await h.call("GET", `/v26.0/${h.partner.business_id}/extendedcredits`, {
      token,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 200, message: "(#200) Permissions error" });
  });

  test("sharing attaches the line: receiving_credential equals the WABA's primary_funding_id", async () => {
    const { h, signup, token, share } = await ready();
    const shared = await share({ waba_id: signup.waba_id, waba_currency: "EUR" });
    expect(shared.body).toEqual({
      allocation_config_id: expect.stringMatching(/^\d+$/),
      waba_id: signup.waba_id,
    });
    const allocation = await h.call(
      "GET",
      `/v26.0/${shared.body.allocation_config_id}?fields=receiving_credential`,
      { token: h.partner.system_token },
    );
    const waba = await h.call(
      "GET",
      `/v26.0/${signup.waba_id}?fields=primary_funding_id,currency`,
      { token },
    );
    expect(allocation.body.receiving_credential.id).toBe(waba.body.primary_funding_id);
    expect(waba.body.currency).toBe("EUR");
  });

  test("a new account gets its invoicing currency from the share; an account's own currency is never rewritten", async () => {
    const { h, signup, token, share } = await ready();
    const currency = async () =>
      (await h.call("GET", `/v26.0/${signup.waba_id}?fields=id,currency`, { token })).body;
    expect(await currency()).toEqual({ id: signup.waba_id });
    await share({ waba_id: signup.waba_id, waba_currency: "GBP" });
    expect((await currency()).currency).toBe("GBP");

    const other = await ready();
    const waba = other.h.graph.sandbox.state.wabas.get(other.signup.waba_id);
    if (!waba) throw new Error("the signup created the account");
    waba.currency = "EUR";
    expect(
      (await other.share({ waba_id: other.signup.waba_id, waba_currency: "USD" })).status,
    ).toBe(200);
    expect(waba.currency).toBe("EUR");
  });

  test("sharing again with the same line answers the same allocation", async () => {
    const { signup, share } = await ready();
    const first = await share({ waba_id: signup.waba_id, waba_currency: "USD" });
    const second = await share({ waba_id: signup.waba_id, waba_currency: "USD" });
    expect(second.body).toEqual(first.body);
  });

  test.each([
    [{ waba_currency: "CHF" }, "(#100) Invalid parameter"],
    [{ waba_id: "123456789012345" }, "(#100) Invalid parameter"],
  ])("bad sharing %j: #100", async (override, message) => {
    const { h, signup, share } = await ready();
    const answer = await share({ waba_id: signup.waba_id, waba_currency: "USD", ...override });
    expect(answer.body.error).toMatchObject({ code: 100, message });
    expect(h.graph.sandbox.state.allocations.size).toBe(0);
  });

  test("a WABA the customer did not share cannot get the line", async () => {
    const h = await startSandbox("source-obo");
    await h.signup();
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    const answer = await h.call(
      "POST",
      `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_currency=USD&waba_id=${source}`,
      { token: h.partner.system_token },
    );
    expect(answer.body.error.code).toBe(100);
  });

  test("DELETE revokes: request_status DELETED and the WABA's funding is gone", async () => {
    const { h, signup, token, share } = await ready();
    const shared = await share({ waba_id: signup.waba_id, waba_currency: "USD" });
    const id = shared.body.allocation_config_id;
    expect(
      (await h.call("GET", `/v26.0/${id}?fields=request_status`, { token: h.partner.system_token }))
        .body,
    ).toEqual({ id });
    expect(
      (await h.call("DELETE", `/v26.0/${id}`, { token: h.partner.system_token })).body,
    ).toEqual({ success: true });
    expect(
      (await h.call("GET", `/v26.0/${id}?fields=request_status`, { token: h.partner.system_token }))
        .body,
    ).toEqual({ request_status: "DELETED", id });
    expect(
      (await h.call("GET", `/v26.0/${signup.waba_id}?fields=primary_funding_id`, { token })).body,
    ).toEqual({ id: signup.waba_id });
  });
});
