import { expect, test } from "vitest";
import { createLogger } from "./logger.js";

test("writes JSON lines with the context fields of its parents", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l), now: () => new Date(0) });
  log
    .child({ requestId: "r1", tenant: "acme" })
    .child({ migrationId: "m1" })
    .info("step done", { step: "register_phone", fbtraceId: "Az8" });
  expect(JSON.parse(lines[0] ?? "")).toEqual({
    time: "1970-01-01T00:00:00.000Z",
    level: "info",
    msg: "step done",
    requestId: "r1",
    tenant: "acme",
    migrationId: "m1",
    step: "register_phone",
    fbtraceId: "Az8",
  });
});

test("redacts secret keys and every registered secret value, also inside strings", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l), secrets: ["app-secret-value"] });
  const child = log.child({ migrationId: "m1" });
  log.addSecret("EAAGtoken123");
  child.error("graph failed", {
    url: "https://graph/v26.0/debug_token?input_token=EAAGtoken123",
    detail: { pin: "123456", nested: ["app-secret-value"] },
    error: new Error("bad token EAAGtoken123"),
  });
  const text = lines.join("\n");
  expect(text).not.toContain("EAAGtoken123");
  expect(text).not.toContain("app-secret-value");
  expect(text).not.toContain("123456");
  expect(JSON.parse(lines[0] ?? "").detail.pin).toBe("[redacted]");
});
