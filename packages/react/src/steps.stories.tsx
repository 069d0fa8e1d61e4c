import type { Meta, StoryObj } from "@storybook/react-vite";
import type { StepId } from "@wa-migrate/contracts";
import type { StepViewState } from "@wa-migrate/core";
import { expect } from "storybook/test";
import { MigrationFlow } from "./migration-flow.js";
import { fixtureHandle } from "./test-support/fixtures.js";
import { snapshotForStep } from "./test-support/flow-fixtures.js";

const VIEW_STATES: StepViewState[] = [
  "pending",
  "current",
  "complete",
  "failed",
  "action_required",
];

/** One step in each of its five view states, each in its own `Root`. */
function StepInEveryState({ step, locale }: { step: StepId; locale?: "en" | "de" }) {
  return (
    <div style={{ display: "grid", gap: 16 }}>
      {VIEW_STATES.map((state) => (
        <MigrationFlow.Root
          key={state}
          flow={fixtureHandle(snapshotForStep(step, state))}
          locale={locale}
        >
          <MigrationFlow.Steps>
            <MigrationFlow.Step id={step} />
          </MigrationFlow.Steps>
        </MigrationFlow.Root>
      ))}
    </div>
  );
}

const meta = {
  title: "MigrationFlow/Steps",
  component: StepInEveryState,
  args: { step: "two_step_verification", locale: "en" },
  argTypes: { locale: { control: "inline-radio", options: ["en", "de"] } },
} satisfies Meta<typeof StepInEveryState>;
export default meta;
type Story = StoryObj<typeof meta>;

const step = (id: StepId): Story => ({
  args: { step: id },
  play: async ({ canvasElement }) => {
    const states = [...canvasElement.querySelectorAll(`[data-step="${id}"]`)].map((el) =>
      el.getAttribute("data-state"),
    );
    await expect(states).toEqual(VIEW_STATES);
  },
});

export const TwoStepVerification = step("two_step_verification");
export const EmbeddedSignup = step("embedded_signup");
export const CaptureAssets = step("capture_assets");
export const ShareCreditLine = step("share_credit_line");
export const SubscribeWebhooks = step("subscribe_webhooks");
export const MigrateTemplates = step("migrate_templates");
export const RegisterPhone = step("register_phone");
