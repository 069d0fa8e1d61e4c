import { HealthResponseSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// `GET /health` used the steps' Graph client: 4 attempts of up to 30 s with backoff, so a hanging
// Graph held the probe for minutes, a 5xx with a non-JSON body after 4 attempts read as
// "reachable", and every anonymous probe spent Graph calls of the system token.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

// The sandbox's name of `GET /{business}`, the call the check makes.
const OPERATION = "getBusinessPortfolioSpecificFields";

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

async function probe(h: Harness) {
  const response = await h.bff.request("/health");
  return { status: response.status, body: HealthResponseSchema.parse(await response.json()) };
}

const graphCalls = async (h: Harness) => (await h.calls()).filter((c) => c.operation === OPERATION);

describe("GET /health's Graph check", () => {
  test("probes share one Graph call while its verdict is fresh, and ask again once it is stale", async () => {
    const h = await bffWithSandbox("happy", { health: { graphCacheMs: 30_000 } });
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => probe(h)));
    const sequential = [await probe(h), await probe(h), await probe(h)];
    for (const answer of [...concurrent, ...sequential])
      expect(answer).toEqual({ status: 200, body: { status: "ok", store: true, graph: true } });
    expect(await graphCalls(h)).toHaveLength(1);

    await h.graph.sandbox.advance(30_001);
    expect((await probe(h)).status).toBe(200);
    expect(await graphCalls(h)).toHaveLength(2);
  });

  test.each([
    ["a 5xx with a non-JSON body", 503, { code: "5xx" }, "5xx"],
    ["no answer (a hang)", 503, { code: "timeout" }, "timeout"],
    ["Graph error 2 (HTTP 503, transient)", 503, { code: 2 }, null],
    // Kept as it was: an answer, even a refusal, shows Graph is reachable (/doctor names the token).
    ["an expired token (190, HTTP 4xx)", 200, { code: 190 }, null],
  ])(
    "Graph answering %s: health %i after one call",
    async (_name, status, fault, recordedFault) => {
      const h = await bffWithSandbox("happy", { health: { graphTimeoutMs: 50 } });
      // As many faults as the steps' client has attempts: a retry would reach one again.
      await setFaults(h, {
        failNext: [{ operation: OPERATION, count: 4, ...fault }],
        timeoutMs: 10_000,
      });
      const answer = await probe(h);
      expect(answer).toEqual({
        status,
        body: { status: status === 200 ? "ok" : "degraded", store: true, graph: status === 200 },
      });
      const calls = await graphCalls(h);
      expect(calls).toHaveLength(1);
      if (recordedFault) expect(calls[0]?.fault).toBe(recordedFault);
      expect(h.sleeps).toEqual([]);
    },
  );

  test("an unreachable verdict is kept too: repeated probes while Graph is down cost one call", async () => {
    const h = await bffWithSandbox("happy");
    await setFaults(h, { failNext: [{ operation: OPERATION, count: 10, code: "5xx" }] });
    for (let i = 0; i < 4; i++) expect((await probe(h)).body.graph).toBe(false);
    expect(await graphCalls(h)).toHaveLength(1);
  });
});
