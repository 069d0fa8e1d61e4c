// Bench (not a test): the baseline for the critical path. A naive client makes the same Graph
// calls as one happy migration by the BFF (bench/orchestration lists them), one after another,
// against the same in-process sandbox with the same latency per call. Reports its wall time in
// round trips, to set beside bench/orchestration's POST -> completed.
//   npx tsx bench/critical-path/naive-sequential-client.ts [--runs 3] [--latency 100]
import { parseArgs } from "node:util";
import { type CallRecord, createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { DESTINATION_FIELDS, sourceFields } from "../../packages/bff/src/graph/graph-fields.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, latency: { type: "string", default: "100" } },
});
const runs = Number(values.runs);
const latencyMs = Number(values.latency);

async function naiveMigration(): Promise<{ wallMs: number; calls: number; failed: string[] }> {
  const graph = createFakeGraph({
    scenario: "happy",
    seed: 11,
    control: true,
    latencyMs,
    webhookFetch: async () => new Response("ok"),
  });
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  const signup = (await (
    await graph.request("/__sandbox/signups", { method: "POST", body: "{}" })
  ).json()) as { code: string; waba_id: string; phone_number_id: string };
  const failed: string[] = [];
  const call = async (
    method: string,
    path: string,
    token: string,
    body?: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    const response = await graph.fetch(
      // No version prefix: the sandbox answers as the contracts' GRAPH_VERSION.
      new Request(`http://graph.sandbox.test${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
    );
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) failed.push(`${method} ${path} ${response.status}`);
    return json;
  };
  const system = partner.system_token;
  const t0 = performance.now();
  // 1. exchange
  const exchange = await call(
    "GET",
    `/oauth/access_token?client_id=${partner.app_id}&client_secret=${partner.app_secret}&code=${signup.code}`,
    "",
  );
  const token = String(exchange.access_token);
  // 2-3. grant check and the destination's expanded read (fields + numbers), as the BFF asks
  const debug = (await call("GET", `/debug_token?input_token=${token}`, system)) as {
    data?: { granular_scopes?: { target_ids?: string[] }[] };
  };
  await call("GET", `/${signup.waba_id}?fields=${encodeURIComponent(DESTINATION_FIELDS)}`, token);
  // 4. the source's expanded read (fields, number ids, templates)
  const targets = debug.data?.granular_scopes?.[0]?.target_ids ?? [];
  const source = targets.find((id) => id !== signup.waba_id) ?? signup.waba_id;
  await call("GET", `/${source}?fields=${encodeURIComponent(sourceFields(true))}`, token);
  // 5-8. subscribe, the system user onto the account (Meta's prerequisite of the share), credit
  // share, template copy
  await call("POST", `/${signup.waba_id}/subscribed_apps`, token);
  await call(
    "POST",
    `/${signup.waba_id}/assigned_users?user=${partner.system_user_id}&tasks=["MANAGE"]`,
    system,
  );
  const share = await call(
    "POST",
    `/${partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_id=${signup.waba_id}&waba_currency=USD`,
    system,
  );
  await call("POST", `/${signup.waba_id}/migrate_message_templates`, token, {
    source_waba_id: source,
    page_number: 0,
    count: 500,
  });
  // 9-10. credit verification
  await call("GET", `/${String(share.allocation_config_id)}?fields=receiving_credential`, system);
  await call("GET", `/${signup.waba_id}?fields=primary_funding_id`, token);
  // 11-12. register, confirm
  await call("POST", `/${signup.phone_number_id}/register`, token, {
    messaging_product: "whatsapp",
    pin: "246810",
  });
  await call("GET", `/${signup.phone_number_id}?fields=status,platform_type`, token);
  const wallMs = performance.now() - t0;
  const calls = ((await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] })
    .data.length;
  return { wallMs, calls, failed };
}

const results = [];
for (let i = 0; i < runs; i += 1) results.push(await naiveMigration());
const rounds = results.map((r) => r.wallMs / latencyMs);
for (const r of results)
  console.log(
    `naive sequential client: ${r.wallMs.toFixed(0)} ms = ${(r.wallMs / latencyMs).toFixed(2)} x ${latencyMs} ms, ${r.calls} Graph calls${r.failed.length ? `, failed: ${r.failed.join("; ")}` : ""}`,
  );
console.log(
  `BENCH_JSON ${JSON.stringify({ naiveRoundTrips: rounds, naiveCalls: results[0]?.calls ?? 0, naiveFailed: results.flatMap((r) => r.failed) })}`,
);
