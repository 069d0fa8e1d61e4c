import {
  findSharedDir,
  SHARED_MISSING,
  validateOpenApiResponse,
} from "@wa-migrate/contracts/test-support";
import { beforeAll, describe, expect, test } from "vitest";
import { type Harness, startSandbox } from "../test-support/sandbox-harness.js";

// The sandbox's answers must validate against Meta's OpenAPI schema of the same operation.
const shared = findSharedDir();
const describeMeta = shared ? describe : describe.skip;
if (!shared) console.warn(`skipped: ${SHARED_MISSING}`);

/**
 * Reviewed overlay of the spec's known defects (shared/meta-openapi/ANALYSIS.md §7). Each entry
 * names the operation, the violation it excuses and why; the last test proves each is still needed.
 */
const OVERLAY: { operationId: string; violation: RegExp; why: string }[] = [
  {
    operationId: "getWhatsAppBusinessAccountPhoneNumbers",
    violation: /^\/data\/\d+ must have required property 'status'$/,
    why: "ANALYSIS §7.4: items require `status`, but Graph's default fields (and Meta's own Postman examples) omit it",
  },
  {
    operationId: "getWhatsAppBusinessAccountDetails",
    violation: /^\/(phone_numbers|message_templates) must be array$/,
    why: "the yaml declares the WABA's edges as arrays, but Graph's field expansion guide answers an expanded edge as a page {data, paging}; the page itself is checked against the edge operation's schema",
  },
];

function violations(operationId: string, status: number, body: unknown): string[] {
  return validateOpenApiResponse(operationId, status, body).filter(
    (v) => !OVERLAY.some((o) => o.operationId === operationId && o.violation.test(v)),
  );
}

describeMeta("success answers validate against Meta's OpenAPI by operationId", () => {
  let h: Harness;
  let token: string;
  let wabaId: string;
  let phoneId: string;
  const answers: Record<string, { status: number; body: unknown }> = {};
  let expanded: { status: number; body: Record<string, unknown> };

  beforeAll(async () => {
    h = await startSandbox("happy");
    const signup = await h.signup();
    token = await h.exchange(signup.code);
    wabaId = signup.waba_id;
    phoneId = signup.phone_number_id as string;
    const sys = h.partner.system_token;
    answers.getCreditLines = await h.call(
      "GET",
      `/v26.0/${h.partner.business_id}/extendedcredits`,
      { token: sys },
    );
    answers.getBusinessPortfolioSpecificFields = await h.call(
      "GET",
      `/v26.0/${signup.business_id}?fields=id,name,verification_status`,
      { token },
    );
    answers.subscribeToWabaWebhooks = await h.call("POST", `/v26.0/${wabaId}/subscribed_apps`, {
      token,
    });
    answers.getAllSubscriptionsForAWaba = await h.call("GET", `/v26.0/${wabaId}/subscribed_apps`, {
      token,
    });
    answers.getWhatsAppBusinessAccountDetails = await h.call(
      "GET",
      `/v26.0/${wabaId}?fields=id,name,currency,timezone_id,message_template_namespace,account_review_status,owner_business_info,primary_funding_id,status`,
      { token },
    );
    // Nested phone fields without `status`: the yaml's phone status enum lacks CONNECTED (ANALYSIS §5).
    expanded = await h.call(
      "GET",
      `/v26.0/${h.graph.sandbox.state.customer.sourceWabaId}?fields=id,name,account_review_status,phone_numbers.limit(100){id,display_phone_number,verified_name,quality_rating},message_templates.limit(5){id,name,language,status,category,quality_score}`,
      { token },
    );
    answers.getWhatsAppBusinessAccountPhoneNumbers = await h.call(
      "GET",
      `/v26.0/${wabaId}/phone_numbers`,
      { token },
    );
    answers.getPhoneNumberById = await h.call(
      "GET",
      `/v26.0/${phoneId}?fields=id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status,status,platform_type,is_official_business_account,account_mode,throughput,is_pin_enabled`,
      { token },
    );
    answers.getTemplateByNameDefaultFields = await h.call(
      "GET",
      `/v26.0/${h.graph.sandbox.state.customer.sourceWabaId}/message_templates`,
      { token },
    );
    const templateId = answers.getTemplateByNameDefaultFields.body as { data: { id: string }[] };
    answers.getTemplateByIdDefaultFields = await h.call("GET", `/v26.0/${templateId.data[0]?.id}`, {
      token,
    });
    answers.registerWhatsAppBusinessPhoneNumber = await h.call(
      "POST",
      `/v26.0/${phoneId}/register`,
      { token, body: { messaging_product: "whatsapp", pin: "246810" } },
    );
    answers.updatePhoneNumberStatus = await h.call("POST", `/v26.0/${phoneId}`, {
      token,
      body: { pin: "246811" },
    });
    answers.deregisterPhoneNumber = await h.call("POST", `/v26.0/${phoneId}/deregister`, { token });
    answers.unsubscribeFromWabaWebhooks = await h.call(
      "DELETE",
      `/v26.0/${wabaId}/subscribed_apps`,
      { token },
    );
    // The partner's system user on the shared account (Meta's "Manage System Users").
    await h.assignSystemUser(wabaId);
    answers.getAssignedUsers = await h.call(
      "GET",
      `/v26.0/${wabaId}/assigned_users?business=${h.partner.business_id}`,
      { token: sys },
    );
    // Programmatic path on a fresh world.
    const p = await startSandbox("happy");
    const s2 = await p.signup();
    const t2 = await p.exchange(s2.code);
    await p.call("POST", `/v26.0/${s2.waba_id}/subscribed_apps`, { token: t2 });
    const phone = p.graph.sandbox.state.phones.get(s2.phone_number_id as string);
    if (phone) phone.migration = undefined;
    answers.createWhatsAppBusinessAccountPhoneNumber = await p.call(
      "POST",
      `/v26.0/${s2.waba_id}/phone_numbers`,
      { token: t2, form: { cc: "1", phone_number: "6315551234", migrate_phone_number: "true" } },
    );
    answers.requestVerificationCode = await p.call(
      "POST",
      `/v26.0/${s2.phone_number_id}/request_code`,
      { token: t2, form: { code_method: "SMS", language: "en_US" } },
    );
    const code = p.graph.sandbox.state.phones.get(s2.phone_number_id as string)?.verificationCode;
    answers.verifyPhoneNumberCode = await p.call(
      "POST",
      `/v26.0/${s2.phone_number_id}/verify_code`,
      { token: t2, form: { code: String(code) } },
    );
  });

  test.each([
    "getCreditLines",
    "getBusinessPortfolioSpecificFields",
    "subscribeToWabaWebhooks",
    "getAllSubscriptionsForAWaba",
    "getWhatsAppBusinessAccountDetails",
    "getWhatsAppBusinessAccountPhoneNumbers",
    "getPhoneNumberById",
    "getTemplateByNameDefaultFields",
    "getTemplateByIdDefaultFields",
    "registerWhatsAppBusinessPhoneNumber",
    "updatePhoneNumberStatus",
    "deregisterPhoneNumber",
    "unsubscribeFromWabaWebhooks",
    "getAssignedUsers",
    "createWhatsAppBusinessAccountPhoneNumber",
    "requestVerificationCode",
    "verifyPhoneNumberCode",
  ])("%s", (operationId) => {
    const answer = answers[operationId];
    expect(answer?.status, JSON.stringify(answer?.body)).toBe(200);
    expect(violations(operationId, 200, answer?.body)).toEqual([]);
  });

  test("a WABA read with expanded edges validates; its nested pages validate as the edges' own answers", () => {
    expect(expanded.status, JSON.stringify(expanded.body)).toBe(200);
    expect(violations("getWhatsAppBusinessAccountDetails", 200, expanded.body)).toEqual([]);
    expect(
      violations("getWhatsAppBusinessAccountPhoneNumbers", 200, expanded.body.phone_numbers),
    ).toEqual([]);
    expect(
      violations("getTemplateByNameDefaultFields", 200, expanded.body.message_templates),
    ).toEqual([]);
  });

  test("the overlay is still needed: Meta's schema rejects what each entry excuses", () => {
    for (const entry of OVERLAY) {
      const body =
        entry.operationId === "getWhatsAppBusinessAccountDetails"
          ? expanded.body
          : answers[entry.operationId]?.body;
      const raw = validateOpenApiResponse(entry.operationId, 200, body);
      expect(
        raw.some((v) => entry.violation.test(v)),
        entry.why,
      ).toBe(true);
    }
  });
});

describeMeta("error answers validate against Meta's error schema", () => {
  test.each([
    ["registerWhatsAppBusinessPhoneNumber", "two-step-on", "register"],
    ["registerWhatsAppBusinessPhoneNumber", "pin-mismatch", "register"],
    ["registerWhatsAppBusinessPhoneNumber", "register-rate-limited", "register"],
    ["registerWhatsAppBusinessPhoneNumber", "happy", "register"],
    ["getWhatsAppBusinessAccountDetails", "rate-limited", "waba"],
    ["getWhatsAppBusinessAccountDetails", "token-expired", "waba"],
    ["getPhoneNumberById", "happy", "bad-field"],
    ["subscribeToWabaWebhooks", "no-default-webhook", "subscribe"],
    ["createWhatsAppBusinessAccountPhoneNumber", "happy", "programmatic-two-step"],
    ["requestVerificationCode", "happy", "request-code"],
  ] as const)("%s in %s (%s)", async (operationId, scenario, action) => {
    const h = await startSandbox(scenario);
    const signup = await h.signup({ force: true });
    const token = await h.exchange(signup.code);
    const phoneId = signup.phone_number_id as string;
    const answer = await (async () => {
      switch (action) {
        case "register":
          return h.call("POST", `/v26.0/${phoneId}/register`, {
            token,
            body: { messaging_product: "whatsapp", pin: "111111" },
          });
        case "waba":
          return h.call("GET", `/v26.0/${signup.waba_id}`, { token });
        case "bad-field":
          return h.call("GET", `/v26.0/${phoneId}?fields=nonexistent_field`, { token });
        case "subscribe":
          return h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
        case "programmatic-two-step": {
          const phone = h.graph.sandbox.state.phones.get(phoneId);
          if (phone) phone.twoStepEnabled = true;
          return h.call("POST", `/v26.0/${signup.waba_id}/phone_numbers`, {
            token,
            form: { cc: "1", phone_number: "6315551234", migrate_phone_number: "true" },
          });
        }
        case "request-code":
          return h.call("POST", `/v26.0/${phoneId}/request_code`, {
            token,
            form: { code_method: "SMS", language: "en_US" },
          });
        default:
          return action satisfies never;
      }
    })();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(violations(operationId, answer.status, answer.body)).toEqual([]);
  });
});
