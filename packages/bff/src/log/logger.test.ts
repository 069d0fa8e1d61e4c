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

test("a secret nested deeper than the scrubbing goes never reaches the line", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  log.addSecret("EAAGtoken123");
  // e.g. a Graph error body with error_data inside error inside a response inside a field
  const deep = {
    a: { b: { c: { d: { e: { f: { g: { token: "x", note: "EAAGtoken123" } } } } } } },
  };
  log.error("graph failed", { deep });
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toContain("EAAGtoken123");
  expect(lines[0]).not.toContain('"token":"x"');
});

test.each([
  [
    "a circular object",
    () => {
      const value: Record<string, unknown> = { id: "m1" };
      value.self = value;
      return value;
    },
  ],
  ["a bigint", () => 10n],
])("a field holding %s is written, not thrown", (_case, make) => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  expect(() => log.warn("odd field", { migrationId: "m1", value: make() })).not.toThrow();
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({ msg: "odd field", migrationId: "m1" });
});

test("a Date field is written as its ISO time, not as an empty object", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  log.info("lease", { until: new Date("2026-11-25T10:00:00.000Z") });
  expect(JSON.parse(lines[0] ?? "").until).toBe("2026-11-25T10:00:00.000Z");
});

test.each([
  "accessToken",
  "clientSecret",
  "verify_token",
  "hub.verify_token",
  "webhookVerifyToken",
  "refresh_token",
  "fb_exchange_token",
  "dbPassword",
  "Authorization",
  "x-api-key",
])("a value under the key %s is redacted even when it was never registered", (key) => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  log.info("request", { params: { [key]: "unregistered-secret-value" }, step: "capture_assets" });
  expect(lines[0]).not.toContain("unregistered-secret-value");
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({ params: { [key]: "[redacted]" } });
});

test.each(["code", "step", "tokenType", "fbtraceId", "pinned"])(
  "an ordinary key such as %s is left alone",
  (key) => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l) });
    log.info("fields", { [key]: "plain value" });
    expect(JSON.parse(lines[0] ?? "")[key]).toBe("plain value");
  },
);

test("an error is written with its code and the chain of causes, scrubbed, but no other fields", () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l) });
  log.addSecret("EAAGtoken123");
  // What a 503 store_unavailable is made of: the kit's error over the driver's.
  const driver = Object.assign(new Error("permission denied for table wa_migrations"), {
    code: "42501",
    query: "INSERT INTO wa_secrets ...",
    params: ["m1", "pin", "k1", "sealed-ciphertext"],
  });
  const store = new Error("the journal could not complete the operation", { cause: driver });
  const outer = new Error("graph said EAAGtoken123 is bad", { cause: store });
  log.error("request failed", { code: "store_unavailable", error: outer });
  const line = JSON.parse(lines[0] ?? "");
  expect(line.error).toEqual({
    name: "Error",
    message: "graph said [redacted] is bad",
    cause: {
      name: "Error",
      message: "the journal could not complete the operation",
      cause: { name: "Error", message: "permission denied for table wa_migrations", code: "42501" },
    },
  });
  expect(lines[0]).not.toContain("sealed-ciphertext");
});
