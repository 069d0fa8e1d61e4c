import {
  type GraphErrorBody,
  type GraphErrorRef,
  type MigrationErrorCode,
  TRANSIENT_GRAPH_CODES,
} from "@wa-migrate/contracts";

/** What kind of failure a Graph call had. */
export type GraphFailureKind = "graph" | "http" | "network" | "timeout" | "invalid_response";

/**
 * The one error class of the Graph layer. Its message is ours or Meta's (Meta never echoes tokens),
 * and URLs with secrets are never put in it.
 *
 * @example
 * if (error instanceof GraphError && error.body?.code === 133005) ...
 */
export class GraphError extends Error {
  override readonly name = "GraphError";
  constructor(
    readonly kind: GraphFailureKind,
    message: string,
    readonly details: {
      /** The operation, e.g. `POST /{phone}/register`. */
      operation: string;
      status?: number;
      body?: GraphErrorBody;
      fbtraceId?: string;
      /** Minutes Meta asked us to wait (`estimated_time_to_regain_access`), in ms. */
      regainAccessMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
  }

  get body(): GraphErrorBody | undefined {
    return this.details.body;
  }

  /**
   * Worth retrying with backoff: `is_transient: true`, the transient codes, network errors,
   * timeouts and other 5xx, unless Meta's body says `is_transient: false` for a code outside the
   * transient list: Meta sends some refusals with HTTP 500 (133000 "Incomplete deregistration",
   * 131045 "Incorrect certificate", facts §4.2), and waiting does not change them.
   */
  get transient(): boolean {
    if (this.kind === "network" || this.kind === "timeout") return true;
    const status = this.details.status ?? 0;
    if (this.kind === "http" || this.kind === "invalid_response") return status >= 500;
    const body = this.details.body;
    if (!body) return status >= 500;
    if (body.is_transient === true || TRANSIENT_GRAPH_CODES.includes(body.code)) return true;
    return body.is_transient !== false && status >= 500;
  }

  /** Meta's reference for support: code, subcode, fbtrace_id, message. */
  toRef(): GraphErrorRef | undefined {
    const body = this.details.body;
    if (!body) return undefined;
    return {
      code: body.code,
      ...(body.error_subcode !== undefined ? { subcode: body.error_subcode } : {}),
      ...(this.details.fbtraceId ? { fbtraceId: this.details.fbtraceId } : {}),
      message: body.message,
    };
  }
}

// Throttling codes: app (4), user (17), custom (613), WABA (80007), throughput (130429), 32 page.
const RATE_CODES = [4, 17, 32, 613, 80007, 130429];

/**
 * The kit's error code for a Graph failure, before any step-specific mapping.
 *
 * @example
 * errorCodeOfGraph(new GraphError("graph", "...", { operation: "x", body: { message: "", code: 190 } })); // "token_invalid"
 */
export function errorCodeOfGraph(error: GraphError): MigrationErrorCode {
  const body = error.body;
  if (error.kind === "invalid_response") return "graph_response_invalid";
  if (!body) return error.transient ? "graph_unavailable" : "graph_error";
  const sub = body.error_subcode;
  if (body.code === 133005) return "pin_mismatch";
  if (body.code === 133016) return "register_rate_limited";
  // "Incomplete deregistration" (HTTP 500, not transient): registration is refused until the
  // number is deregistered again, which only its current owner or Meta support can do.
  if (body.code === 133000) return "migration_refused";
  // One subcode, two refusals (facts §4.3): ownership not confirmed, or two-step verification on.
  // Meta says to build on the code and `error_data.details` (facts §4.1), so the text is read there too.
  if (sub === 2388001)
    return /ownership/i.test(
      `${body.message} ${body.error_user_msg ?? ""} ${body.error_data?.details ?? ""}`,
    )
      ? "ownership_unconfirmed"
      : "two_step_enabled";
  if (sub === 2388103 || body.code === 2388103) return refusalCode(body);
  if (body.code === 100 && sub === 36009) return "code_used";
  if (body.code === 100 && /expired/i.test(body.message) && /code/i.test(body.message))
    return "code_expired";
  if (body.code === 190 || body.code === 102) return "token_invalid";
  if (body.code === 10 || (body.code >= 200 && body.code <= 299)) return "permission_denied";
  if (RATE_CODES.includes(body.code)) return "graph_rate_limited";
  return error.transient ? "graph_unavailable" : "graph_error";
}

// One subcode for many refusals (facts §4.3): Meta's message says which rule failed.
const REFUSALS: [RegExp, MigrationErrorCode][] = [
  [/cannot migrate phone number|subscribe/i, "destination_not_subscribed"],
  [/payment account|payment method/i, "source_waba_no_payment_method"],
  [/must be approved|not set up correctly|messaging for/i, "source_waba_not_approved"],
  [/name should be present|name change|display name/i, "display_name_not_approved"],
  [/portfolio must be verified|business.*verif/i, "business_not_verified"],
  [/test number/i, "test_number"],
];

function refusalCode(body: GraphErrorBody): MigrationErrorCode {
  const text = `${body.message} | ${body.error_user_msg ?? ""} | ${body.error_data?.details ?? ""}`;
  return REFUSALS.find(([pattern]) => pattern.test(text))?.[1] ?? "migration_refused";
}
