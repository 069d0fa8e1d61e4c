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

test("the summary's kept values are Meta's reading after the move, not the capture's", async () => {
  let h: Harness | undefined;
  let phoneId = "";
  h = await bffWithSandbox("happy", {
    fetch: async (input, init) => {
      const answer = await (h as Harness).graph.fetch(new Request(input, init));
      if ((init.method ?? "GET") === "POST" && new URL(input).pathname.endsWith("/register")) {
        // Meta's rating of the number changed while it moved.
        const phone = (h as Harness).graph.sandbox.state.phones.get(phoneId);
        if (phone) phone.quality_rating = "YELLOW";
      }
      return answer;
    },
  });
  const signup = await h.signup();
  phoneId = signup.phone_number_id as string;
  const created = await h.post("/migrations", { code: signup.code });
  const { id } = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  const m = MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json());
  expect(m.status).toBe("completed");
  expect(m.phone?.qualityRating).toBe("YELLOW");
});
