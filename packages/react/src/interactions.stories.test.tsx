import { composeStories } from "@storybook/react-vite";
import { describe, it } from "vitest";
import * as stories from "./interactions.stories.js";

// The play functions of the live stories (real controller, fake SDK, in-memory BFF) as tests.
// `run()` mounts each story into its own canvas; the play functions query only inside it.
const { Launch, Cancel, Retry, TwoStepStillOn, Completion, Resume } = composeStories(stories);

describe("live stories", () => {
  it("launch: FB.login inside the click, code handed over, server steps start", async () => {
    await Launch.run();
  });
  it("cancel: explains the cancel, reports onExit, offers a new start", async () => {
    await Cancel.run();
  });
  it("retry: a failed step is retried and the migration completes", async () => {
    await Retry.run();
  });
  it("two-step still on: step 1 needs action again, the retry completes and step 1 is done", async () => {
    await TwoStepStillOn.run();
  });
  it("completion: summary and onComplete", async () => {
    await Completion.run();
  });
  it("resume: continues at the server's step", async () => {
    await Resume.run();
  });
});
