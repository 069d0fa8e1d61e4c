import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Migration } from "@wa-migrate/contracts";
import { type CallRecord, createFakeGraph, type PartnerConfig } from "@wa-migrate/sandbox";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serveSandboxWithTrap, type TrappedSandbox } from "./testing/serve-sandbox-with-trap.js";
import { type BffProcess, bffEnv, spawnBff } from "./testing/spawn-bff.js";

// The runnable server on its default journal (PGlite in a data directory) is killed while a
// migration runs; a new server on the same directory finishes it without being asked to.

const graph = createFakeGraph({
  scenario: "happy",
  seed: 3,
  control: true,
  webhookFetch: async () => new Response("ok"),
});
let sandbox: TrappedSandbox;
let partner: PartnerConfig;
let dir: string;
const servers: BffProcess[] = [];

beforeAll(async () => {
  sandbox = await serveSandboxWithTrap(graph);
  partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  dir = await mkdtemp(join(tmpdir(), "wa-journal-restart-"));
});
afterAll(async () => {
  for (const server of servers) await server.crash();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

async function waitUntilDone(url: string, id: string): Promise<Migration> {
  for (;;) {
    const migration = (await (await fetch(`${url}/migrations/${id}`)).json()) as Migration;
    if (migration.status !== "running") return migration;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("PGlite: a server restarted on the same data directory resumes a running migration", {
  timeout: 180_000,
}, async () => {
  const env = bffEnv(partner, sandbox.url, { WA_MIGRATE_DATA_DIR: join(dir, "db") });
  const first = await spawnBff(env);
  servers.push(first);
  // Killed after Meta subscribed the app, before the server heard of it.
  sandbox.arm("/subscribed_apps", () => first.crash());

  const signup = (await (
    await graph.request("/__sandbox/signups", { method: "POST", body: "{}" })
  ).json()) as {
    code: string;
    waba_id: string;
    phone_number_id: string;
    business_id: string;
  };
  const created = await fetch(`${first.url}/migrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
      businessId: signup.business_id,
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as Migration;
  expect(await first.exited).toBe("SIGKILL");

  const second = await spawnBff(env);
  servers.push(second);
  const done = await waitUntilDone(second.url, id);

  expect(done.status).toBe("completed");
  expect(done.steps.map((s) => [s.id, s.status])).toEqual([
    ["two_step_verification", "succeeded"],
    ["embedded_signup", "succeeded"],
    ["capture_assets", "succeeded"],
    ["share_credit_line", "succeeded"],
    ["subscribe_webhooks", "succeeded"],
    ["migrate_templates", "succeeded"],
    ["register_phone", "succeeded"],
  ]);
  // The interrupted step ran again in the new process: its second attempt found the subscription.
  expect(done.steps.find((s) => s.id === "subscribe_webhooks")?.attempts).toBe(2);
  const calls = ((await (await graph.request("/__sandbox/calls")).json()) as { data: CallRecord[] })
    .data;
  const registered = calls.filter(
    (c) => c.operation === "registerWhatsAppBusinessPhoneNumber" && c.status === 200,
  );
  expect(registered).toHaveLength(1);
  expect(calls.filter((c) => c.operation === "createWhatsAppCreditSharingAndAttach")).toHaveLength(
    1,
  );
});
