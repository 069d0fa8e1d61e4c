import type { Meta, StoryObj } from "@storybook/react-vite";
import { MIGRATION_ERROR_CODES, type MigrationErrorCode } from "@wa-migrate/contracts";
import { expect } from "storybook/test";
import { MigrationFlow } from "./migration-flow.js";
import { fixtureHandle } from "./test-support/fixtures.js";
import { FLOW_STATE_SNAPSHOTS, snapshotForCode } from "./test-support/flow-fixtures.js";

/** The whole flow stopped on one error code, at the step where that code shows up. */
function FlowStoppedOn({ code, locale }: { code: MigrationErrorCode; locale?: "en" | "de" }) {
  return (
    <MigrationFlow.Root flow={fixtureHandle(snapshotForCode(code))} locale={locale}>
      <MigrationFlow.Layout />
    </MigrationFlow.Root>
  );
}

const meta = {
  title: "MigrationFlow/Errors",
  component: FlowStoppedOn,
  args: { code: "pin_mismatch", locale: "en" },
  argTypes: {
    code: { control: "select", options: MIGRATION_ERROR_CODES },
    locale: { control: "inline-radio", options: ["en", "de"] },
  },
} satisfies Meta<typeof FlowStoppedOn>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Pick any code in the controls: the flow stops on it with its remedy. */
export const OneCode: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("[data-code='pin_mismatch']")).not.toBeNull();
  },
};

/** Every error code of the contracts with the customer text (what happened, what to do). */
export const AllErrorCodes: Story = {
  render: ({ locale }) => (
    <MigrationFlow.Root flow={fixtureHandle(FLOW_STATE_SNAPSHOTS.failed)} locale={locale}>
      <ul aria-label="Error codes" style={{ listStyle: "none", padding: 0 }}>
        {MIGRATION_ERROR_CODES.map((code) => (
          <li key={code}>
            <code>{code}</code>
            <MigrationFlow.ErrorNotice code={code} />
          </li>
        ))}
      </ul>
    </MigrationFlow.Root>
  ),
  play: async ({ canvasElement }) => {
    const shown = canvasElement.querySelectorAll("[data-code]");
    await expect(shown).toHaveLength(MIGRATION_ERROR_CODES.length);
  },
};

/** The same in German. */
export const AllErrorCodesGerman: Story = { ...AllErrorCodes, args: { locale: "de" } };
