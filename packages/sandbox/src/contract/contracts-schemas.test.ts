import {
  AccountUpdateValueSchema,
  AllocationConfigSchema,
  AssignedUsersResponseSchema,
  BusinessSchema,
  CreditSharingResponseSchema,
  DebugTokenResponseSchema,
  ExtendedCreditsResponseSchema,
  GraphErrorEnvelopeSchema,
  IdResponseSchema,
  MessageTemplateListSchema,
  MessageTemplateSchema,
  MigrateTemplatesResponseSchema,
  PHONE_SNAPSHOT_FIELDS,
  PhoneNameUpdateValueSchema,
  PhoneNumberListSchema,
  PhoneNumberSchema,
  SubscribedAppsResponseSchema,
  SuccessResponseSchema,
  TemplateQualityUpdateValueSchema,
  TemplateStatusUpdateValueSchema,
  TokenExchangeResponseSchema,
  WabaSchema,
  WabaWithEdgesSchema,
  WebhookEnvelopeSchema,
} from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { startSandbox } from "../test-support/sandbox-harness.js";

// The BFF parses every Graph answer with the contracts' schemas: the sandbox's answers must parse.
type Schema = { safeParse(v: unknown): { success: boolean; error?: unknown } };

function parses(schema: Schema, value: unknown): void {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value).slice(0, 400)}\n${String(result.error)}`).toBe(
    true,
  );
}

describe("the sandbox's answers parse with the contracts' Graph schemas", () => {
  test("the whole migration, answer by answer", async () => {
    const h = await startSandbox("pending-rename");
    const signup = await h.signup({ force: true });
    const sys = h.partner.system_token;
    const exchange = await h.call(
      "GET",
      `/v26.0/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=${signup.code}`,
    );
    parses(TokenExchangeResponseSchema, exchange.body);
    const token = exchange.body.access_token;
    const source = h.graph.sandbox.state.customer.sourceWabaId;
    parses(
      DebugTokenResponseSchema,
      (await h.call("GET", `/v26.0/debug_token?input_token=${token}`, { token: sys })).body,
    );
    parses(
      ExtendedCreditsResponseSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${h.partner.business_id}/extendedcredits?fields=id,legal_entity_name,is_access_revoked`,
          { token: sys },
        )
      ).body,
    );
    parses(
      BusinessSchema,
      (
        await h.call("GET", `/v26.0/${signup.business_id}?fields=id,name,verification_status`, {
          token,
        })
      ).body,
    );
    const assigned = await h.assignSystemUser(signup.waba_id);
    parses(SuccessResponseSchema, assigned.body);
    parses(
      AssignedUsersResponseSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${signup.waba_id}/assigned_users?business=${h.partner.business_id}`,
          { token: sys },
        )
      ).body,
    );
    const share = await h.call(
      "POST",
      `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_currency=USD&waba_id=${signup.waba_id}`,
      { token: sys },
    );
    parses(CreditSharingResponseSchema, share.body);
    parses(
      AllocationConfigSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${share.body.allocation_config_id}?fields=id,receiving_credential,request_status,receiving_business`,
          { token: sys },
        )
      ).body,
    );
    const wabaFields =
      "id,name,currency,timezone_id,account_review_status,business_verification_status,primary_funding_id,message_template_namespace,ownership_type,status,owner_business_info,on_behalf_of_business_info,whatsapp_business_manager_messaging_limit";
    parses(
      WabaSchema,
      (await h.call("GET", `/v26.0/${signup.waba_id}?fields=${wabaFields}`, { token })).body,
    );
    parses(
      WabaSchema,
      (await h.call("GET", `/v26.0/${source}?fields=${wabaFields}`, { token })).body,
    );
    const expanded = await h.call(
      "GET",
      `/v26.0/${source}?fields=${wabaFields},phone_numbers.limit(100){${PHONE_SNAPSHOT_FIELDS.join(",")}},message_templates.limit(3){id,name,language,status,category,quality_score}`,
      { token },
    );
    expect(expanded.body.message_templates.data).toHaveLength(3);
    parses(WabaWithEdgesSchema, expanded.body);
    parses(
      PhoneNumberSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${signup.phone_number_id}?fields=${PHONE_SNAPSHOT_FIELDS.join(",")},throughput,last_onboarded_time,messaging_limit_tier`,
          { token },
        )
      ).body,
    );
    parses(
      PhoneNumberListSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${signup.waba_id}/phone_numbers?fields=${PHONE_SNAPSHOT_FIELDS.join(",")}`,
          { token },
        )
      ).body,
    );
    parses(
      SuccessResponseSchema,
      (await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token })).body,
    );
    parses(
      SubscribedAppsResponseSchema,
      (await h.call("GET", `/v26.0/${signup.waba_id}/subscribed_apps`, { token })).body,
    );
    const list = await h.call(
      "GET",
      `/v26.0/${source}/message_templates?fields=id,name,language,status,category,quality_score,rejected_reason,components,parameter_format&limit=3`,
      { token },
    );
    parses(MessageTemplateListSchema, list.body);
    parses(
      MessageTemplateSchema,
      (
        await h.call(
          "GET",
          `/v26.0/${list.body.data[0].id}?fields=id,name,language,status,category,quality_score`,
          { token },
        )
      ).body,
    );
    parses(
      MigrateTemplatesResponseSchema,
      (
        await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
          token,
          body: { source_waba_id: source },
        })
      ).body,
    );
    const refused = await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
      token,
      body: { messaging_product: "whatsapp", pin: "246810" },
    });
    parses(GraphErrorEnvelopeSchema, refused.body);
    await h.graph.sandbox.advance(86_400_000);
    parses(
      SuccessResponseSchema,
      (
        await h.call("POST", `/v26.0/${signup.phone_number_id}/register`, {
          token,
          body: { messaging_product: "whatsapp", pin: "246810" },
        })
      ).body,
    );
    parses(IdResponseSchema, { id: signup.waba_id });
    await h.graph.sandbox.advance(60_000);
    await h.graph.sandbox.advance(86_400_000);
    await h.graph.sandbox.settle();

    const values: Record<string, Schema> = {
      account_update: AccountUpdateValueSchema,
      message_template_status_update: TemplateStatusUpdateValueSchema,
      message_template_quality_update: TemplateQualityUpdateValueSchema,
      phone_number_name_update: PhoneNameUpdateValueSchema,
    };
    const seen = new Set<string>();
    // Every webhook the sandbox wrote, also those Meta would not send us (not subscribed).
    for (const webhook of h.graph.sandbox.state.webhooks) {
      const body = JSON.parse(webhook.body);
      parses(WebhookEnvelopeSchema, body);
      const change = body.entry[0].changes[0];
      seen.add(change.field);
      parses(values[change.field] as Schema, change.value);
    }
    expect([...seen].sort()).toEqual(Object.keys(values).sort());
  });
});
