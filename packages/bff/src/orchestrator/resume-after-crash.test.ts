import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Instance A "crashes" right after Meta carried out a write: the call reached the sandbox, but its
// answer never comes back and A never writes the journal. Instance B, on the same store, takes the
// step over once A's lease expired and must not repeat the write.
describe("another instance resumes a crashed one's migration", () => {
  test.each([
    [
      "the credit share",
      "/whatsapp_credit_sharing_and_attach",
      "createWhatsAppCreditSharingAndAttach",
    ],
    ["the registration", "/register", "registerWhatsAppBusinessPhoneNumber"],
  ])("after a crash between %s and its journal write", async (_name, path, operation) => {
    const h = await bffWithSandbox("happy");
    const crashing = createMigrationBff({
      ...h.options,
      instanceId: "A",
      leaseMs: 5_000,
      fetch: async (input, init) => {
        const response = await h.options.fetch?.(input, init);
        if (new URL(input).pathname.endsWith(path)) return new Promise<Response>(() => {});
        return response as Response;
      },
    });
    const signup = await h.signup();
    const created = await crashing.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    const { id } = MigrationSchema.parse(await created.json());
    // Wait until A hangs inside the write (Meta has answered it in the call log).
    for (let i = 0; i < 200 && !(await h.calls()).some((c) => c.operation === operation); i += 1) {
      await new Promise((r) => setTimeout(r, 10));
    }
    const stuck = await h.store.getMigration(id);
    expect(stuck?.status).toBe("running");

    await h.graph.sandbox.advance(10_000); // A's lease is over
    const successor = createMigrationBff({ ...h.options, instanceId: "B", leaseMs: 5_000 });
    expect(await successor.resume()).toBe(1);
    await successor.idle();

    const done = await h.store.getMigration(id);
    expect(done?.status).toBe("completed");
    const calls = await h.calls();
    expect(
      calls.filter((c) => c.operation === "createWhatsAppCreditSharingAndAttach"),
    ).toHaveLength(1);
    expect(calls.filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber")).toHaveLength(
      1,
    );
  });
});

describe("a secret sealed with a key this instance does not have", () => {
  test("stops the migration with unknown_key_id instead of leaving it running", async () => {
    const h = await bffWithSandbox("happy");
    const stalled = createMigrationBff({
      ...h.options,
      instanceId: "A",
      leaseMs: 5_000,
      fetch: async (input, init) => {
        // A dies before capture's background reads (the source's expanded read) come back.
        if (new URL(input).searchParams.get("fields")?.includes("message_templates"))
          return new Promise<Response>(() => {});
        return (await h.options.fetch?.(input, init)) as Response;
      },
    });
    const signup = await h.signup();
    const created = await stalled.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    const { id } = MigrationSchema.parse(await created.json());
    await h.graph.sandbox.advance(10_000);
    const rotated = createMigrationBff({
      ...h.options,
      instanceId: "B",
      encryptionKey: `other:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    await rotated.resume();
    await rotated.idle();
    const m = await h.store.getMigration(id);
    // The partner's key is missing: the partner acts, not the customer (decision 045).
    expect(m?.status).toBe("failed");
    expect(m?.steps.find((s) => s.id === "capture_assets")).toMatchObject({
      status: "failed",
      lastError: { code: "unknown_key_id" },
    });
    expect(
      (await h.calls()).some((c) => c.operation === "registerWhatsAppBusinessPhoneNumber"),
    ).toBe(false);
  });
});
