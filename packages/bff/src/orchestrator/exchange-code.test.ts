import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

test("a code Meta refuses does not become a log secret: later lines keep their error codes", async () => {
  const h = await bffWithSandbox("happy");
  const refused = await h.post("/migrations", { code: "template_migration_failed" });
  expect(refused.status).toBe(400);
  h.options.logger?.warn("step stopped", { code: "template_migration_failed" });
  expect(JSON.parse(h.logs.at(-1) ?? "{}")).toMatchObject({ code: "template_migration_failed" });
});

test("a code Meta did not answer for stays out of every later log line", async () => {
  const h = await bffWithSandbox("happy");
  const signup = await h.signup();
  await h.graph.request("/__sandbox/faults", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      failNext: [{ operation: "exchangeCodeForToken", count: 10, code: 2 }],
    }),
  });
  const failed = await h.post("/migrations", { code: signup.code });
  expect(failed.status).toBeGreaterThanOrEqual(500);
  h.options.logger?.info("echo", { detail: `retry with ${signup.code}` });
  expect(h.logs.at(-1)).not.toContain(signup.code);
  expect(h.logs.join("\n")).not.toContain(signup.code);
});
