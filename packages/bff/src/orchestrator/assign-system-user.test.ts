import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta, "Onboarding business customers as a Solution Partner", step 3: "If you are using the
// whatsapp_credit_sharing_and_attach API, you must add your System User to the shared WhatsApp
// Business Accounts as a prerequisite" (POST /{waba}/assigned_users, "Manage System Users"). The
// kit never did, and the sandbox let the share through anyway (decision 032).

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;
const ASSIGN = "addAssignedUser";
const SHARE = "createWhatsAppCreditSharingAndAttach";

async function migrate(h: Harness) {
  const signup = await h.signup();
  const { id } = (await (await h.post("/migrations", { code: signup.code })).json()) as {
    id: string;
  };
  await h.bff.idle();
  return { signup, m: await h.store.getMigration(id) };
}

test("the partner's system user is added to the new account, with MANAGE, before the credit share", async () => {
  const h = await bffWithSandbox("happy");
  const { signup, m } = await migrate(h);
  expect(m?.status).toBe("completed");
  const calls = await h.calls();
  const assign = calls.filter((c) => c.operation === ASSIGN);
  expect(assign.map((c) => [c.path, c.params.user, c.params.tasks, c.status])).toEqual([
    [`/${signup.waba_id}/assigned_users`, h.partner.system_user_id, '["MANAGE"]', 200],
  ]);
  const share = calls.find((c) => c.operation === SHARE);
  expect((assign[0]?.seq ?? Infinity) < (share?.seq ?? -1)).toBe(true);
  expect(h.graph.sandbox.state.wabas.get(signup.waba_id)?.assignedUsers).toEqual([
    { id: h.partner.system_user_id, tasks: ["MANAGE"] },
  ]);
});

test("a later attempt looks at the account's users before adding ours again", async () => {
  const h = await bffWithSandbox("happy");
  // The share's answer is lost once: the credit step runs again.
  h.graph.sandbox.setFaults({ failNext: [{ operation: SHARE, count: 1, code: "drop" }] });
  const { m } = await migrate(h);
  expect(m?.status).toBe("completed");
  const calls = await h.calls();
  expect(calls.filter((c) => c.operation === ASSIGN)).toHaveLength(1);
  expect(calls.filter((c) => c.operation === "getAssignedUsers")).toHaveLength(1);
  expect(calls.filter((c) => c.operation === SHARE && c.status === 200)).toHaveLength(1);
});

test("the system user's id is looked up beside the source read, not in front of assigned_users", async () => {
  const h = await bffWithSandbox("happy");
  const { signup, m } = await migrate(h);
  expect(m?.status).toBe("completed");
  const calls = await h.calls();
  // The call log masks input_token: the grant check's debug_token comes first, the lookup second.
  const debugTokens = calls.filter((c) => c.operation === "debugToken");
  expect(debugTokens).toHaveLength(2);
  const sourceRead = calls.find(
    (c) => c.operation === "getWhatsAppBusinessAccountDetails" && c.path !== `/${signup.waba_id}`,
  );
  // Sent as soon as the grant check passed: one round trip off the credit share's path.
  expect((debugTokens[1]?.seq ?? Infinity) < (sourceRead?.seq ?? -1)).toBe(true);
});

test("with sourceWabaId named, the lookup goes out with the capture's first reads", async () => {
  const h = await bffWithSandbox("happy");
  const source = h.graph.sandbox.state.customer.sourceWabaId;
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code, sourceWabaId: source });
  expect(created.status).toBe(201);
  await h.bff.idle();
  const calls = await h.calls();
  const sourceRead = calls.find((c) => c.path === `/${source}`);
  // The log is in order of answers: the lookup, sent first, is answered before the source read;
  // the grant check's debug_token, sent after that read, only after it.
  const before = calls.filter(
    (c) => c.operation === "debugToken" && c.seq < (sourceRead?.seq ?? 0),
  );
  expect(before).toHaveLength(1);
  expect(calls.filter((c) => c.operation === "debugToken")).toHaveLength(2);
});

test("a refused grant costs no system user lookup", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  const refused = await h.post("/migrations", { code: signup.code, wabaId: "999999999" });
  expect(refused.status).toBe(403);
  await h.bff.idle();
  const calls = await h.calls();
  // The grant check's own debug_token only.
  expect(calls.filter((c) => c.operation === "debugToken")).toHaveLength(1);
});
