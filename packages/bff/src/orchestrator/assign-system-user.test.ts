import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta, "Onboarding business customers as a Solution Partner", step 3: "If you are using the
// whatsapp_credit_sharing_and_attach API, you must add your System User to the shared WhatsApp
// Business Accounts as a prerequisite" (POST /{waba}/assigned_users, "Manage System Users"). The
// kit never did, and the sandbox let the share through anyway (decision 032).

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;
const ASSIGN = "createAssignedUser";
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
