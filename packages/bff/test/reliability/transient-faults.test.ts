import type { Migration } from "@wa-migrate/contracts";
import { OPERATION_NAMES } from "@wa-migrate/sandbox";
import { expect, test } from "vitest";
import { addCustomerPhones } from "../../src/journal/testing/add-customer-phones.js";
import { REGISTER_POST_LIMIT } from "../../src/orchestrator/register-step.js";
import { bffWithSandbox } from "../../src/test-support/bff-with-sandbox.js";
import { collectCalls } from "./collect-calls.js";
import { reportFigure } from "./report-figure.js";

// Faults (issue 9): N migrations at once while 20 % of Graph calls fail with a transient fault
// (HTTP 5xx from the edge, codes 1, 2, 4, 80007, 130429, a timeout, a dropped connection), through
// the sandbox's fault control, from the first call on. Every migration completes (a rare one after
// the operator's retry) and Meta's call log shows exactly one successful registration and one
// credit share per migration, and Meta never counted more register requests than the kit's share. Only the code
// exchange itself is spared: its failure leaves the code unspent and is answered retryable (the
// browser sends the request again), but a code lives 30 s, and with 1,000 migrations in one
// process a retried exchange can come later than that; every call after the exchange is under
// faults (findings F1 and F2, issue 5). The browser's part is played as core's client does: an
// Idempotency-Key per migration, the same request again on a retryable answer. `npm run soak`
// sets N = 1,000.
const N = Number(process.env.RELIABILITY_FAULT_MIGRATIONS ?? 100);

test(`${N} migrations under 20 % transient Graph faults: all complete, none duplicated`, {
  timeout: 600_000,
}, async () => {
  const h = await bffWithSandbox(
    "happy",
    {
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
      // Backoff is recorded, not waited (as in every sandbox test); a held request times out fast.
      graph: { sleep: async () => {}, timeoutMs: 2_000 },
    },
    { webhookFetch: async () => new Response("ok") },
  );
  const phones = addCustomerPhones(h.graph, N);
  // These N customers share one source WABA (with N numbers, so discovery lists N/100 pages each):
  // at 1,000 its budget of 5,000 calls an hour runs out (80007, regain in an hour, longer than the
  // retry budget). Real customers each have their own WABA and budget; this test is about faults,
  // not Meta's rate limit (the `rate-limited` scenario covers that), so the budget is lifted.
  h.graph.sandbox.wabaHourlyLimit = () => Number.MAX_SAFE_INTEGER;
  // Each customer's browser posts the code right after the popup (it lives 30 s).
  const signup = async (phone: string) => {
    const response = await h.graph.request("/__sandbox/signups", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { code: string; waba_id: string; phone_number_id: string };
  };
  const setFaults = async () => {
    const response = await h.graph.request("/__sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        errorRate: {
          rate: 0.2,
          codes: ["5xx", 1, 2, 4, 80007, 130429, "timeout", "drop"],
          operations: OPERATION_NAMES.filter((op) => op !== "exchangeCodeForToken"),
        },
        timeoutMs: 100,
      }),
    });
    expect(response.status).toBe(200);
  };
  const log = collectCalls(h.graph);
  await setFaults();
  let retriedCreates = 0;
  const ids = await Promise.all(
    phones.map(async (phone, i) => {
      const done = await signup(phone);
      const body = { code: done.code, wabaId: done.waba_id, phoneNumberId: done.phone_number_id };
      const send = () => h.post("/migrations", body, { "idempotency-key": `faults-${i}` });
      const retryable = async (r: Response) =>
        r.status !== 201 && ((await r.clone().json()) as { retryable?: boolean }).retryable;
      let response = await send();
      // A retryable answer (the code exchange itself failed after the Graph client's retries):
      // the browser sends the same request again, as core's client does.
      for (let tries = 1; tries < 5 && (await retryable(response)); tries++) {
        retriedCreates += 1;
        response = await send();
      }
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as Migration).id;
    }),
  );
  await h.bff.idle();
  // `register` is sent at most 5 times in 72 hours per number, 4 per retry budget (decision 028):
  // a number whose registration failed that often in a row stops retryable, as after an outage,
  // and the operator's "Retry failed steps" goes on (at 20 % faults: a few in 10,000 numbers).
  let operatorRetries = 0;
  for (const id of ids) {
    const m = (await (await h.bff.request(`/migrations/${id}`)).json()) as Migration;
    if (m.status === "completed" || !m.steps.some((s) => s.lastError?.retryable)) continue;
    operatorRetries += 1;
    expect((await h.bff.request(`/migrations/${id}/retry`, { method: "POST" })).status).toBe(202);
  }
  await h.bff.idle();

  const final = await Promise.all(
    ids.map(async (id) => (await (await h.bff.request(`/migrations/${id}`)).json()) as Migration),
  );
  const notDone = final
    .filter((m) => m.status !== "completed")
    .map(
      (m) => `${m.id} ${m.status} ${JSON.stringify(m.steps.find((s) => s.lastError)?.lastError)}`,
    );

  const calls = await log.stop();
  const injected = calls.filter((c) => c.fault !== null);
  // The faults really happened, of several kinds.
  expect(injected.length).toBeGreaterThan(calls.length * 0.1);
  expect(new Set(injected.map((c) => c.fault)).size).toBeGreaterThanOrEqual(6);
  const wrong: string[] = [];
  let duplicates = 0;
  for (const m of final) {
    const credit = calls.filter(
      (c) =>
        c.operation === "createWhatsAppCreditSharingAndAttach" &&
        c.status === 200 &&
        c.params.waba_id === m.wabaId,
    ).length;
    const register = calls.filter(
      (c) =>
        c.operation === "registerWhatsAppBusinessPhoneNumber" &&
        c.status === 200 &&
        c.path === `/${m.phoneNumberId}/register`,
    ).length;
    duplicates += Math.max(0, credit - 1) + Math.max(0, register - 1);
    if (credit !== 1) wrong.push(`${m.id}: ${credit} credit shares`);
    if (register !== 1) wrong.push(`${m.id}: ${register} successful registrations`);
    // What Meta counted toward the number's 10 per 72 h: every register request that reached
    // it, failed or not (facts §3.9); the kit stays within its share.
    const counted = h.graph.sandbox.state.phones.get(m.phoneNumberId ?? "")?.registrationRequests;
    if ((counted?.length ?? 0) > REGISTER_POST_LIMIT)
      wrong.push(`${m.id}: Meta counted ${counted?.length} register requests`);
  }
  reportFigure("faults", {
    migrations: N,
    completed: final.filter((m) => m.status === "completed").length,
    notCompleted: notDone,
    graphCalls: calls.length,
    injected: injected.length,
    retriedCreates,
    operatorRetries,
    kinds: [...new Set(injected.map((c) => c.fault))].sort(),
    duplicates,
  });
  expect(notDone).toEqual([]);
  expect(wrong).toEqual([]);
});
