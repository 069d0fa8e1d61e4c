import { afterEach, expect, test } from "vitest";
import type { BffClient } from "./bff-client.js";
import { createMigrationFlow } from "./create-migration-flow.js";
import type { MigrationFlowController } from "./flow-types.js";
import { createMemoryBffClient } from "./testing/index.js";

// Meta's SDK blocked (a content blocker, a strict network) while the page also resumes a kept
// migration: the load failure must still reach the customer, with its retry, instead of leaving
// the flow in `idle` where nothing moves on.

let flow: MigrationFlowController | undefined;
afterEach(() => {
  flow?.destroy();
  for (const script of Array.from(document.scripts)) script.remove();
});

function storageWith(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function failSdk(url: string) {
  Array.from(document.scripts)
    .find((s) => s.src === url)
    ?.dispatchEvent(new Event("error"));
}

test("a kept id that is gone, resumed while the SDK fails to load, ends in sdk_load_error with a retry", async () => {
  const url = "https://sdk.example/resume/sdk.js";
  const memory = createMemoryBffClient();
  let answer: () => void = () => {};
  // The resume is still waiting for the BFF when the SDK fails.
  const client: BffClient = {
    ...memory,
    getMigration: (id) =>
      new Promise((resolve, reject) => {
        answer = () => memory.getMigration(id).then(resolve, reject);
      }),
  };
  flow = createMigrationFlow({
    appId: "1234",
    configId: "5678",
    client,
    sdkUrl: url,
    storage: storageWith({ "wa-migrate:migration": "mig_gone" }),
  });
  const preparing = flow.prepare();
  await Promise.resolve();
  failSdk(url);
  await preparing;
  answer();
  await new Promise((r) => setTimeout(r, 0));
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    migration: null,
    error: { code: "sdk_load_error", retryable: true },
  });
});

test("start again after the SDK failed keeps saying so, instead of an idle page", async () => {
  const url = "https://sdk.example/reset/sdk.js";
  flow = createMigrationFlow({
    appId: "1234",
    configId: "5678",
    client: createMemoryBffClient(),
    sdkUrl: url,
    storage: null,
  });
  const preparing = flow.prepare();
  failSdk(url);
  await preparing;
  flow.reset();
  expect(flow.getSnapshot()).toMatchObject({
    state: "failed",
    error: { code: "sdk_load_error", retryable: true },
  });
});
