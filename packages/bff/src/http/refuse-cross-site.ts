import type { MiddlewareHandler } from "hono";
import { BffError } from "../errors/bff-error.js";

/**
 * Refuses a state-changing request (not GET, HEAD, OPTIONS) that a browser marks as coming from
 * another site (`Sec-Fetch-Site: cross-site`) unless its `Origin` is one of `allowedOrigins` (the
 * `corsOrigins`). A partner whose `authorize` reads a session cookie otherwise lets any page the
 * signed-in operator opens start a retry or a template copy with a plain form post, which needs
 * no CORS preflight. Requests without the header (servers, older browsers) pass.
 *
 * @example
 * app.use("/migrations/*", refuseCrossSite(options.corsOrigins ?? []));
 */
export function refuseCrossSite(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") {
      const site = c.req.header("sec-fetch-site");
      const origin = c.req.header("origin") ?? "";
      if (site === "cross-site" && !allowedOrigins.includes(origin)) {
        throw new BffError("forbidden", {
          detail: "Cross-site requests are refused unless their origin is in corsOrigins.",
        });
      }
    }
    await next();
  };
}
