import { render, screen, waitFor } from "@testing-library/react";
import type { BffClient } from "@wa-migrate/core";
import {
  buildMigration,
  createFakeFacebookSdk,
  createMemoryBffClient,
} from "@wa-migrate/core/testing";
import { StrictMode } from "react";
import { afterEach, expect, it } from "vitest";
import { MigrationFlow } from "./migration-flow.js";

// StrictMode mounts the flow, destroys that controller and mounts a second one (decision 010):
// what the page came back with must reach the second one, and the first must leave nothing behind.

const storageOf = (entries: Array<[string, string]>) => {
  const map = new Map(entries);
  return {
    map,
    storage: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    },
  };
};

/** Counts the live subscriptions the BFF serves. */
function counting(client: BffClient) {
  const live = new Set<object>();
  const counted: BffClient = {
    ...client,
    subscribe(id, onMigration, onError) {
      const token = {};
      live.add(token);
      const stop = client.subscribe(id, onMigration, onError);
      return () => {
        live.delete(token);
        stop();
      };
    },
  };
  return { counted, live };
}

afterEach(() => window.history.replaceState(null, "", "/"));

it("a return from Meta's Login dialog is submitted once, by the controller that stays", async () => {
  const { map, storage } = storageOf([
    ["wa-migrate:migration:state", "S1"],
    ["wa-migrate:migration:redirect_uri", "http://localhost:3000/onboarding"],
  ]);
  window.history.replaceState(null, "", "/onboarding?code=AQB-redirect&state=S1");
  const client = createMemoryBffClient();
  const { counted, live } = counting(client);
  const { unmount } = render(
    <StrictMode>
      <MigrationFlow
        appId="1234"
        configId="5678"
        sdk={createFakeFacebookSdk()}
        client={counted}
        storage={storage}
        redirectUri="http://localhost:3000/onboarding"
      />
    </StrictMode>,
  );
  await waitFor(() => expect(screen.getByRole("status")).toHaveAttribute("data-state", "running"));
  expect(client.calls.create.map((c) => c.request)).toEqual([
    { code: "AQB-redirect", redirectUri: "http://localhost:3000/onboarding" },
  ]);
  expect(live.size).toBe(1);
  expect(map.get("wa-migrate:migration")).toBe("mig_1");
  expect(window.location.href).toBe("http://localhost:3000/onboarding");
  unmount();
  expect(live.size).toBe(0);
});

it("a kept migration is resumed with one live subscription, and none after unmount", async () => {
  const kept = buildMigration({ id: "mig_7", steps: { capture_assets: "running" } });
  const { storage } = storageOf([["wa-migrate:migration", "mig_7"]]);
  const { counted, live } = counting(createMemoryBffClient({ migrations: [kept] }));
  const { unmount } = render(
    <StrictMode>
      <MigrationFlow
        appId="1234"
        configId="5678"
        sdk={createFakeFacebookSdk()}
        client={counted}
        storage={storage}
      />
    </StrictMode>,
  );
  await waitFor(() => expect(screen.getByRole("status")).toHaveAttribute("data-state", "running"));
  expect(live.size).toBe(1);
  unmount();
  expect(live.size).toBe(0);
});
