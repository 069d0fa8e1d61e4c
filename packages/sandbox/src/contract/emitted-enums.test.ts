import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  codegenEnum,
  findSharedDir,
  openApiEnumValues,
  SHARED_MISSING,
} from "@wa-migrate/contracts/test-support";
import { beforeAll, describe, expect, test } from "vitest";
import { SCENARIO_NAMES } from "../scenarios/scenarios.js";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Every enum value the sandbox emits must appear in Meta's sources: the OpenAPI enums, the SDK
// codegen enums, or (where Meta's machine artefacts lack it) the facts file, named below.
const shared = findSharedDir();
const describeMeta = shared ? describe : describe.skip;
if (!shared) console.warn(`skipped: ${SHARED_MISSING}`);

/** Values only Meta's prose docs or real captures have (graph-api-facts.md), with the section. */
const FACTS_ONLY: Record<string, string> = {
  UNKNOWN: "§3.12 quality_rating: examples and real answers say UNKNOWN (OpenAPI says NA)",
  NOT_VERIFIED: "§3.12 code_verification_status [REAL]",
  SELF: "§3.14 ownership_type [REAL] 2026-07",
  ACTIVE: "§3.14 WABA status example",
  STANDARD: "§3.12 throughput.level [REAL]",
  LIVE: "§3.12 account_mode [MD]",
  SANDBOX: "§3.12 account_mode [MD]",
  USER: "§3.2 debug_token type",
  SYSTEM_USER: "§3.2 debug_token type for system tokens",
  PARTNER_ADDED: "§5.3 account_update event",
  PARTNER_APP_INSTALLED: "§5.3 account_update event",
  NONE: "§5.4 template status reason",
  INCORRECT_CATEGORY: "§5.4 template status reason",
  INVALID_FORMAT: "§5.4 template rejection reason",
  DELETED: "§3.5 allocation request_status after DELETE",
  DISCONNECTED: "§3.12 phone status [REAL]",
  bearer: "§3.1 token_type",
};

/** Fields whose values are enums, as a path inside a Graph answer or webhook value. */
const ENUM_KEYS = new Set([
  "quality_rating",
  "code_verification_status",
  "name_status",
  "new_name_status",
  "status",
  "platform_type",
  "account_mode",
  "messaging_limit_tier",
  "whatsapp_business_manager_messaging_limit",
  "level",
  "account_review_status",
  "business_verification_status",
  "verification_status",
  "ownership_type",
  "category",
  "score",
  "parameter_format",
  "rejected_reason",
  "type",
  "event",
  "reason",
  "message_template_category",
  "previous_quality_score",
  "new_quality_score",
  "decision",
  "request_status",
  "token_type",
]);

function collect(value: unknown, out: Map<string, Set<string>>, key = ""): void {
  if (Array.isArray(value)) for (const v of value) collect(v, out, key);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) collect(v, out, k);
  else if (typeof value === "string" && ENUM_KEYS.has(key)) {
    const set = out.get(key) ?? new Set<string>();
    set.add(value);
    out.set(key, set);
  }
}

describeMeta("every enum value the sandbox emits is in Meta's sources", () => {
  const emitted = new Map<string, Set<string>>();
  const PHONE_FIELDS =
    "id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status,new_name_status,status,platform_type,is_official_business_account,is_pin_enabled,account_mode,messaging_limit_tier,whatsapp_business_manager_messaging_limit,throughput";
  const WABA_FIELDS =
    "id,name,account_review_status,business_verification_status,currency,ownership_type,status,owner_business_info,on_behalf_of_business_info,whatsapp_business_manager_messaging_limit,primary_funding_id";

  beforeAll(async () => {
    for (const scenario of SCENARIO_NAMES) {
      const h = await startSandbox(scenario);
      h.graph.sandbox.setFaults({});
      const signup = await h.signup({ force: true });
      const token = await h.exchange(signup.code);
      const sys = h.partner.system_token;
      const source = h.graph.sandbox.state.customer.sourceWabaId;
      const phone = signup.phone_number_id as string;
      const answers = [
        await h.call("GET", `/v26.0/debug_token?input_token=${token}`, { token: sys }),
        await h.call("GET", `/v26.0/debug_token?input_token=${sys}`, { token: sys }),
        await h.call("GET", `/v26.0/${phone}?fields=${PHONE_FIELDS}`, { token }),
        await h.call("GET", `/v26.0/${signup.waba_id}?fields=${WABA_FIELDS}`, { token }),
        await h.call("GET", `/v26.0/${source}?fields=${WABA_FIELDS}`, { token: sys }),
        await h.call("GET", `/v26.0/${signup.business_id}?fields=verification_status`, { token }),
        await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token }),
        await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
          token,
          body: { source_waba_id: source },
        }),
        await h.call("POST", `/v26.0/${phone}/register`, {
          token,
          body: { messaging_product: "whatsapp", pin: "135790" },
        }),
      ];
      const share = await h.call(
        "POST",
        `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_currency=EUR&waba_id=${signup.waba_id}`,
        { token: sys },
      );
      const allocation = share.body.allocation_config_id;
      answers.push(await h.call("DELETE", `/v26.0/${allocation}`, { token: sys }));
      answers.push(
        await h.call("GET", `/v26.0/${allocation}?fields=id,receiving_credential,request_status`, {
          token: sys,
        }),
      );
      await h.graph.sandbox.advance(60_000);
      await h.graph.sandbox.advance(86_400_000);
      await h.graph.sandbox.settle();
      answers.push(
        await h.call(
          "GET",
          `/v26.0/${signup.waba_id}/message_templates?fields=id,name,language,status,category,quality_score,rejected_reason,parameter_format&limit=500`,
          { token },
        ),
      );
      answers.push(
        await h.call(
          "GET",
          `/v26.0/${source}/message_templates?fields=id,name,language,status,category,quality_score,rejected_reason&limit=500`,
          { token: sys },
        ),
      );
      answers.push(
        await h.call("GET", `/v26.0/${signup.waba_id}/phone_numbers?fields=${PHONE_FIELDS}`, {
          token,
        }),
      );
      for (const a of answers) if (a.status === 200) collect(a.body, emitted);
      for (const w of h.outbound.filter((o) => o.method === "POST"))
        collect(JSON.parse(w.body).entry[0].changes[0].value, emitted);
    }
  });

  test("the run saw the enum fields it means to check", () => {
    for (const key of [
      "quality_rating",
      "status",
      "platform_type",
      "score",
      "event",
      "business_verification_status",
    ]) {
      expect(emitted.get(key)?.size ?? 0, key).toBeGreaterThan(0);
    }
  });

  test("each emitted value is known to Meta", () => {
    const known = new Set<string>([
      ...openApiEnumValues(),
      ...codegenEnum("WhatsAppBusinessAccount_business_verification_status"),
      ...codegenEnum("WhatsAppBusinessAccount_whatsapp_business_manager_messaging_limit"),
      ...codegenEnum("whatsappbusinessaccountmessage_templates_status_enum_param"),
      ...codegenEnum("whatsappbusinessaccountmessage_templates_quality_score_enum_param"),
      ...codegenEnum("whatsappbusinessaccountmessage_templates_category_enum_param"),
      ...codegenEnum("whatsappbusinessaccountmessage_templates_parameter_format_enum_param"),
      ...Object.keys(FACTS_ONLY),
    ]);
    const unknown = [...emitted].flatMap(([key, values]) =>
      [...values].filter((v) => !known.has(v)).map((v) => `${key}=${v}`),
    );
    expect(unknown).toEqual([]);
  });

  test("every facts-only value is written in the facts file", () => {
    const facts = readFileSync(join(shared as string, "meta-docs", "graph-api-facts.md"), "utf8");
    const missing = Object.keys(FACTS_ONLY).filter((v) => !new RegExp(`\\b${v}\\b`).test(facts));
    expect(missing).toEqual([]);
  });
});
