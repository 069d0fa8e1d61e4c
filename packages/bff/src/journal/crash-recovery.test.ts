import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Migration } from "@wa-migrate/contracts";
import { type CallRecord, createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, expect, test } from "vitest";
import { addCustomerPhones } from "./testing/add-customer-phones.js";
import { serveSandboxWithTrap, type TrappedSandbox } from "./testing/serve-sandbox-with-trap.js";
import { type BffProcess, bffEnv, spawnBff } from "./testing/spawn-bff.js";

// Crash test: the runnable server (PGlite journal, its default) is SIGKILLed again and again in the
// middle of three migrations, each time right after Meta carried out a write and before the
// server could journal it. Every restart resumes from the journal; in the end every migration is
// complete and Meta saw no second credit share and no second successful registration.

// 100 ms per Graph call keeps the three migrations mid-flight when the first server is killed.
const graph = createFakeGraph({
  scenario: "happy",
  seed: 5,
  control: true,
  latencyMs: 100,
  webhookFetch: async () => new Response("ok"),
});
let sandbox: TrappedSandbox;
let partner: PartnerConfig;
let dir: string;
const servers: BffProcess[] = [];

beforeAll(async () => {
  sandbox = await serveSandboxWithTrap(graph);
  partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  dir = await mkdtemp(join(tmpdir(), "wa-journal-crash-"));
});
afterAll(async () => {
  for (const server of servers) await server.crash();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Resolves when no migration is running any more; never resolves if the server dies first. */
async function allSettled(url: string, ids: string[]): Promise<Migration[]> {
  for (;;) {
    try {
      const all = await Promise.all(
        ids.map(async (id) => (await (await fetch(`${url}/migrations/${id}`)).json()) as Migration),
      );
      if (all.every((m) => m.status !== "running")) return all;
    } catch {
      return new Promise<never>(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("SIGKILL between Meta's write and the journal's, at several points: all complete, nothing twice", {
  timeout: 300_000,
}, async () => {
  const env = bffEnv(partner, sandbox.url, { WA_MIGRATE_DATA_DIR: join(dir, "db") });
  const phones = [graph.sandbox.state.customer.phoneId, ...addCustomerPhones(graph, 2)];

  const points = [
    "/whatsapp_credit_sharing_and_attach",
    "/subscribed_apps",
    "/migrate_message_templates",
    "/register",
  ];
  const sprung: string[] = [];

  let server = await spawnBff(env);
  servers.push(server);
  const first = server;
  // Armed from the start: on a loaded machine the first server can reach a write before crash 1.
  // A write it reaches is held until every create is answered, then the server dies.
  let answered = () => {};
  const created = new Promise<void>((resolve) => {
    answered = resolve;
  });
  sandbox.arm(
    points,
    async (matched) => {
      sprung.push(matched);
      await created;
      await first.crash();
    },
    { freezeWrites: true },
  );
  const ids = await Promise.all(
    phones.map(async (phone) => {
      const signup = (await (
        await graph.request("/__sandbox/signups", {
          method: "POST",
          body: JSON.stringify({ phone }),
        })
      ).json()) as { code: string; waba_id: string; phone_number_id: string; business_id: string };
      const response = await fetch(`${first.url}/migrations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          code: signup.code,
          wabaId: signup.waba_id,
          phoneNumberId: signup.phone_number_id,
          businessId: signup.business_id,
        }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as Migration).id;
    }),
  );
  sandbox.disarm();
  answered();
  // Crash 1: at once, while the three migrations capture and start their writes.
  await server.crash();

  // Every restart arms all the points not hit yet; the first one Meta carries out kills the server.
  let final: Migration[] | null = null;
  while (!final && sprung.length < 6) {
    const current = await spawnBff(env);
    servers.push(current);
    server = current;
    const remaining = points.filter(
      (p) => !sprung.includes(p) || (p === "/register" && sprung.filter((s) => s === p).length < 2),
    );
    let hit = "";
    sandbox.arm(
      remaining,
      async (matched) => {
        hit = matched;
        await current.crash();
      },
      { freezeWrites: true },
    );
    const outcome = await Promise.race([
      current.exited.then(() => "killed" as const),
      allSettled(current.url, ids),
    ]);
    sandbox.disarm();
    if (outcome === "killed") sprung.push(hit);
    else final = outcome;
  }
  if (!final) {
    const last = await spawnBff(env);
    servers.push(last);
    final = await allSettled(last.url, ids);
  }

  // The crashes did hit the two writes that must never repeat.
  expect(sprung).toContain("/whatsapp_credit_sharing_and_attach");
  expect(sprung).toContain("/register");
  expect(final.map((m) => m.status)).toEqual(["completed", "completed", "completed"]);
  for (const m of final) expect(m.steps.every((s) => s.status === "succeeded")).toBe(true);

  const calls = ((await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] })
    .data;
  for (const m of final) {
    const shares = calls.filter(
      (c) =>
        c.operation === "createWhatsAppCreditSharingAndAttach" && c.params.waba_id === m.wabaId,
    );
    expect(shares, `credit shares of WABA ${m.wabaId}`).toHaveLength(1);
    const registered = calls.filter(
      (c) =>
        c.operation === "registerWhatsAppBusinessPhoneNumber" &&
        c.path.startsWith(`/${m.phoneNumberId}/`) &&
        c.status === 200,
    );
    expect(registered, `successful registrations of ${m.phoneNumberId}`).toHaveLength(1);
  }
});
