import { ProblemDetailsSchema } from "@wa-migrate/contracts";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, test } from "vitest";
import { ConfigError } from "../config/env-config.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";
import { createMigrationBff, type MigrationBff } from "./create-migration-bff.js";

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ProblemDetailsSchema.parse(await response.json());
};

describe("the partner's authorize hook", () => {
  test.each([
    [401, "unauthorized", 401],
    [403, "forbidden", 403],
    [429, "rate_limited", 429],
  ])(
    "an HTTPException(%i) it throws (Hono's auth middlewares do) is %s, not a retryable 500",
    async (thrown, code, status) => {
      const h = await bffWithSandbox("happy", {
        authorize: () => {
          const res = new Response("refused by the portal: token abc expired", {
            status: thrown,
            headers: { "www-authenticate": 'Bearer realm="portal"' },
          });
          throw new HTTPException(thrown as 401, { res });
        },
      });
      const response = await h.bff.request("/migrations");
      expect(response.status).toBe(status);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ code, status });
      expect(JSON.stringify(problem)).not.toContain("token abc");
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="portal"');
    },
  );

  test.each([
    ["GET", "/migrations"],
    ["POST", "/migrations"],
    ["GET", "/migrations/mig_1"],
    ["GET", "/signup-events"],
    ["POST", "/signup-events"],
    ["GET", "/webhook-events"],
    ["GET", "/doctor"],
  ])("runs once for %s %s", async (method, path) => {
    const seen: string[] = [];
    const h = await bffWithSandbox("happy", {
      authorize: (c) => {
        seen.push(c.req.path);
        return "acme";
      },
    });
    await h.bff.request(path, {
      method,
      headers: { "content-type": "application/json" },
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    expect(seen).toEqual([path]);
  });

  test("any other error it throws is a 500 internal_error that names nothing of it", async () => {
    const h = await bffWithSandbox("happy", {
      authorize: () => {
        throw new Error("session store at redis://user:pw@cache down");
      },
    });
    const response = await h.bff.request("/migrations");
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem.code).toBe("internal_error");
    expect(JSON.stringify(problem)).not.toContain("redis://");
  });
});

describe("mounted in the partner's app", () => {
  test.each([
    ["GET", "/wa/migrations/mig_1/cancel"],
    ["DELETE", "/wa/migrations/mig_1"],
    ["PUT", "/wa/migrations"],
    ["GET", "/wa/signup-events/sue_1"],
    ["POST", "/wa/health"],
    ["PUT", "/wa/webhooks"],
    ["GET", "/wa/webhook-events/whe_1"],
  ])("%s %s, a path of the BFF without a route, is problem+json 404", async (method, path) => {
    const h = await bffWithSandbox("happy");
    const partner = new Hono().route("/wa", h.bff);
    const response = await partner.request(path, { method });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe("not_found");
  });

  test("the partner's own routes and misses outside the BFF's paths stay the partner's", async () => {
    const h = await bffWithSandbox("happy");
    const partner = new Hono().route("/", h.bff);
    partner.get("/dashboard", (c) => c.text("partner dashboard"));
    expect(await (await partner.request("/dashboard")).text()).toBe("partner dashboard");
    const other = await partner.request("/nothing-here");
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).not.toContain("problem+json");
  });
});

describe("createMigrationBff options", () => {
  test.each([
    ["appSecret", ""],
    ["appSecret", undefined],
    ["webhookVerifyToken", ""],
    ["systemToken", "  "],
    ["appId", undefined],
  ])("refuses %s = %j at creation, naming it and no value", async (name, value) => {
    const h = await bffWithSandbox("happy");
    const options = { ...h.options, [name]: value };
    let thrown: unknown;
    try {
      createMigrationBff(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message).toContain(`${name} is missing or empty`);
    expect(message).not.toContain(h.partner.system_token);
    expect(message).not.toContain(h.partner.app_secret);
  });

  test("refuses a webhookOverride without its verify token", async () => {
    const h = await bffWithSandbox("happy");
    const options = {
      ...h.options,
      webhookOverride: { callbackUri: "https://hooks.example/wa", verifyToken: "" },
    };
    expect(() => createMigrationBff(options)).toThrow("webhookOverride needs");
  });
});

describe("CORS headers of the partner's authorize hook", () => {
  const portal = "https://portal.example";
  const preflight = async (bff: MigrationBff) =>
    await bff.request("/migrations", {
      method: "OPTIONS",
      headers: {
        origin: portal,
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-portal-session",
      },
    });
  const allowedHeaders = (response: Response) =>
    (response.headers.get("access-control-allow-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase());

  test("a preflight allows the header named in corsAllowHeaders, beside the kit's own", async () => {
    const h = await bffWithSandbox("happy", {
      corsOrigins: [portal],
      corsAllowHeaders: ["X-Portal-Session"],
      authorize: (c) => (c.req.header("x-portal-session") === "s1" ? "acme" : null),
    });
    const response = await preflight(h.bff);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(portal);
    expect(allowedHeaders(response)).toEqual(
      expect.arrayContaining([
        "x-portal-session",
        "content-type",
        "authorization",
        "idempotency-key",
        "last-event-id",
      ]),
    );
    const listed = await h.bff.request("/migrations", {
      headers: { origin: portal, "x-portal-session": "s1" },
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe(portal);
  });

  test("without corsAllowHeaders a preflight allows only the kit's own headers", async () => {
    const h = await bffWithSandbox("happy", { corsOrigins: [portal] });
    const response = await preflight(h.bff);
    expect(allowedHeaders(response)).not.toContain("x-portal-session");
    expect(allowedHeaders(response)).toContain("idempotency-key");
  });

  test.each([
    ["a name with a space", ["x portal"]],
    ["a name with a colon", ["x-portal:1"]],
    ["an empty name", [""]],
    ["a line break", ["x-portal\r\nset-cookie: a=b"]],
    ["a string instead of a list", "x-portal-session"],
  ])("refuses %s at creation with a ConfigError naming corsAllowHeaders", async (_, value) => {
    const h = await bffWithSandbox("happy");
    const options = { ...h.options, corsOrigins: [portal], corsAllowHeaders: value as string[] };
    let thrown: unknown;
    try {
      createMigrationBff(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toContain("corsAllowHeaders");
  });
});
