import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Registration moves the number and its billing for good, so it waits until the credit share is
// verified (decision 042): the allocation's receiving credential must be the account's funding
// source (facts §3.5). Meta's answer to `GET /{allocation}` is held back here to see what waits.

/**
 * A fetch to the sandbox that holds Meta's answer to `GET /{allocation}` (the allocation named by
 * the share's answer) until `release()`.
 */
function holdAllocationRead(
  graph: () => { fetch: (request: Request) => Response | Promise<Response> },
  onShared: () => void = () => {},
) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let allocationId: string | undefined;
  let held = false;
  return {
    release,
    get held() {
      return held;
    },
    async fetch(input: string, init: RequestInit): Promise<Response> {
      const url = new URL(input);
      if (allocationId && url.pathname.endsWith(`/${allocationId}`)) {
        held = true;
        await released;
      }
      const answer = await graph().fetch(new Request(input, init));
      if (url.pathname.endsWith("/whatsapp_credit_sharing_and_attach")) {
        allocationId = ((await answer.clone().json()) as { allocation_config_id?: string })
          .allocation_config_id;
        onShared();
      }
      return answer;
    },
  };
}

test("the number is not registered while the credit share's verification is still open", async () => {
  const hold = holdAllocationRead(() => h.graph);
  const h = await bffWithSandbox("happy", { fetch: (input, init) => hold.fetch(input, init) });
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  const { id } = MigrationSchema.parse(await created.json());
  while (!hold.held) await new Promise((resolve) => setTimeout(resolve, 5));
  // Give the other steps every chance to finish and registration to start.
  await new Promise((resolve) => setTimeout(resolve, 100));

  const waiting = await h.store.getMigration(id);
  expect(waiting?.steps.find((s) => s.id === "share_credit_line")?.status).toBe("running");
  expect(waiting?.steps.find((s) => s.id === "register_phone")?.status).toBe("pending");
  const calls = (await h.calls()).map((c) => c.operation);
  expect(calls).not.toContain("registerWhatsAppBusinessPhoneNumber");

  hold.release();
  await h.bff.idle();
  const done = await h.store.getMigration(id);
  expect(done?.status).toBe("completed");
  expect((await h.calls()).map((c) => c.operation)).toContain(
    "registerWhatsAppBusinessPhoneNumber",
  );
});

test("a share Meta does not confirm stops the migration before the number moves", async () => {
  let wabaId = "";
  // Once the line is shared, Meta reports another funding source for the account than our
  // allocation's receiving credential, on every read.
  const hold = holdAllocationRead(
    () => h.graph,
    () => {
      const waba = h.graph.sandbox.state.wabas.get(wabaId);
      if (!waba) throw new Error("the signup's account is missing from the sandbox");
      waba.primary_funding_id = "999999999999999";
    },
  );
  hold.release();
  const h = await bffWithSandbox("happy", { fetch: (input, init) => hold.fetch(input, init) });
  const signup = await h.signup();
  wabaId = signup.waba_id;
  const created = await h.post("/migrations", { code: signup.code });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();

  const stopped = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  const credit = stopped.steps.find((s) => s.id === "share_credit_line");
  expect(credit?.status).toMatch(/failed|action_required/);
  expect(credit?.lastError?.code).toBe("credit_share_unverified");
  expect(stopped.steps.find((s) => s.id === "register_phone")?.status).toBe("pending");
  expect(stopped.billingCutoverAt).toBeNull();
  expect((await h.calls()).map((c) => c.operation)).not.toContain(
    "registerWhatsAppBusinessPhoneNumber",
  );
});
