import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// When Meta refuses a registration for two-step verification, the kit said "This number already
// moved to us in an earlier migration and sends through us" (number_already_moved) whenever the
// journal held an earlier completed migration of the number, without asking Meta whether it is
// still ours. A number that left since (moved to another account by someone else's registration,
// or deregistered) got the wrong message and the wrong remedy. The positive case (still ours,
// CONNECTED on Cloud API) is in find-later-run.test.ts.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

async function migrate(h: Harness) {
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  expect(created.status).toBe(201);
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  return { id, signup };
}

async function sandboxJson(h: Harness, path: string, method: string, body?: unknown) {
  const response = await h.graph.request(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Someone else moves the number into another account, registering it with their own PIN. */
async function movedAway(h: Harness, phoneId: string) {
  const signup = await h.signup();
  const { access_token: token } = (await sandboxJson(
    h,
    `/oauth/access_token?client_id=${h.partner.app_id}&client_secret=${h.partner.app_secret}&code=${signup.code}`,
    "GET",
  )) as { access_token: string };
  // Two-step verification is turned off in WhatsApp Manager for the move, then set again.
  await sandboxJson(h, `/__sandbox/phone-numbers/${phoneId}`, "POST", { twoStepEnabled: false });
  const auth = `?access_token=${token}`;
  await sandboxJson(h, `/v26.0/${signup.waba_id}/subscribed_apps${auth}`, "POST");
  await sandboxJson(h, `/v26.0/${phoneId}/register${auth}`, "POST", {
    messaging_product: "whatsapp",
    pin: "246810",
  });
  return signup.waba_id;
}

test.each<[string, (h: Harness, phoneId: string) => Promise<void>]>([
  [
    "moved to another account since",
    async (h, phoneId) => {
      const elsewhere = await movedAway(h, phoneId);
      expect(h.graph.sandbox.state.phones.get(phoneId)?.wabaId).toBe(elsewhere);
    },
  ],
  [
    "deregistered since",
    async (h, phoneId) => {
      const phone = h.graph.sandbox.state.phones.get(phoneId);
      if (phone) phone.status = "DISCONNECTED";
    },
  ],
])(
  "a number an earlier migration moved, %s, is not claimed as ours: Meta's own refusal is reported",
  async (_name, leave) => {
    const h = await bffWithSandbox("happy");
    const first = await migrate(h);
    expect((await h.store.getMigration(first.id))?.status).toBe("completed");
    const phoneId = first.signup.phone_number_id as string;
    await leave(h, phoneId);

    const second = await migrate(h);
    const stopped = await h.store.getMigration(second.id);
    expect(stopped?.status).toBe("action_required");
    expect(stopped?.billingCutoverAt).toBeNull();
    expect(stopped?.steps.find((s) => s.id === "register_phone")).toMatchObject({
      status: "action_required",
      lastError: { code: "two_step_enabled", graph: { subcode: 2388001 } },
    });
    // The kit asked Meta where the number is now, in the earlier migration's account.
    const calls = await h.calls();
    const refusal = calls.findLast((c) => c.operation === "registerWhatsAppBusinessPhoneNumber");
    expect(
      calls.some(
        (c) =>
          c.seq > (refusal?.seq ?? 0) &&
          c.operation === "getWhatsAppBusinessAccountPhoneNumbers" &&
          c.path.includes(first.signup.waba_id),
      ),
    ).toBe(true);
  },
);
