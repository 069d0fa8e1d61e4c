import { expect, test } from "vitest";
import { ConfigError, loadEnvConfig } from "./env-config.js";

const key = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
const valid = {
  META_APP_ID: "1234",
  META_APP_SECRET: "s3cr3t-app",
  META_SYSTEM_TOKEN: "EAAsystem",
  META_BUSINESS_ID: "5678",
  WA_MIGRATE_ENCRYPTION_KEY: key,
  WEBHOOK_VERIFY_TOKEN: "verify-me",
};

test("reads a valid environment with defaults", () => {
  expect(loadEnvConfig(valid)).toMatchObject({
    appId: "1234",
    wabaCurrency: "USD",
    host: "127.0.0.1",
    port: 8787,
    creditLineId: undefined,
    corsOrigins: [],
  });
});

test("names every missing and invalid variable, without their values", () => {
  let error: unknown;
  try {
    loadEnvConfig({
      ...valid,
      META_APP_ID: "",
      META_SYSTEM_TOKEN: undefined,
      WABA_CURRENCY: "CHF",
      GRAPH_VERSION: "26",
      PORT: "99999",
      WA_MIGRATE_ENCRYPTION_KEY: "k1:c2hvcnQ=",
      GRAPH_BASE_URL: "ftp://x",
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems.map((p) => p.split(" ")[0]);
  expect(problems).toEqual([
    "META_APP_ID",
    "META_SYSTEM_TOKEN",
    "WABA_CURRENCY",
    "GRAPH_BASE_URL",
    "GRAPH_VERSION",
    "WA_MIGRATE_ENCRYPTION_KEY",
    "PORT",
  ]);
  expect((error as ConfigError).message).not.toContain("c2hvcnQ=");
});

test("lease and takeover settings: defaults, values, and invalid ones named", () => {
  expect(loadEnvConfig(valid)).toMatchObject({
    instanceId: undefined,
    leaseMs: 60_000,
    resumeEveryMs: 15_000,
    transientRetryMs: 900_000,
  });
  expect(
    loadEnvConfig({
      ...valid,
      WA_MIGRATE_INSTANCE_ID: "bff-eu-1",
      WA_MIGRATE_LEASE_MS: "30000",
      WA_MIGRATE_RESUME_EVERY_MS: "0",
      WA_MIGRATE_TRANSIENT_RETRY_MS: "60000",
    }),
  ).toMatchObject({
    instanceId: "bff-eu-1",
    leaseMs: 30_000,
    resumeEveryMs: 0,
    transientRetryMs: 60_000,
  });
});

test.each([
  ["WA_MIGRATE_INSTANCE_ID", "two words"],
  ["WA_MIGRATE_INSTANCE_ID", "x".repeat(65)],
  ["WA_MIGRATE_LEASE_MS", "100"],
  ["WA_MIGRATE_LEASE_MS", "1h"],
  ["WA_MIGRATE_RESUME_EVERY_MS", "10"],
  ["WA_MIGRATE_RESUME_EVERY_MS", "-1"],
  ["WA_MIGRATE_TRANSIENT_RETRY_MS", "15m"],
  ["WA_MIGRATE_TRANSIENT_RETRY_MS", "99999999"],
])("%s=%s is refused by name", (name, value) => {
  const error = (() => {
    try {
      loadEnvConfig({ ...valid, [name]: value });
    } catch (e) {
      return e as ConfigError;
    }
  })();
  expect(error?.problems.map((p) => p.split(" ")[0])).toEqual([name]);
});

test.each([
  ["the same key id twice", `k1:${Buffer.alloc(32, 8).toString("base64")},${key}`],
  ["a key pasted before its id", `${Buffer.alloc(32, 7).toString("base64")}:k1`],
])("WA_MIGRATE_ENCRYPTION_KEY with %s is refused by name, without its value", (_case, value) => {
  const error = (() => {
    try {
      loadEnvConfig({ ...valid, WA_MIGRATE_ENCRYPTION_KEY: value });
    } catch (e) {
      return e as ConfigError;
    }
  })();
  expect(error?.problems.map((p) => p.split(" ")[0])).toEqual(["WA_MIGRATE_ENCRYPTION_KEY"]);
  expect(error?.message).not.toContain(Buffer.alloc(32, 7).toString("base64"));
});
