import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// A step that retries Meta's transient failures can run for minutes: the operator (and a support
// bundle) must see why, with Meta's fbtrace_id, while the step is still running.
test("a running step retrying a transient Graph failure shows it as its lastError until it succeeds", async () => {
  let wake: () => void = () => {};
  let asleep: () => void = () => {};
  const sleeping = new Promise<void>((resolve) => {
    asleep = resolve;
  });
  const h = await bffWithSandbox("happy", {
    graph: {
      sleep: () =>
        new Promise<void>((resolve) => {
          wake = resolve;
          asleep();
        }),
    },
  });
  const faults = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      failNext: [{ operation: "registerWhatsAppBusinessPhoneNumber", count: 1, code: 131000 }],
    }),
  });
  expect(faults.status).toBe(200);
  const created = await h.post("/migrations", { code: (await h.signup()).code });
  const { id } = MigrationSchema.parse(await created.json());
  await sleeping;

  const during = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  const register = during.steps.find((s) => s.id === "register_phone");
  expect(register?.status).toBe("running");
  expect(register?.lastError).toMatchObject({
    code: "graph_unavailable",
    retryable: true,
    graph: { fbtraceId: expect.any(String) },
  });

  wake();
  await h.bff.idle();
  const after = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  expect(after.status).toBe("completed");
  expect(after.steps.find((s) => s.id === "register_phone")?.lastError).toBeNull();
});
