import { expect, test } from "vitest";
import { BffError } from "./bff-error.js";
import { flowErrorFromBff } from "./flow-errors.js";

// The UI prints `detail` as "Meta says: …": only Meta's own words may land there.
test.each([
  [
    "Meta answered: its message and fbtrace_id",
    new BffError("graph_error", "Meta's Graph API returned an unexpected error.", {
      problem: {
        type: "about:blank",
        title: "Graph error",
        status: 502,
        code: "graph_error",
        retryable: false,
        detail: "Meta's Graph API returned an unexpected error.",
        remedy: "Read Meta's details and fbtrace_id in the operator view.",
        requestId: "req_1",
        graph: { code: 100, fbtraceId: "AbCfbtrace1", message: "(#100) Invalid parameter" },
      },
    }),
    { code: "graph_error", detail: "(#100) Invalid parameter", reference: "AbCfbtrace1" },
  ],
  [
    "our server refused: no detail, its request id",
    new BffError("migration_running", "The migration is still running.", {
      problem: {
        type: "about:blank",
        title: "Conflict",
        status: 409,
        code: "migration_running",
        retryable: true,
        detail: "The migration is still running.",
        remedy: "Wait until it stops, then retry.",
        requestId: "req_2",
      },
    }),
    { code: "migration_running", detail: undefined, reference: "req_2" },
  ],
  [
    "no answer at all",
    new BffError("bff_unreachable", "Failed to fetch", { retryable: true }),
    { code: "bff_unreachable", detail: undefined, reference: undefined },
  ],
  [
    "not a BFF error",
    new TypeError("x is not a function"),
    { code: "internal_error", detail: undefined, reference: undefined, retryable: true },
  ],
])("%s", (_name, error, expected) => {
  expect(flowErrorFromBff(error, "migrate_templates")).toMatchObject({
    step: "migrate_templates",
    ...expected,
  });
});
