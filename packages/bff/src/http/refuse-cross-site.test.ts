import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// A partner portal that signs operators in with a session cookie (authorize reads it).
const cookieAuth = {
  authorize: (c: { req: { header(name: string): string | undefined } }) =>
    /session=(\w+)/.exec(c.req.header("cookie") ?? "")?.[1] ?? null,
  corsOrigins: ["https://portal.example"],
};

async function stoppedMigration() {
  const h = await bffWithSandbox("register-rate-limited", cookieAuth);
  const signup = await h.signup();
  const m = MigrationSchema.parse(
    await (await h.post("/migrations", { code: signup.code }, { cookie: "session=acme" })).json(),
  );
  await h.bff.idle();
  await h.graph.sandbox.advance(72 * 3_600_000);
  const registers = async () =>
    (await h.calls()).filter((c) => c.operation === "registerWhatsAppBusinessPhoneNumber").length;
  return { h, m, registers };
}

describe("cross-site requests with the operator's cookie", () => {
  test.each([
    ["a form post from another site", { "content-type": "application/x-www-form-urlencoded" }],
    ["a bodiless no-cors fetch from another site", {}],
  ])("%s cannot retry a migration or copy its templates", async (_name, headers) => {
    const { h, m, registers } = await stoppedMigration();
    const before = await registers();
    for (const path of [`/migrations/${m.id}/retry`, `/migrations/${m.id}/templates`]) {
      const response = await h.bff.request(path, {
        method: "POST",
        headers: {
          cookie: "session=acme",
          "sec-fetch-site": "cross-site",
          origin: "https://evil.example",
          "content-length": "0",
          ...headers,
        },
      });
      expect(response.status).toBe(403);
      expect(ProblemDetailsSchema.parse(await response.json()).code).toBe("forbidden");
    }
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("action_required");
    expect(await registers()).toBe(before);
  });

  test.each([
    ["the portal's own page", { "sec-fetch-site": "same-origin" }],
    [
      "an origin in corsOrigins",
      { "sec-fetch-site": "cross-site", origin: "https://portal.example" },
    ],
    ["a server without Sec-Fetch headers", {}],
  ])("%s still retries", async (_name, headers) => {
    const { h, m } = await stoppedMigration();
    const response = await h.bff.request(`/migrations/${m.id}/retry`, {
      method: "POST",
      headers: { cookie: "session=acme", ...headers },
    });
    expect(response.status).toBe(202);
    await h.bff.idle();
    expect((await h.store.getMigration(m.id))?.status).toBe("completed");
  });

  test("reading from another site stays possible (CORS decides what the page may read)", async () => {
    const { h, m } = await stoppedMigration();
    const response = await h.bff.request(`/migrations/${m.id}`, {
      headers: {
        cookie: "session=acme",
        "sec-fetch-site": "cross-site",
        origin: "https://x.example",
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
