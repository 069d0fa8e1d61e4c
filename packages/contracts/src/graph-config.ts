/**
 * The one place that knows where Graph lives and which version we speak.
 * Every package builds Graph URLs through {@link graphUrl}, so a version bump is a one-line change.
 *
 * @example
 * graphUrl("123/register"); // "https://graph.facebook.com/v26.0/123/register"
 * graphUrl("debug_token", { baseUrl: "http://127.0.0.1:4010", version: "v25.0" });
 */
export const GRAPH_VERSION = "v26.0";

/**
 * Meta's production Graph host. The sandbox serves the same paths on loopback.
 *
 * @example
 * graphUrl("debug_token") === `${GRAPH_BASE_URL}/${GRAPH_VERSION}/debug_token`; // true
 */
export const GRAPH_BASE_URL = "https://graph.facebook.com";

/**
 * Where to send a Graph request: base URL and `vNN.0` version.
 *
 * @example
 * const sandbox: GraphTarget = { baseUrl: "http://127.0.0.1:4010", version: "v26.0" };
 * graphUrl("oauth/access_token", sandbox);
 */
export interface GraphTarget {
  baseUrl?: string;
  version?: string;
}

/**
 * Versions look like `v26.0`; anything else is a configuration mistake.
 *
 * @example
 * GRAPH_VERSION_PATTERN.test("v26.0"); // true; "26.0" and "v26.1" are refused
 */
export const GRAPH_VERSION_PATTERN = /^v\d{2}\.0$/;

/**
 * Builds an absolute Graph URL for `path` (no leading slash needed).
 *
 * @example
 * graphUrl("/oauth/access_token", { version: "v24.0" });
 */
export function graphUrl(path: string, target: GraphTarget = {}): string {
  const base = (target.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
  const version = target.version ?? GRAPH_VERSION;
  return `${base}/${version}/${path.replace(/^\/+/, "")}`;
}
