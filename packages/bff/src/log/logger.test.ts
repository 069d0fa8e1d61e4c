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

test("a short or word-like value someone posts never blanks out ordinary log fields", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  // e.g. a hostile `code` in POST /migrations registered before Meta refused it
  log.addSecret("error");
  log.addSecret("test");
  log.error("step stopped", { code: "graph_error", step: "test_number" });
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({
    level: "error",
    code: "graph_error",
    step: "test_number",
  });
});

test("a PIN is redacted where it stands alone, not inside a longer number such as an id", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  log.addSecret("126980");
  log.info("register", {
    wabaId: "524126980791429",
    body: '{"pin":"126980"}',
    note: "PIN 126980.",
  });
  const line = JSON.parse(lines[0] ?? "");
  expect(line.wabaId).toBe("524126980791429");
  expect(line.body).toBe('{"pin":"[redacted]"}');
  expect(line.note).toBe("PIN [redacted].");
});

test("overlapping secrets are removed whole, and many secrets stay exact", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  const tokens = Array.from({ length: 5_000 }, (_, i) => `EAAGtoken${String(i).padStart(6, "0")}x`);
  for (const token of tokens) log.addSecret(token);
  log.addSecret("EAAGtoken000042xLONGER");
  log.info("urls", {
    a: `https://graph/debug_token?input_token=${tokens[4_999]}&x=1`,
    b: "EAAGtoken000042xLONGER and EAAGtoken000042x",
    c: "EAAGtoken", // a prefix of secrets is not a secret
  });
  const line = JSON.parse(lines[0] ?? "");
  expect(line.a).toBe("https://graph/debug_token?input_token=[redacted]&x=1");
  expect(line.b).toBe("[redacted] and [redacted]");
  expect(line.c).toBe("EAAGtoken");
});

test("keeps at most 100,000 registered values: the oldest are forgotten first", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  for (let i = 0; i <= 100_000; i += 1) log.addSecret(`secret-${i}-value`);
  log.info("x", { oldest: "secret-0-value", newest: "secret-100000-value" });
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({
    oldest: "secret-0-value",
    newest: "[redacted]",
  });
});
