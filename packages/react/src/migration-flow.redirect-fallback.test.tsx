import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { createFakeFacebookSdk, createMemoryBffClient } from "@wa-migrate/core/testing";
import { afterEach, expect, it } from "vitest";
import { MigrationFlow } from "./migration-flow.js";

// The full-page fallback for a blocked popup is offered only where it can work: the Login
// dialog's `state` must survive the trip, or the customer comes back to a page that ignores the
// code Meta sends.

afterEach(cleanup);

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};

async function blockedPopup(storage: ReturnType<typeof memory> | null) {
  render(
    <MigrationFlow
      appId="1234"
      configId="5678"
      sdk={createFakeFacebookSdk({ outcome: { type: "blocked" } })}
      client={createMemoryBffClient()}
      storage={storage}
      redirectUri="http://localhost:3000/onboarding"
    />,
  );
  screen.getByRole("button", { name: "Two-step verification is off" }).click();
  const launch = await screen.findByRole("button", { name: "Continue with Meta" });
  await waitFor(() => expect(launch).toBeEnabled());
  act(() => launch.click());
  await waitFor(() => expect(document.querySelector('[data-code="popup_blocked"]')).not.toBeNull());
}

it("with storage, a blocked popup offers to continue in this window", async () => {
  await blockedPopup(memory());
  expect(screen.getByRole("button", { name: "Continue in this window instead" })).toBeVisible();
});

it("without storage (storage: null), it is not offered", async () => {
  await blockedPopup(null);
  expect(screen.queryByRole("button", { name: "Continue in this window instead" })).toBeNull();
});
