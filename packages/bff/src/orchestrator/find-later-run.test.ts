import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta moves a number into the account of its latest Embedded Signup (the sandbox points the
// number's pending migration at the newest signup's WABA). A customer who signs up again in a
// second tab while the first migration runs has moved the number's target: the first must stop
// with a clear code instead of registering into the old account or reporting Meta's refusal.
describe("a later sign-up of the same number while an earlier migration runs", () => {
  test.each([
    ["before the earlier one registers", "/subscribed_apps", 0],
    ["while the earlier one's register request is on its way", "/register", 1],
  ])(
    "%s: the earlier stops with migration_superseded, the later completes",
    async (_name, path, earlierRegisters) => {
      const h = await bffWithSandbox("happy");
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const earlier = createMigrationBff({
        ...h.options,
        fetch: async (input, init) => {
          if (new URL(input).pathname.endsWith(path)) await gate;
          return (await h.options.fetch?.(input, init)) as Response;
        },
      });
      const post = async (bff: typeof earlier) =>
        bff.request("/migrations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: (await h.signup()).code }),
        });
      const a = await post(earlier);
      expect(a.status).toBe(201);
      const first = MigrationSchema.parse(await a.json());
      const b = await post(h.bff);
      expect(b.status).toBe(201);
      const second = MigrationSchema.parse(await b.json());
      await h.bff.idle();

      release();
      await earlier.idle();
      const stopped = MigrationSchema.parse(
        await (await h.bff.request(`/migrations/${first.id}`)).json(),
      );
      expect(stopped.status).toBe("failed");
      const register = stopped.steps.find((s) => s.id === "register_phone");
      expect(register?.status).toBe("failed");
      expect(register?.lastError).toMatchObject({ code: "migration_superseded", retryable: false });
      expect(register?.lastError?.message).toContain(second.id);
      expect((await h.store.getMigration(second.id))?.status).toBe("completed");

      const registers = (await h.calls()).filter(
        (c) => c.operation === "registerWhatsAppBusinessPhoneNumber",
      );
      expect(registers).toHaveLength(1 + earlierRegisters);
      expect(registers.at(-1)?.path).toContain(second.phoneNumberId ?? "");
    },
  );

  test("a migration that already ended is not taken over by a later one, which is told the number is here", async () => {
    const h = await bffWithSandbox("happy");
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await h.bff.request("/migrations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: (await h.signup()).code }),
      });
      expect(created.status).toBe(201);
      ids.push(MigrationSchema.parse(await created.json()).id);
      await h.bff.idle();
    }
    expect((await h.store.getMigration(ids[0] ?? ""))?.status).toBe("completed");
    // The second finds the PIN the first one's registration set (Meta: two-step verification is
    // on). The customer is told the number is already here, not to ask "the current provider".
    const second = await h.store.getMigration(ids[1] ?? "");
    const register = second?.steps.find((s) => s.id === "register_phone");
    expect(register).toMatchObject({
      status: "action_required",
      lastError: { code: "number_already_moved", retryable: true, graph: { subcode: 2388001 } },
    });
    expect(register?.lastError?.message).toContain(ids[0]);

    // The remedy works: with two-step verification turned off in WhatsApp Manager, a retry moves it.
    const phoneId = second?.phoneNumberId ?? "";
    const off = await h.graph.request(`/__sandbox/phone-numbers/${phoneId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ twoStepEnabled: false }),
    });
    expect(off.status).toBe(200);
    const retried = await h.bff.request(`/migrations/${ids[1]}/retry`, { method: "POST" });
    expect(retried.status).toBe(202);
    await h.bff.idle();
    expect((await h.store.getMigration(ids[1] ?? ""))?.status).toBe("completed");
  });
});
