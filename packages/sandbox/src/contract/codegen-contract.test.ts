import { codegenSpec, findSharedDir, SHARED_MISSING } from "@wa-migrate/contracts/test-support";
import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Operations Meta's OpenAPI lacks are checked against the SDK codegen specs: the parameters the
// sandbox requires and accepts, and the fields it can answer.
const shared = findSharedDir();
const describeMeta = shared ? describe : describe.skip;
if (!shared) console.warn(`skipped: ${SHARED_MISSING}`);

function api(node: string, method: string, endpoint: string | undefined) {
  const found = codegenSpec(node).apis.find(
    (a) => a.method === method && (a as { endpoint?: string }).endpoint === endpoint,
  );
  if (!found) throw new Error(`${node} ${method} ${endpoint} not in the codegen`);
  return found;
}

async function flow() {
  const h = await startSandbox("happy");
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  // The partner's prerequisite of a credit share (Meta's "Manage System Users").
  await h.assignSystemUser(signup.waba_id);
  return {
    h,
    signup,
    token,
    sys: h.partner.system_token,
    source: h.graph.sandbox.state.customer.sourceWabaId,
  };
}

describeMeta("operations outside Meta's OpenAPI follow the codegen specs", () => {
  test("whatsapp_credit_sharing_and_attach: the codegen's required params are required, and enough", async () => {
    const spec = api("ExtendedCredit", "POST", "whatsapp_credit_sharing_and_attach");
    expect(spec.params.map((p) => p.name).sort()).toEqual(["waba_currency", "waba_id"]);
    const { h, signup, sys } = await flow();
    const all = { waba_currency: "USD", waba_id: signup.waba_id };
    for (const param of spec.params.filter((p) => p.required)) {
      const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== param.name));
      const answer = await h.call(
        "POST",
        `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach`,
        { token: sys, form: rest },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 100,
        message: `(#100) The parameter ${param.name} is required`,
      });
    }
    const ok = await h.call(
      "POST",
      `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach`,
      { token: sys, form: all },
    );
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(["allocation_config_id", "waba_id"]);
  });

  test("allocation config: every codegen field can be asked for, and answers only codegen fields", async () => {
    const fields = codegenSpec("ExtendedCreditAllocationConfig").fields.map((f) => f.name);
    const { h, signup, sys } = await flow();
    const share = await h.call(
      "POST",
      `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_currency=USD&waba_id=${signup.waba_id}`,
      { token: sys },
    );
    const answer = await h.call(
      "GET",
      `/v26.0/${share.body.allocation_config_id}?fields=${fields.join(",")}`,
      { token: sys },
    );
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).every((k) => fields.includes(k))).toBe(true);
    expect(answer.body.receiving_credential.id).toBe(
      h.graph.sandbox.state.wabas.get(signup.waba_id)?.primary_funding_id,
    );
  });

  test("migrate_message_templates: the codegen's params, source_waba_id required", async () => {
    const spec = api("WhatsAppBusinessAccount", "POST", "migrate_message_templates");
    expect(spec.params.map((p) => p.name).sort()).toEqual([
      "count",
      "page_number",
      "source_waba_id",
      "template_ids",
    ]);
    expect(spec.params.filter((p) => p.required).map((p) => p.name)).toEqual(["source_waba_id"]);
    const { h, signup, token, source } = await flow();
    const missing = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { count: 10 },
    });
    expect(missing.body.error).toMatchObject({
      code: 100,
      message: "(#100) The parameter source_waba_id is required",
    });
    const ids = h.graph.sandbox.state
      .templatesOf(source)
      .slice(0, 2)
      .map((t) => t.id);
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: source, page_number: 0, count: 500, template_ids: ids },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.migrated_templates).toEqual(ids);
  });

  test.each([
    ["WhatsAppBusinessAccount", "subscribed_apps"],
    ["WhatsAppBusinessAccount", "phone_numbers"],
  ])("%s POST %s: the sandbox reads the codegen's param names", async (node, edge) => {
    const names = api(node, "POST", edge)
      .params.map((p) => p.name)
      .sort();
    const expected =
      edge === "subscribed_apps"
        ? ["override_callback_uri", "verify_token"]
        : ["cc", "migrate_phone_number", "phone_number", "preverified_id", "verified_name"];
    expect(names).toEqual(expected);
  });

  test.each(["phone_numbers", "message_templates"])(
    "the WABA edge %s, expanded in ?fields=, is a GET edge of the codegen's WhatsAppBusinessAccount",
    async (edge) => {
      expect(api("WhatsAppBusinessAccount", "GET", edge)).toBeDefined();
      const { h, token, source } = await flow();
      const answer = await h.call("GET", `/v26.0/${source}?fields=id,${edge}.limit(2){id}`, {
        token,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body[edge].data.length).toBeGreaterThan(0);
    },
  );

  test.each([
    ["WhatsAppBusinessAccount", "waba"],
    ["Business", "business"],
    ["ExtendedCredit", "credit"],
  ])("every %s codegen field is accepted in ?fields= (no #100)", async (node, kind) => {
    const fields = codegenSpec(node).fields.map((f) => f.name);
    const { h, signup, token, sys } = await flow();
    const path =
      kind === "waba"
        ? `/v26.0/${signup.waba_id}`
        : kind === "business"
          ? `/v26.0/${signup.business_id}`
          : `/v26.0/${h.partner.business_id}/extendedcredits`;
    const answer = await h.call("GET", `${path}?fields=${fields.join(",")}`, {
      token: kind === "credit" ? sys : token,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = kind === "credit" ? answer.body.data[0] : answer.body;
    expect(Object.keys(body).every((k) => fields.includes(k))).toBe(true);
  });
});
