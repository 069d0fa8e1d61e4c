import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  buildMigration,
  createFakeFacebookSdk,
  createMemoryBffClient,
  type FakeFacebookSdk,
  type MemoryBffClient,
} from "@wa-migrate/core/testing";
import { expect, fn, waitFor, within } from "storybook/test";
import { MigrationFlow, type MigrationFlowProps } from "./migration-flow.js";

// The live component: the real core controller over the fake Meta SDK and the in-memory BFF from
// @wa-migrate/core/testing (no network). The server moves one step per `client.advance()`, so the
// play functions decide when progress happens.

type Loaded = { sdk: FakeFacebookSdk; client: MemoryBffClient };
type Args = Omit<MigrationFlowProps, "appId" | "configId">;

const meta = {
  title: "MigrationFlow/Live",
  render: (args, { loaded }) => {
    const { sdk, client } = loaded as Loaded;
    return (
      <MigrationFlow
        appId="1234"
        configId="5678"
        storage={null}
        {...args}
        sdk={sdk}
        client={client}
      />
    );
  },
  args: { onComplete: fn(), onExit: fn(), onError: fn(), onStepChange: fn() },
  loaders: [() => ({ sdk: createFakeFacebookSdk(), client: createMemoryBffClient() })],
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

async function confirmAndLaunch(canvasElement: HTMLElement, sdk: FakeFacebookSdk) {
  const canvas = within(canvasElement);
  await canvas.getByRole("button", { name: "Two-step verification is off" }).click();
  const launch = await canvas.findByRole("button", { name: "Continue with Meta" });
  await waitFor(() => expect(launch).toBeEnabled());
  launch.click();
  // FB.login ran inside the click, before anything was awaited.
  await expect(sdk.calls.login).toHaveLength(1);
}

const rootState = (el: HTMLElement) => el.querySelector(".wam-root")?.getAttribute("data-state");

/** Launch: the popup opens inside the click, the code goes to the BFF, server steps start. */
export const Launch: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { sdk, client } = loaded as Loaded;
    await confirmAndLaunch(canvasElement, sdk);
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    await expect(client.calls.create).toHaveLength(1);
    await expect(canvasElement.querySelector('[data-step="capture_assets"]')).toHaveAttribute(
      "data-state",
      "current",
    );
  },
};

/** Cancel: the customer leaves Embedded Signup; the flow explains and offers a new start. */
export const Cancel: Story = {
  loaders: [
    () => ({
      sdk: createFakeFacebookSdk({ outcome: { type: "cancel", step: "PHONE_NUMBER_SETUP" } }),
      client: createMemoryBffClient(),
    }),
  ],
  play: async ({ canvasElement, loaded, args }) => {
    const { sdk } = loaded as Loaded;
    await confirmAndLaunch(canvasElement, sdk);
    await waitFor(() => expect(rootState(canvasElement)).toBe("cancelled"));
    await expect(canvasElement.querySelector('[data-code="signup_cancelled"]')).not.toBeNull();
    await expect(args.onExit).toHaveBeenCalledWith({
      step: "embedded_signup",
      reason: "signup_cancelled",
    });
    const again = within(canvasElement).getByRole("button", { name: "Start again with Meta" });
    await expect(again).toBeEnabled();
  },
};

/** Retry: a server step fails with a remedy; "Try again" re-runs it and the migration completes. */
export const Retry: Story = {
  loaders: [
    () => ({
      sdk: createFakeFacebookSdk(),
      client: createMemoryBffClient({
        stopAt: { step: "share_credit_line", code: "credit_share_failed" },
      }),
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const { sdk, client } = loaded as Loaded;
    await confirmAndLaunch(canvasElement, sdk);
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    client.runToEnd();
    await waitFor(() => expect(rootState(canvasElement)).toBe("failed"));
    const step = canvasElement.querySelector('[data-step="share_credit_line"]') as HTMLElement;
    await expect(step).toHaveAttribute("data-state", "failed");
    await expect(step.querySelector('[data-code="credit_share_failed"]')).not.toBeNull();
    within(step).getByRole("button", { name: "Try again" }).click();
    await waitFor(() => expect(client.calls.retry).toEqual(["mig_1"]));
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    client.runToEnd();
    await waitFor(() => expect(rootState(canvasElement)).toBe("completed"));
  },
};

/**
 * Two-step verification still on: the customer confirmed step 1, the server's check during capture
 * says otherwise. Step 1 needs action again (remedy, request text, "Try again"); after the old
 * partner turned it off, the retry completes and step 1 reads done.
 */
export const TwoStepStillOn: Story = {
  loaders: [
    () => ({
      sdk: createFakeFacebookSdk(),
      client: createMemoryBffClient({
        stopAt: { step: "capture_assets", code: "two_step_enabled", status: "action_required" },
      }),
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    const { sdk, client } = loaded as Loaded;
    await confirmAndLaunch(canvasElement, sdk);
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    client.runToEnd();
    await waitFor(() => expect(rootState(canvasElement)).toBe("action_required"));
    const step = canvasElement.querySelector('[data-step="two_step_verification"]') as HTMLElement;
    await expect(step).toHaveAttribute("data-state", "action_required");
    await expect(step.querySelector('[data-code="two_step_enabled"]')).not.toBeNull();
    await expect(
      within(step).getByRole("textbox", { name: "Request for your current provider" }),
    ).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-step="capture_assets"]')).toHaveAttribute(
      "data-state",
      "pending",
    );
    within(step).getByRole("button", { name: "Try again" }).click();
    await waitFor(() => expect(client.calls.retry).toEqual(["mig_1"]));
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    client.runToEnd();
    await waitFor(() => expect(rootState(canvasElement)).toBe("completed"));
    await expect(step).toHaveAttribute("data-state", "complete");
  },
};

/** Completion: every step succeeds; the summary shows what was kept and the billing cutover. */
export const Completion: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const { sdk, client } = loaded as Loaded;
    await confirmAndLaunch(canvasElement, sdk);
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    client.runToEnd();
    const canvas = within(canvasElement);
    await canvas.findByRole("heading", { name: "Your number has moved" });
    await expect(canvas.getByText("Acme GmbH")).toBeInTheDocument();
    await expect(args.onComplete).toHaveBeenCalledTimes(1);
  },
};

/** Resume: after a reload the flow continues where the server is (here: templates running). */
export const Resume: Story = {
  args: { resume: "mig_7" },
  loaders: [
    () => ({
      sdk: createFakeFacebookSdk(),
      client: createMemoryBffClient({
        migrations: [
          buildMigration({
            id: "mig_7",
            steps: {
              capture_assets: "succeeded",
              share_credit_line: "succeeded",
              subscribe_webhooks: "succeeded",
              migrate_templates: "running",
            },
          }),
        ],
      }),
    }),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rootState(canvasElement)).toBe("running"));
    await expect(canvasElement.querySelector('[data-step="migrate_templates"]')).toHaveAttribute(
      "data-state",
      "current",
    );
  },
};
