import {
  type AppSubscriptionsResponse,
  type DoctorResponse,
  WEBHOOK_FIELDS,
} from "@wa-migrate/contracts";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { systemUserCheck } from "./system-user-check.js";

type Check = DoctorResponse["checks"][number];

const REQUIRED_SCOPES = [
  "business_management",
  "whatsapp_business_management",
  "whatsapp_business_messaging",
];

function failed(id: string, error: unknown, remedy: string): Check {
  const what =
    error instanceof GraphError
      ? `Graph answered ${errorCodeOfGraph(error)}${error.body ? ` (#${error.body.code}${error.details.fbtraceId ? `, fbtrace_id ${error.details.fbtraceId}` : ""})` : ""}.`
      : "The check could not run.";
  return { id, ok: false, message: what, remedy };
}

const DASHBOARD_WEBHOOKS = "App Dashboard > WhatsApp > Configuration > Webhook";

// Meta, "Webhook overrides": template and account-level webhooks "do not support callback
// overrides. These webhooks are always delivered to your app's default callback URL."
const ONLY_THERE = "Meta sends template and account webhooks only there, never to an override";

/**
 * The two webhook checks, from the app's `whatsapp_business_account` subscription: every field the
 * kit needs reaches only the app's default callback URL (an override takes customer messages and
 * the other fields Meta lists, none of the kit's), the kit's plain subscription is refused without
 * one, and Meta sends only the fields ticked there.
 */
function webhookChecks(
  answer: PromiseSettledResult<AppSubscriptionsResponse>,
  override: string | undefined,
): Check[] {
  if (answer.status === "rejected") {
    const remedy =
      "Check META_APP_ID and META_APP_SECRET: Graph reads the app's webhook settings only with the app token.";
    return [
      failed("webhook_callback", answer.reason, remedy),
      failed("webhook_fields", answer.reason, remedy),
    ];
  }
  const waba = answer.value.data.find((s) => s.object === "whatsapp_business_account");
  if (!waba?.callback_url || waba.active === false) {
    const remedy = `Set a Callback URL and Verify token in ${DASHBOARD_WEBHOOKS}, then subscribe the fields ${WEBHOOK_FIELDS.join(", ")}.`;
    return [
      {
        id: "webhook_callback",
        ok: false,
        message: `The app has no active default webhook callback for WhatsApp Business Account. ${ONLY_THERE}.`,
        remedy,
      },
      {
        id: "webhook_fields",
        ok: false,
        message: "No webhook fields are subscribed without a callback.",
        remedy,
      },
    ];
  }
  const overrideNote = override
    ? ` The override ${override} gets only customer messages and the other overridable fields.`
    : "";
  const subscribed = new Set((waba.fields ?? []).map((f) => f.name));
  const missing = WEBHOOK_FIELDS.filter((f) => !subscribed.has(f));
  return [
    {
      id: "webhook_callback",
      ok: true,
      message: `The app's default webhook callback is ${waba.callback_url}: ${ONLY_THERE}, so it must be the BFF's POST /webhooks or forward to it.${overrideNote}`,
    },
    missing.length === 0
      ? {
          id: "webhook_fields",
          ok: true,
          message: "The app is subscribed to every webhook field the kit needs.",
        }
      : {
          id: "webhook_fields",
          ok: false,
          message: `The app is not subscribed to: ${missing.join(", ")}.`,
          remedy: `Subscribe ${missing.join(", ")} in ${DASHBOARD_WEBHOOKS} (Webhook fields > Subscribe).`,
        },
  ];
}

/**
 * The checks of `GET /doctor`: app credentials (an app token can inspect the system token), the
 * system token's validity and scopes, its system user (see {@link systemUserCheck}), the credit
 * line, the app's default webhook callback (where Meta sends every webhook the kit needs) and its
 * subscribed fields. Messages never contain a secret.
 *
 * @example
 * const report = await runDoctor(rt); report.ok;
 */
export async function runDoctor(rt: BffRuntime): Promise<DoctorResponse> {
  const o = rt.options;
  const appToken = `${o.appId}|${o.appSecret}`;
  const [asApp, asSystem, credit, subscriptions] = await Promise.allSettled([
    rt.graph.debugToken(o.systemToken, appToken),
    rt.graph.debugToken(o.systemToken),
    rt.graph.listCreditLines(o.businessId),
    rt.graph.listAppSubscriptions(),
  ]);
  const checks: Check[] = [];
  if (asApp.status === "fulfilled" && asApp.value.data.app_id === o.appId) {
    checks.push({
      id: "app_credentials",
      ok: true,
      message: "The app id and secret are accepted by Graph.",
    });
  } else {
    checks.push(
      asApp.status === "rejected"
        ? failed(
            "app_credentials",
            asApp.reason,
            "Check META_APP_ID and META_APP_SECRET in the App Dashboard (Settings > Basic).",
          )
        : {
            id: "app_credentials",
            ok: false,
            message: "The system token belongs to another app.",
            remedy: "Create the system user token for this app (META_APP_ID).",
          },
    );
  }
  if (asSystem.status === "fulfilled" && asSystem.value.data.is_valid) {
    const scopes = asSystem.value.data.scopes ?? [];
    const missing = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
    checks.push(
      missing.length === 0
        ? {
            id: "system_token",
            ok: true,
            message: "The system token is valid and has every scope the kit needs.",
          }
        : {
            id: "system_token",
            ok: false,
            message: `The system token lacks: ${missing.join(", ")}.`,
            remedy: "Generate a new system user token with these permissions in Business Settings.",
          },
    );
  } else {
    checks.push(
      failed(
        "system_token",
        asSystem.status === "rejected" ? asSystem.reason : null,
        "Generate a new system user token (META_SYSTEM_TOKEN) in Business Settings > System users.",
      ),
    );
  }
  checks.push(systemUserCheck(asSystem, o.systemUserId));
  if (credit.status === "fulfilled") {
    const lines = credit.value.data.filter((l) => l.is_access_revoked !== true).map((l) => l.id);
    const wanted = o.creditLineId;
    const ok = wanted ? lines.includes(wanted) : lines.length > 0;
    checks.push(
      ok
        ? {
            id: "credit_line",
            ok: true,
            message: `Credit line ${wanted ?? lines[0]} is reachable.`,
          }
        : {
            id: "credit_line",
            ok: false,
            message: wanted
              ? `Credit line ${wanted} is not among the business's credit lines.`
              : "The business has no credit line.",
            remedy:
              "Set META_CREDIT_LINE_ID to a line of /{business}/extendedcredits, or give the system user Financial Editor.",
          },
    );
  } else {
    checks.push(
      failed(
        "credit_line",
        credit.reason,
        "Give the system user Admin or Financial Editor on the business portfolio (META_BUSINESS_ID).",
      ),
    );
  }
  checks.push(...webhookChecks(subscriptions, o.webhookOverride?.callbackUri));
  return { ok: checks.every((c) => c.ok), checks };
}
