import type { Sandbox } from "../engine/sandbox.js";
import { apiError, type GraphError } from "./graph-error.js";
import type { Operation, OperationContext } from "./operation.js";

/** Graph reports usage as percentages of the budget. */
const pct = (count: number, limit: number) => Math.min(100, Math.ceil((count * 100) / limit));

/** App-level budget used for the `x-app-usage` percentage (the sandbox's choice; Meta's is per-app and unpublished). */
export const APP_HOURLY_CALLS = 100_000;

/**
 * Counts a call against the app and builds `x-app-usage` (sent on every answer, errors included).
 *
 * @example
 * headers["x-app-usage"] = appUsageHeader(sandbox);
 */
export function appUsageHeader(sandbox: Sandbox): string {
  const appPct = pct(sandbox.usage.appCall(sandbox.clock.now()), APP_HOURLY_CALLS);
  return JSON.stringify({ call_count: appPct, total_cputime: appPct, total_time: appPct });
}

/**
 * Charges a call to its rate-limit bucket and builds `x-business-use-case-usage`
 * (facts §4.4). Returns the error to answer with when the bucket is empty (80007).
 *
 * @example
 * const { headers, error } = chargeUsage(sandbox, operation, ctx);
 */
export function chargeUsage(
  sandbox: Sandbox,
  operation: Operation,
  ctx: OperationContext,
): { headers: Record<string, string>; error: GraphError | undefined } {
  const now = sandbox.clock.now();
  // The request was counted against the app once, by `appUsageHeader`, when it arrived.
  const headers: Record<string, string> = {};
  const bucket = operation.usage?.(ctx);
  if (!bucket) return { headers, error: undefined };
  const limit = bucket.kind === "waba" ? sandbox.wabaHourlyLimit(bucket.id) : 5000;
  const charge = sandbox.usage.charge(`${bucket.kind}:${bucket.id}`, limit, now);
  const callPct = pct(charge.count, limit);
  headers["x-business-use-case-usage"] = JSON.stringify({
    [bucket.id]: [
      {
        type: "whatsapp_business_management",
        call_count: callPct,
        total_cputime: Math.min(callPct, 1),
        total_time: Math.min(callPct, 1),
        estimated_time_to_regain_access: charge.allowed ? 0 : charge.regainMinutes,
      },
    ],
  });
  const error = charge.allowed
    ? undefined
    : apiError(80007, {
        details: `The WhatsApp Business Account ${bucket.id} reached its limit of ${limit} calls per hour.`,
      });
  return { headers, error };
}
