import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { createFakeFacebookSdk, createMemoryBffClient } from "@wa-migrate/core/testing";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { MigrationFlow } from "./migration-flow.js";
import { type UseMigrationFlowOptions, useMigrationFlow } from "./use-migration-flow.js";

const base = () => ({
  appId: "1234",
  configId: "5678",
  sdk: createFakeFacebookSdk(),
  client: createMemoryBffClient(),
  storage: null,
});

describe("useMigrationFlow", () => {
  it("starts idle (no controller in the first render), then preloads the SDK and is ready", async () => {
    const options = base();
    const { result } = renderHook(() => useMigrationFlow(options));
    await waitFor(() => expect(result.current.snapshot.state).toBe("ready"));
    expect(options.sdk.calls.init).toEqual([
      expect.objectContaining({ appId: "1234", xfbml: false }),
    ]);
    expect(result.current.controller).not.toBeNull();
  });

  it("a new inline callback on every render never restarts the flow, and the latest one is called", async () => {
    const options = base();
    const first = vi.fn();
    const latest = vi.fn();
    const { result, rerender } = renderHook(
      ({ onStepChange }: Pick<UseMigrationFlowOptions, "onStepChange">) =>
        useMigrationFlow({
          ...options,
          allowedOrigins: ["https://www.facebook.com"],
          onStepChange,
        }),
      { initialProps: { onStepChange: first } as Pick<UseMigrationFlowOptions, "onStepChange"> },
    );
    await waitFor(() => expect(result.current.snapshot.state).toBe("ready"));
    const controller = result.current.controller;
    rerender({ onStepChange: (...args) => latest(...args) });
    rerender({ onStepChange: (...args) => latest(...args) });
    expect(result.current.controller).toBe(controller);
    expect(options.sdk.calls.init).toHaveLength(1);
    act(() => result.current.confirmTwoStep());
    expect(latest).toHaveBeenCalledWith("embedded_signup", "current");
    expect(first).not.toHaveBeenCalledWith("embedded_signup", "current");
  });

  it("an inline now clock on every render neither restarts the flow nor loops", async () => {
    const options = base();
    const { result, rerender } = renderHook(() =>
      useMigrationFlow({ ...options, now: () => Date.now() }),
    );
    await waitFor(() => expect(result.current.snapshot.state).toBe("ready"));
    const controller = result.current.controller;
    rerender();
    rerender();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.controller).toBe(controller);
    expect(options.sdk.calls.init).toHaveLength(1);
  });

  it("a changed configuration value recreates the controller", async () => {
    const options = base();
    const { result, rerender } = renderHook(
      ({ configId }: { configId: string }) => useMigrationFlow({ ...options, configId }),
      { initialProps: { configId: "5678" } },
    );
    await waitFor(() => expect(result.current.snapshot.state).toBe("ready"));
    const first = result.current.controller;
    rerender({ configId: "9999" });
    await waitFor(() => expect(result.current.controller).not.toBe(first));
  });

  it("under StrictMode one click launches one popup and the flow completes once", async () => {
    const options = base();
    const onComplete = vi.fn();
    render(
      <StrictMode>
        <MigrationFlow {...options} onComplete={onComplete} />
      </StrictMode>,
    );
    screen.getByRole("button", { name: "Two-step verification is off" }).click();
    const launch = await screen.findByRole("button", { name: "Continue with Meta" });
    await waitFor(() => expect(launch).toBeEnabled());
    act(() => launch.click());
    expect(options.sdk.calls.login).toHaveLength(1);
    await waitFor(() => expect(options.client.calls.create).toHaveLength(1));
    act(() => void options.client.runToEnd());
    await screen.findByRole("heading", { name: "Your number has moved" });
    expect(onComplete).toHaveBeenCalledTimes(1);
    // The double-mounted first controller is gone: one create, one login, one completion.
    expect(options.client.calls.create).toHaveLength(1);
  });

  it("calls FB.login synchronously inside the trigger's click (no await in between)", async () => {
    const options = base();
    render(<MigrationFlow {...options} />);
    screen.getByRole("button", { name: "Two-step verification is off" }).click();
    const launch = await screen.findByRole("button", { name: "Continue with Meta" });
    await waitFor(() => expect(launch).toBeEnabled());
    let loginsDuringClick = -1;
    // A document listener runs after React's root listener, still inside the same click dispatch:
    // if anything were awaited before FB.login, the count would still be 0 here.
    const during = () => {
      loginsDuringClick = options.sdk.calls.login.length;
    };
    document.addEventListener("click", during, { once: true });
    launch.click();
    expect(loginsDuringClick).toBe(1);
    await waitFor(() => expect(options.client.calls.create).toHaveLength(1));
  });

  it("reports onExit and onError when the customer cancels, and unmounting stops the flow", async () => {
    const options = {
      ...base(),
      sdk: createFakeFacebookSdk({ outcome: { type: "cancel", step: "PERMISSIONS" } }),
    };
    const onExit = vi.fn();
    const onError = vi.fn();
    const onEvent = vi.fn();
    const { unmount } = render(
      <MigrationFlow {...options} onExit={onExit} onError={onError} onEvent={onEvent} />,
    );
    screen.getByRole("button", { name: "Two-step verification is off" }).click();
    const launch = await screen.findByRole("button", { name: "Continue with Meta" });
    await waitFor(() => expect(launch).toBeEnabled());
    launch.click();
    await waitFor(() =>
      expect(onExit).toHaveBeenCalledWith({ step: "embedded_signup", reason: "signup_cancelled" }),
    );
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: "signup_cancelled", esStep: "PERMISSIONS" }),
    );
    expect(onEvent).toHaveBeenCalledWith({ type: "state", state: "cancelled" });
    const calls = onEvent.mock.calls.length;
    unmount();
    options.sdk.postMessage(
      JSON.stringify({
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
        data: { current_step: "PERMISSIONS" },
      }),
    );
    expect(onEvent.mock.calls.length).toBe(calls);
  });
});
