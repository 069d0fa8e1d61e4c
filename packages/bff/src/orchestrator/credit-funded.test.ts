import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// A destination WABA that already has a funding source is never shared again (Meta does not allow
// changing an attached credit line, facts §3.4). Whether it is ours is read from our credit
// line's own allocations (facts §3.5): ours goes on, anyone else's stops before registration.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

async function migrate(h: Harness, code: string) {
  const created = await h.post("/migrations", { code });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await h.bff.idle();
  return h.store.getMigration(id);
}

test("funded by our own earlier share (its journal entry lost): recorded, not shared twice, completed", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  await h.graph.request(
    `/v26.0/${signup.waba_id}/assigned_users?user=${h.partner.system_user_id}&tasks=["MANAGE"]`,
    { method: "POST", headers: { authorization: `Bearer ${h.partner.system_token}` } },
  );
  const shared = await h.graph.request(
    `/v26.0/${h.partner.credit_line_id}/whatsapp_credit_sharing_and_attach?waba_id=${signup.waba_id}&waba_currency=USD`,
    { method: "POST", headers: { authorization: `Bearer ${h.partner.system_token}` } },
  );
  expect(shared.status).toBe(200);
  const { allocation_config_id: allocation } = (await shared.json()) as {
    allocation_config_id: string;
  };

  const done = await migrate(h, signup.code);
  expect(done?.status).toBe("completed");
  expect(done?.context.allocationConfigId).toBe(allocation);
  const calls = await h.calls();
  const shares = calls.filter((c) => c.operation === "createWhatsAppCreditSharingAndAttach");
  expect(shares).toHaveLength(1); // the one above, before the migration
  const listed = calls.filter(
    (c) => c.operation === "getExtendedCreditOwningCreditAllocationConfigs",
  );
  expect(listed).toHaveLength(1);
  expect(listed[0]?.params).toMatchObject({ receiving_business_id: signup.business_id });
});

test("funded through someone else's credit line: action required, no share, the number not registered", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  const waba = h.graph.sandbox.state.wabas.get(signup.waba_id);
  if (!waba) throw new Error("the signup creates the WABA");
  waba.primary_funding_id = "4242424242";

  const done = await migrate(h, signup.code);
  expect(done?.status).toBe("action_required");
  expect(done?.steps.find((s) => s.id === "share_credit_line")).toMatchObject({
    status: "action_required",
    lastError: { code: "waba_funded_elsewhere", retryable: false },
  });
  expect(done?.billingCutoverAt).toBeNull();
  const ops = (await h.calls()).map((c) => c.operation);
  expect(ops).not.toContain("createWhatsAppCreditSharingAndAttach");
  expect(ops).not.toContain("registerWhatsAppBusinessPhoneNumber");
});
