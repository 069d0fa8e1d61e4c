import { expect, test } from "vitest";
import { SignupEventRequestSchema } from "./api.js";

// Session logging keeps the screen Meta named, also one added after ES_STEPS was written (decision 005).
test("a signup event may name a screen Meta added later, but not arbitrary text", () => {
  expect(
    SignupEventRequestSchema.safeParse({ event: "CANCEL", currentStep: "AD_ACCOUNT_SELECTION" })
      .success,
  ).toBe(true);
  expect(
    SignupEventRequestSchema.safeParse({ event: "CANCEL", currentStep: "<script>" }).success,
  ).toBe(false);
});
