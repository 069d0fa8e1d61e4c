import { describe, expect, test } from "vitest";
import { startSandbox } from "../../test-support/sandbox-harness.js";

// Meta, "Onboarding business customers as a Solution Partner", step 3: "If you are using the
// whatsapp_credit_sharing_and_attach API, you must add your System User to the shared WhatsApp
// Business Accounts as a prerequisite" ("Manage System Users": POST /{waba}/assigned_users with
// `user` and `tasks`, the codegen's two required params). Embedded Signup shares the account with
// the partner's portfolio, not with its system user.

async function ready(scenario: "happy" | "source-obo" = "happy") {
  const h = await startSandbox(scenario);
  const signup = await h.signup();
  const sys = h.partner.system_token;
  const share = () =>
    h.call(
      "POST",
      `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_currency=USD&waba_id=${signup.waba_id}`,
      { token: sys },
    );
  const users = () =>
    h.call("GET", `/v26.0/${signup.waba_id}/assigned_users?business=${h.partner.business_id}`, {
      token: sys,
    });
  return { h, signup, sys, share, users };
}

describe("assigned_users", () => {
  test("the credit share needs the partner's system user on the account; assigning it with MANAGE lets it through", async () => {
    const { h, signup, share, users } = await ready();
    const refused = await share();
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe(100);
    expect((await users()).body).toEqual({ data: [] });

    const assigned = await h.assignSystemUser(signup.waba_id);
    expect(assigned).toMatchObject({ status: 200, body: { success: true } });
    expect((await users()).body.data).toEqual([
      { id: h.partner.system_user_id, name: expect.any(String), tasks: ["MANAGE"] },
    ]);
    expect((await share()).status).toBe(200);
    // Assigning again is harmless: the same tasks.
    expect((await h.assignSystemUser(signup.waba_id)).status).toBe(200);
    expect((await users()).body.data).toHaveLength(1);
  });

  test.each([
    ["without user", "tasks=['MANAGE']", "(#100) The parameter user is required"],
    ["without tasks", "user={user}", "(#100) The parameter tasks is required"],
    ["with an unknown task", "user={user}&tasks=['OWN']", "(#100) Invalid parameter"],
    [
      "for someone else's user",
      "user=123456789012345&tasks=['MANAGE']",
      "(#100) Invalid parameter",
    ],
  ])("assigning %s is #100 and changes nothing", async (_name, query, message) => {
    const { h, signup, sys, users } = await ready();
    const answer = await h.call(
      "POST",
      `/v26.0/${signup.waba_id}/assigned_users?${query.replace("{user}", h.partner.system_user_id)}`,
      { token: sys },
    );
    expect(answer.body.error).toMatchObject({ code: 100, message });
    expect((await users()).body).toEqual({ data: [] });
  });

  test("only the partner's system token assigns, and only on an account shared with the partner", async () => {
    const { h, signup } = await ready("source-obo");
    const token = await h.exchange(signup.code);
    const path = `/v26.0/${signup.waba_id}/assigned_users?user=${h.partner.system_user_id}&tasks=['MANAGE']`;
    expect((await h.call("POST", path, { token })).body.error.code).toBe(200);
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    const other = await h.call(
      "POST",
      `/v26.0/${source}/assigned_users?user=${h.partner.system_user_id}&tasks=['MANAGE']`,
      { token: h.partner.system_token },
    );
    expect(other.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  // Meta, "Manage System Users" > "Add System Users to a WhatsApp Business Account": "For this API
  // call, you need to use the access token of a System User with admin permissions."
  test("the app token cannot assign: #200, and the account keeps no user", async () => {
    const { h, signup, users } = await ready();
    const answer = await h.call(
      "POST",
      `/v26.0/${signup.waba_id}/assigned_users?user=${h.partner.system_user_id}&tasks=['MANAGE']`,
      { token: `${h.partner.app_id}|${h.partner.app_secret}` },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe(200);
    expect((await users()).body).toEqual({ data: [] });
  });

  test("listing needs the business parameter", async () => {
    const { h, signup, sys } = await ready();
    const answer = await h.call("GET", `/v26.0/${signup.waba_id}/assigned_users`, { token: sys });
    expect(answer.body.error.code).toBe(100);
  });
});
