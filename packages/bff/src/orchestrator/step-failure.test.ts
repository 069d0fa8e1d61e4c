import type { GraphErrorBody, MigrationErrorCode } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { SecretBoxError } from "../crypto/secret-box.js";
import { BffError } from "../errors/bff-error.js";
import { GraphError } from "../graph/graph-error.js";
import { stepFailure } from "./step-failure.js";

// `action_required` tells the customer "waiting for your action" (decision 045): only stops the
// customer can resolve get it. Stops on the partner's or Meta's side, whose customer text says
// "contact us", are `failed`, as are transient Graph failures (retrying is the remedy).

const graph = (status: number, body: GraphErrorBody) =>
  new GraphError("graph", body.message, { operation: "POST /{phone}/register", status, body });

describe("stepFailure's status for each code a step stops with", () => {
  test.each<[MigrationErrorCode, "action_required" | "failed"]>([
    // The customer acts: in Meta's window, WhatsApp Manager, Business Suite, or via their provider.
    ["two_step_enabled", "action_required"],
    ["test_number", "action_required"],
    ["display_name_not_approved", "action_required"],
    ["display_name_change_pending", "action_required"],
    ["business_not_verified", "action_required"],
    ["source_waba_not_approved", "action_required"],
    ["source_waba_no_payment_method", "action_required"],
    ["asset_not_granted", "action_required"],
    ["assets_not_found", "action_required"],
    ["token_invalid", "action_required"],
    ["waba_funded_elsewhere", "action_required"],
    ["pin_mismatch", "action_required"],
    ["ownership_unconfirmed", "action_required"],
    ["register_rate_limited", "action_required"],
    ["number_already_moved", "action_required"],
    // The partner or Meta acts: the customer's text says to contact us.
    ["permission_denied", "failed"],
    ["credit_line_not_found", "failed"],
    ["unknown_key_id", "failed"],
    ["config_invalid", "failed"],
    ["migration_refused", "failed"],
    ["destination_not_subscribed", "failed"],
    ["webhook_subscription_failed", "failed"],
    // Step failures that a retry may fix.
    ["credit_share_failed", "failed"],
    ["credit_share_unverified", "failed"],
    ["registration_unconfirmed", "failed"],
    ["internal_error", "failed"],
  ])("%s stops the step %s", (code, status) => {
    expect(stepFailure(new BffError(code), "graph_error")).toEqual({
      error: expect.objectContaining({ code }),
      status,
    });
  });

  test.each<[string, MigrationErrorCode, "action_required" | "failed", unknown]>([
    // Meta's own answers, mapped to the kit's codes.
    [
      "Graph 133005 (PIN mismatch)",
      "pin_mismatch",
      "action_required",
      graph(400, { message: "PIN mismatch", code: 133005 }),
    ],
    [
      "Graph 10 (permission)",
      "permission_denied",
      "failed",
      graph(403, { message: "(#10) Permission denied", code: 10 }),
    ],
    [
      "Graph 200 (permission)",
      "permission_denied",
      "failed",
      graph(403, { message: "(#200) Requires permission", code: 200 }),
    ],
    [
      "Graph 133000 (HTTP 500, not transient)",
      "migration_refused",
      "failed",
      graph(500, { message: "Incomplete deregistration", code: 133000, is_transient: false }),
    ],
    [
      "Graph 2388103 naming the subscription",
      "destination_not_subscribed",
      "failed",
      graph(400, {
        message: "Cannot migrate phone number",
        code: 100,
        error_subcode: 2388103,
        error_data: { details: "No app is subscribed to the destination's webhooks" },
      }),
    ],
    [
      "a secret sealed with an unknown key",
      "unknown_key_id",
      "failed",
      new SecretBoxError("unknown_key_id", "no key k0"),
    ],
    // Transient Graph failures, once the step runner's retry budget is spent.
    [
      "a network error",
      "graph_unavailable",
      "failed",
      new GraphError("network", "fetch failed", { operation: "GET /{waba}" }),
    ],
    [
      "a timeout",
      "graph_unavailable",
      "failed",
      new GraphError("timeout", "timed out", { operation: "GET /{waba}" }),
    ],
    [
      "a bare 503",
      "graph_unavailable",
      "failed",
      new GraphError("http", "Service Unavailable", { operation: "GET /{waba}", status: 503 }),
    ],
    [
      "Graph throttle 4",
      "graph_rate_limited",
      "failed",
      graph(400, { message: "(#4) Application request limit reached", code: 4 }),
    ],
    [
      "a transient 133016 (is_transient true)",
      "graph_unavailable",
      "failed",
      graph(400, { message: "Rate limited", code: 133016, is_transient: true }),
    ],
  ])("%s stops as %s, %s", (_name, code, status, error) => {
    expect(stepFailure(error, "credit_share_failed")).toEqual({
      error: expect.objectContaining({ code }),
      status,
    });
  });
});
