import type { DoctorResponse } from "@wa-migrate/contracts";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import type { BffRuntime } from "../orchestrator/runtime.js";

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

/**
 * The checks of `GET /doctor`: app credentials (an app token can inspect the system token), the
 * system token's validity and scopes, the credit line, and whether the configured override (if
 * any) is set. Messages never contain a secret.
 *
 * @example
 * const report = await runDoctor(rt); report.ok;
 */
export async function runDoctor(rt: BffRuntime): Promise<DoctorResponse> {
  const o = rt.options;
  const appToken = `${o.appId}|${o.appSecret}`;
  const [asApp, asSystem, credit] = await Promise.allSettled([
    rt.graph.debugToken(o.systemToken, appToken),
    rt.graph.debugToken(o.systemToken),
    rt.graph.listCreditLines(o.businessId),
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
  return { ok: checks.every((c) => c.ok), checks };
}
