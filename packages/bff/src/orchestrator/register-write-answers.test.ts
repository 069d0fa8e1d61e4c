import { MigrationSchema } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta's writes answer `{"success": true}` (facts §3.6, §3.9). An answer of `false` is no success,
// and a subscription Meta does not have makes it refuse `register` (2388103, facts §4.3), where
// every refusal counts against the number's 10 requests per 72 hours (§3.9).

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

/** What the BFF sent to subscribed_apps and register, in order. */
function writesOf(sent: string[]) {
  return sent.filter((s) => /subscribed_apps|register$/.test(s));
}

async function migrationWith(
  answer: (method: string, path: string) => Response | undefined,
): Promise<{ h: Harness; id: string; sent: string[]; phoneId: string }> {
  const sent: string[] = [];
  let h: Harness | undefined;
  h = await bffWithSandbox("happy", {
    fetch: async (input, init) => {
      const url = new URL(input);
      const method = init.method ?? "GET";
      sent.push(`${method} ${url.pathname.split("/").at(-1)}`);
      return answer(method, url.pathname) ?? (h as Harness).graph.fetch(new Request(input, init));
    },
  });
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  return { h, id, sent, phoneId: signup.phone_number_id as string };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

test("register answered {success: false} is no cutover: not completed, no billing time", async () => {
  const { h, id } = await migrationWith((method, path) =>
    method === "POST" && path.endsWith("/register") ? json({ success: false }) : undefined,
  );
  const m = await h.store.getMigration(id);
  expect(m?.status).not.toBe("completed");
  expect(m?.billingCutoverAt).toBeNull();
  const step = m?.steps.find((s) => s.id === "register_phone");
  expect(step?.status).toBe("failed");
  expect(step?.lastError?.code).toBe("graph_response_invalid");
});

test("a subscription answered {success: false} is asked for again, and register is sent once", async () => {
  let refuse = true;
  const { h, id, sent, phoneId } = await migrationWith((method, path) => {
    if (refuse && method === "POST" && path.endsWith("/subscribed_apps")) {
      refuse = false;
      return json({ success: false });
    }
    return undefined;
  });
  expect((await h.store.getMigration(id))?.status).toBe("completed");
  expect(writesOf(sent)).toEqual(["POST subscribed_apps", "POST subscribed_apps", "POST register"]);
  expect(h.graph.sandbox.state.phones.get(phoneId)?.registrationRequests).toHaveLength(1);
});

test("after Meta refused register for a missing subscription (2388103), a retry subscribes first", async () => {
  // Meta says yes to the subscription but does not keep it (it was removed, or never took).
  let lost = true;
  const { h, id, sent, phoneId } = await migrationWith((method, path) => {
    if (lost && method === "POST" && path.endsWith("/subscribed_apps")) {
      lost = false;
      return json({ success: true });
    }
    return undefined;
  });
  const stopped = await h.store.getMigration(id);
  expect(stopped?.steps.find((s) => s.id === "register_phone")?.lastError?.code).toBe(
    "destination_not_subscribed",
  );

  const retry = await h.bff.request(`/migrations/${id}/retry`, { method: "POST" });
  expect(retry.status).toBe(202);
  await h.bff.idle();
  expect((await h.store.getMigration(id))?.status).toBe("completed");
  expect(writesOf(sent)).toEqual([
    "POST subscribed_apps",
    "POST register",
    "GET subscribed_apps",
    "POST subscribed_apps",
    "POST register",
  ]);
  expect(h.graph.sandbox.state.phones.get(phoneId)?.registrationRequests).toHaveLength(2);
});
