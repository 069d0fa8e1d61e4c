import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { createFakeFacebookSdk, createMemoryBffClient } from "@wa-migrate/core/testing";
import { afterEach, expect, it } from "vitest";
import { en } from "../messages/en.js";
import { MigrationFlow } from "../migration-flow.js";

// The demo's `two-step-on-popup` scenario: Meta's window itself finds two-step verification on
// ("Please ensure two-step authentication is disabled.", 2388001) and the customer leaves it. Step 1
// was proven wrong: the way on is there, with the request text for the old provider.

afterEach(cleanup);

const stepOne = () => document.querySelector('[data-step="two_step_verification"]') as HTMLElement;

it("sends the customer back to step 1 with the request text, and on after confirming again", async () => {
  const sdk = createFakeFacebookSdk({
    outcome: {
      type: "error",
      errorMessage: "Please ensure two-step authentication is disabled.",
      errorId: "2388001",
    },
  });
  render(
    <MigrationFlow
      appId="1234"
      configId="5678"
      sdk={sdk}
      client={createMemoryBffClient()}
      storage={null}
    />,
  );
  screen.getByRole("button", { name: en.twoStep.confirm }).click();
  const launch = await screen.findByRole("button", { name: en.launch.start });
  await waitFor(() => expect(launch).toBeEnabled());
  act(() => launch.click());

  await waitFor(() => expect(stepOne()).toHaveAttribute("aria-current", "step"));
  const step = within(stepOne());
  expect(stepOne().querySelector('[data-code="two_step_enabled"]')).toHaveTextContent(
    en.errors.two_step_enabled,
  );
  expect(step.getByRole("textbox", { name: en.twoStep.requestLabel })).toHaveValue(
    en.twoStep.requestText,
  );
  act(() => step.getByRole("button", { name: en.twoStep.confirm }).click());

  expect(document.querySelector("[data-code]")).toBeNull();
  const again = await screen.findByRole("button", { name: en.launch.again });
  expect(again).toBeEnabled();
  act(() => again.click());
  expect(sdk.calls.login).toHaveLength(2);
});
