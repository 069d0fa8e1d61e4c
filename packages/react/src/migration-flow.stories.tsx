import type { Meta, StoryObj } from "@storybook/react-vite";
import type { FlowSnapshot, FlowState } from "@wa-migrate/core";
import { expect, fn, within } from "storybook/test";
import { MigrationFlow } from "./migration-flow.js";
import type { RootProps } from "./parts/root.js";
import { fixtureHandle } from "./test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS } from "./test-support/flow-fixtures.js";

/** The whole component over a fixture snapshot, with spies for every action. */
function FlowView({
  snapshot,
  ...root
}: { snapshot: FlowSnapshot } & Omit<RootProps, "flow" | "children">) {
  const flow = fixtureHandle(snapshot, {
    confirmTwoStep: fn().mockName("confirmTwoStep"),
    launch: fn().mockName("launch"),
    retry: fn().mockName("retry"),
    migrateTemplates: fn().mockName("migrateTemplates"),
    reset: fn().mockName("reset"),
  });
  return (
    <MigrationFlow.Root flow={flow} {...root}>
      <MigrationFlow.Layout />
    </MigrationFlow.Root>
  );
}

const meta = {
  title: "MigrationFlow/States",
  component: FlowView,
  args: { snapshot: FLOW_STATE_SNAPSHOTS.ready, locale: "en" },
  argTypes: {
    snapshot: { control: false },
    locale: { control: "inline-radio", options: ["en", "de"] },
    theme: { control: "inline-radio", options: [undefined, "light", "dark"] },
  },
} satisfies Meta<typeof FlowView>;
export default meta;
type Story = StoryObj<typeof meta>;

const state = (name: FlowState): Story => ({ args: { snapshot: FLOW_STATE_SNAPSHOTS[name] } });

export const Idle = state("idle");
export const Preparing = state("preparing");
export const Ready = state("ready");
export const InPopup = state("in_popup");
export const Submitting = state("submitting");
export const Running = state("running");
/**
 * The server found two-step verification still on during capture: step 1 needs action again (its
 * remedy, the request text, "Try again"); the templates report shows what capture read, without
 * "Copy templates now" (that waits until the templates step has run).
 */
export const ActionRequired: Story = {
  ...state("action_required"),
  play: async ({ canvasElement }) => {
    const stepOne = canvasElement.querySelector('[data-step="two_step_verification"]');
    await expect(stepOne).toHaveAttribute("data-state", "action_required");
    await expect(stepOne?.querySelector('[data-code="two_step_enabled"]')).not.toBeNull();
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("table", { name: "Message templates" })).toBeInTheDocument();
    await expect(canvas.queryByRole("button", { name: "Copy templates now" })).toBeNull();
  },
};
export const Failed = state("failed");
export const Completed = state("completed");
export const Cancelled = state("cancelled");
/** "Copy templates now" while its request runs: the button says so and takes no second click. */
export const CopyingTemplates: Story = {
  ...state("completed"),
  render: (args) => (
    <MigrationFlow.Root
      flow={fixtureHandle(args.snapshot, {
        migrateTemplates: fn(() => new Promise<void>(() => {})).mockName("migrateTemplates"),
      })}
      locale={args.locale}
    >
      <MigrationFlow.Layout />
    </MigrationFlow.Root>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    (await canvas.findByRole("button", { name: "Copy templates now" })).click();
    const busy = await canvas.findByRole("button", { name: "Copying templates…" });
    await expect(busy).toHaveAttribute("aria-disabled", "true");
  },
};

/** German texts throughout. */
export const German: Story = {
  args: { snapshot: FLOW_STATE_SNAPSHOTS.failed, locale: "de" },
};

/** The dark theme, forced with `theme="dark"` (by default it follows `prefers-color-scheme`). */
export const Dark: Story = {
  args: { snapshot: FLOW_STATE_SNAPSHOTS.running, theme: "dark" },
  globals: { backgrounds: { value: "dark" } },
};

/** No `wam-` class names: only the markup and `data-*` attributes, for a partner's own styles. */
export const Unstyled: Story = {
  args: { snapshot: FLOW_STATE_SNAPSHOTS.completed, unstyled: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("[class*='wam-']")).toBeNull();
  },
};

/** A 320 px wide phone screen. */
export const Phone: Story = {
  args: { snapshot: FLOW_STATE_SNAPSHOTS.completed },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
};

/** Every flow state side by side, for review. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: "grid", gap: 24 }}>
      {(Object.keys(FLOW_STATE_SNAPSHOTS) as FlowState[]).map((name) => (
        <section key={name} aria-label={name}>
          <h2 style={{ fontFamily: "monospace", fontSize: 14 }}>data-state="{name}"</h2>
          <FlowView {...args} snapshot={FLOW_STATE_SNAPSHOTS[name]} />
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const roots = within(canvasElement).getAllByText(/data-state=/);
    await expect(roots).toHaveLength(10);
  },
};
