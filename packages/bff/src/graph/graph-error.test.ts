import type { GraphErrorBody } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { errorCodeOfGraph, GraphError } from "./graph-error.js";

// Meta: build error handling on `code` and `error_data.details` (facts §4.1). 2388001 is one
// subcode for two refusals (§4.3), told apart by their text, wherever Meta puts it: an ownership
// refusal whose words came only in `error_data.details` was taken for two-step verification.

const refusal = (extra: Partial<GraphErrorBody>) =>
  new GraphError("graph", "(#100) Invalid parameter", {
    operation: "POST /{phone}/register",
    status: 400,
    body: { message: "(#100) Invalid parameter", code: 100, error_subcode: 2388001, ...extra },
  });

const ownership = "Please confirm ownership of this phone number.";
const twoStep = "Please ensure two-step authentication is disabled.";

test("2388001 is told apart by Meta's words in error_data.details as in error_user_msg", () => {
  const answers = [
    refusal({ error_data: { messaging_product: "whatsapp", details: ownership } }),
    refusal({ error_user_msg: ownership }),
    refusal({ error_data: { messaging_product: "whatsapp", details: twoStep } }),
    refusal({ error_user_msg: twoStep }),
  ];
  expect(answers.map(errorCodeOfGraph)).toEqual([
    "ownership_unconfirmed",
    "ownership_unconfirmed",
    "two_step_enabled",
    "two_step_enabled",
  ]);
});
