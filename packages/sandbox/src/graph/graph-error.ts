/** What a handler throws to answer with Graph's error envelope (facts §4.1). */
export interface GraphErrorInit {
  code: number;
  message: string;
  subcode?: number;
  type?: string;
  userTitle?: string;
  userMsg?: string;
  details?: string;
  isTransient?: boolean;
  /** Overrides the HTTP status that {@link graphHttpStatus} would pick. */
  status?: number;
  headers?: Record<string, string>;
}

/**
 * One error class for the fake Graph layer. Handlers throw it; the dispatcher turns it into
 * `{ error: {...} }` with the HTTP status Meta uses for the code.
 *
 * @example
 * throw new GraphError({ code: 133005, message: "(#133005) Two step verification PIN Mismatch" });
 */
export class GraphError extends Error {
  readonly init: GraphErrorInit;

  constructor(init: GraphErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.name = "GraphError";
    this.init = init;
  }
}

// Titles from Meta's WhatsApp error-code table and Graph's generic codes (facts §4.2). The message
// of an API error is "(#code) title".
const TITLES: Record<number, string> = {
  1: "An unknown error occurred",
  2: "Service temporarily unavailable",
  4: "Application request limit reached",
  10: "Application does not have permission for this action",
  17: "User request limit reached",
  32: "Page request limit reached",
  100: "Invalid parameter",
  200: "Permissions error",
  613: "Calls to this api have exceeded the rate limit.",
  80007: "Rate limit issues",
  130429: "Rate limit hit",
  131000: "Something went wrong",
  131016: "Service unavailable",
  131045: "Incorrect certificate",
  133000: "Incomplete deregistration",
  133005: "Two step verification PIN Mismatch",
  133016: "Account register deregister rate limit exceeded",
  136024: "Registration code not eligible",
};

/** Codes whose retry can succeed: Graph marks them `is_transient: true`. */
const TRANSIENT = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131016, 133004]);

/**
 * Graph's page and custom throttles (facts §4.2): no Meta source shows `is_transient` on them, so
 * the sandbox leaves it out and a client has to know the codes.
 */
const NO_TRANSIENT_FLAG = new Set([32, 613]);

/**
 * Builds the usual "(#code) title" error; `details` goes to `error_data.details`.
 *
 * @example
 * throw apiError(100, { details: "Param pin must be 6 digits" });
 */
export function apiError(
  code: number,
  extra: Omit<GraphErrorInit, "code" | "message"> = {},
): GraphError {
  const title = TITLES[code] ?? "Unknown error";
  return new GraphError({
    isTransient: NO_TRANSIENT_FLAG.has(code) ? undefined : TRANSIENT.has(code),
    ...extra,
    code,
    message: `(#${code}) ${title}`,
  });
}

/**
 * The HTTP status Meta sends for a Graph error code (facts §4.2). 190's status is configurable
 * because Meta's table says 401 and real responses are often 400.
 *
 * @example
 * graphHttpStatus(131000, 401); // 500
 */
export function graphHttpStatus(code: number, status190: number): number {
  if (code === 190) return status190;
  if (code === 0) return 401;
  if (code === 2) return 503;
  if (code === 3 || code === 131000 || code === 131016 || code === 131045 || code === 131057)
    return 500;
  if (code === 133000) return 500;
  if (code === 133004) return 503;
  if (code === 10 || code === 368 || code === 131005 || code === 131031) return 403;
  if (code >= 200 && code <= 299) return 403;
  return 400;
}

/** Graph's answer for an id it cannot show to this token (missing, or no permission). */
export function unsupportedRequest(method: string, id: string): GraphError {
  const verb =
    method.toLowerCase() === "get" ? "get" : method.toLowerCase() === "delete" ? "delete" : "post";
  return new GraphError({
    code: 100,
    subcode: 33,
    type: "GraphMethodException",
    message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}

/** A required parameter is missing (Graph's #100 wording). */
export function missingParam(name: string): GraphError {
  return new GraphError({ code: 100, message: `(#100) The parameter ${name} is required` });
}

/** A parameter has a value Graph refuses. */
export function invalidParam(name: string, why: string): GraphError {
  return apiError(100, { details: `Param ${name} ${why}` });
}
