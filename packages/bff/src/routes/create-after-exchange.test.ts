import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { createMigrationBff } from "../app/create-migration-bff.js";
import { createMemoryStore } from "../store/memory-store.js";
import { StoreError } from "../store/store-error.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Finding F1 (issue 5): the code works once, so once it is exchanged the migration must not be
// lost to a failing Graph read. POST /migrations stores the migration and the token right after
// the exchange, answers 201 when the reads after it fail transiently (the engine retries them),
// and a repeated POST with the same Idempotency-Key answers what the first one answered.

type Harness = Awaited<ReturnType<typeof bffWithSandbox>>;

async function setFaults(h: Harness, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

const exchanges = async (h: Harness) =>
  (await h.calls()).filter((c) => c.operation === "exchangeCodeForToken");

describe("POST /migrations when Graph fails after the code exchange", () => {
  test.each([
    ["with an Idempotency-Key", { "idempotency-key": "create-1" }],
    ["without one", {}],
  ])(
    "%s: 201, the capture finishes in the background, the code is exchanged once",
    async (_name, headers: Record<string, string>) => {
      const h = await bffWithSandbox("happy");
      const signup = await h.signup();
      // More throttling answers than the Graph client retries within one call.
      await setFaults(h, { failNext: [{ operation: "debugToken", count: 4, code: 130429 }] });
      const body = {
        code: signup.code,
        wabaId: signup.waba_id,
        phoneNumberId: signup.phone_number_id,
      };
      const first = await h.post("/migrations", body, headers);
      expect(first.status, await first.clone().text()).toBe(201);
      const created = MigrationSchema.parse(await first.json());
      expect(created.status).toBe("running");
      if (headers["idempotency-key"]) {
        // The browser's retry (its answer got lost) finds the same migration, not code_used.
        const again = await h.post("/migrations", body, headers);
        expect(again.status).toBe(201);
        expect(again.headers.get("idempotent-replayed")).toBe("true");
        expect(MigrationSchema.parse(await again.json()).id).toBe(created.id);
      }
      await h.bff.idle();
      const done = await h.store.getMigration(created.id);
      expect(done?.status).toBe("completed");
      expect(done?.steps.find((s) => s.id === "capture_assets")?.attempts).toBe(2);
      expect(await exchanges(h)).toHaveLength(1);
      expect((await h.store.listMigrations({ limit: 10 })).items).toHaveLength(1);
    },
  );

  test("a refused grant is still answered at once (403), and its replay answers the same", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const body = { code: signup.code, wabaId: "999999999", phoneNumberId: signup.phone_number_id };
    const first = await h.post("/migrations", body, { "idempotency-key": "refused-1" });
    expect(first.status).toBe(403);
    expect(ProblemDetailsSchema.parse(await first.json()).code).toBe("asset_not_granted");
    const again = await h.post("/migrations", body, { "idempotency-key": "refused-1" });
    expect(again.status).toBe(403);
    expect(ProblemDetailsSchema.parse(await again.json()).code).toBe("asset_not_granted");
    await h.bff.idle();
    expect(await exchanges(h)).toHaveLength(1);
    expect((await h.calls()).filter((c) => c.method === "POST")).toEqual([]);
  });

  test("the token is in the journal before any read answers: a crash then loses nothing", async () => {
    const h = await bffWithSandbox("happy");
    // Instance A dies while its debug_token is in flight (the request never answers).
    let inFlight = false;
    const dying = createMigrationBff({
      ...h.options,
      instanceId: "A",
      leaseMs: 5_000,
      fetch: async (input, init) => {
        if (new URL(input).pathname.endsWith("/debug_token")) {
          inFlight = true;
          return new Promise<Response>(() => {});
        }
        return (await h.options.fetch?.(input, init)) as Response;
      },
    });
    const signup = await h.signup();
    void dying.request("/migrations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: signup.code }),
    });
    for (let i = 0; i < 200 && !inFlight; i++) await new Promise((r) => setTimeout(r, 10));
    const [stored] = (await h.store.listMigrations({ limit: 10 })).items;
    expect(stored?.status).toBe("running");
    expect(await h.store.getSecret(stored?.id ?? "", "business_token")).not.toBeNull();

    await h.graph.sandbox.advance(10_000); // A's lease on capture_assets is over
    const successor = createMigrationBff({ ...h.options, instanceId: "B", leaseMs: 5_000 });
    expect(await successor.resume()).toBe(1);
    await successor.idle();
    const done = await h.store.getMigration(stored?.id ?? "");
    expect(done?.status).toBe("completed");
    expect(done?.wabaId).toBe(signup.waba_id);
    expect(await exchanges(h)).toHaveLength(1);
  });

  test("a journal that drops its connection after one write cannot keep a migration without its token", async () => {
    // A store whose token write fails once, as a connection dropped between two statements
    // would: the token goes into the journal in the same write as the migration, so the first
    // answer is 201 and the migration runs; it is never a record without the token that a resend
    // with the same key would replay as 201 and that fails later, its code already spent.
    const store = createMemoryStore();
    const putSecret = store.putSecret.bind(store);
    let drops = 1;
    store.putSecret = async (id, kind, sealed) => {
      if (kind === "business_token" && drops-- > 0)
        throw new StoreError("unavailable", "Connection terminated unexpectedly");
      return putSecret(id, kind, sealed);
    };
    const h = await bffWithSandbox("happy", { store });
    const signup = await h.signup();
    const first = await h.post("/migrations", { code: signup.code }, { "idempotency-key": "k" });
    expect(first.status, await first.clone().text()).toBe(201);
    const created = MigrationSchema.parse(await first.json());
    await h.bff.idle();
    expect((await h.store.getMigration(created.id))?.status).toBe("completed");
    expect(await exchanges(h)).toHaveLength(1);
  });
});
