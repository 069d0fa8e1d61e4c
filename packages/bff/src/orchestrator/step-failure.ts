import type { MigrationError, MigrationErrorCode, StepStatus } from "@wa-migrate/contracts";
import { SecretBoxError } from "../crypto/secret-box.js";
import { BffError, migrationError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";

// Codes only the customer can resolve (in Meta's window, WhatsApp Manager or Business Suite, or by
// asking their current provider): their step stops `action_required`. Stops on the partner's or
// Meta's side (permissions, credit line, keys, configuration, webhooks, Meta's refusal) are
// `failed`: the customer's text for them says to contact us, so "waiting for your action" would be
// wrong (decision 045).
const NEEDS_ACTION: ReadonlySet<MigrationErrorCode> = new Set<MigrationErrorCode>([
  "two_step_enabled",
  "test_number",
  "display_name_not_approved",
  "display_name_change_pending",
  "business_not_verified",
  "source_waba_not_approved",
  "source_waba_no_payment_method",
  "asset_not_granted",
  "assets_not_found",
  "token_invalid",
  "waba_funded_elsewhere",
  "pin_mismatch",
  "ownership_unconfirmed",
  "register_rate_limited",
  "number_already_moved",
]);

// What a transient Graph failure is called when the step gives up; each is retryable in the catalog.
const TRANSIENT_CODES: readonly MigrationErrorCode[] = [
  "graph_unavailable",
  "graph_rate_limited",
  "graph_response_invalid",
];

/** How a step ended in failure: the stored error and the step status. */
export interface StepFailure {
  error: MigrationError;
  status: Extract<StepStatus, "failed" | "action_required">;
}

/**
 * Turns whatever a step threw into the stored error (code, catalog texts, Graph reference with
 * fbtrace_id) and the step status: `action_required` when the customer must act; `failed`
 * otherwise, including stops only the partner or Meta can resolve.
 * `fallback` is the step's own code for Graph errors without a more precise one.
 *
 * @example
 * stepFailure(error, "credit_share_failed");
 */
export function stepFailure(error: unknown, fallback: MigrationErrorCode): StepFailure {
  let result: MigrationError;
  if (error instanceof BffError) {
    result = error.toMigrationError();
  } else if (error instanceof GraphError && error.transient) {
    // Only reached once the step runner's retry budget is spent: say what it was (Graph
    // unavailable or throttling), never a step-specific "failed", and keep it retryable.
    const code = errorCodeOfGraph(error);
    result = migrationError(
      TRANSIENT_CODES.includes(code) ? code : "graph_unavailable",
      error.toRef(),
    );
  } else if (error instanceof GraphError) {
    const code = errorCodeOfGraph(error);
    result = migrationError(code === "graph_error" ? fallback : code, error.toRef());
  } else if (error instanceof SecretBoxError && error.reason === "unknown_key_id") {
    result = migrationError("unknown_key_id");
  } else {
    result = migrationError("internal_error");
  }
  // A transient Graph failure never needs a person: retrying is the remedy.
  const transient = error instanceof GraphError && error.transient;
  return {
    error: result,
    status: NEEDS_ACTION.has(result.code) && !transient ? "action_required" : "failed",
  };
}
