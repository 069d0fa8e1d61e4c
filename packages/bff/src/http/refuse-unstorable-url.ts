import type { MiddlewareHandler } from "hono";
import { BffError } from "../errors/bff-error.js";
import { isStorableText } from "../store/storable-text.js";

/**
 * Refuses a request whose path or query holds what the journal cannot keep (U+0000, a lone
 * surrogate): no record can live at such a path (404), and such a query can match none (400).
 * Without this, the journal's refusal of the lookup was answered as a retryable 503
 * `store_unavailable` that sent operators looking at their database.
 *
 * @example
 * app.use("/migrations/*", refuseUnstorableUrl);
 */
export const refuseUnstorableUrl: MiddlewareHandler = async (c, next) => {
  if (!isStorableText(c.req.path) || !isStorableText(decodePath(c.req.path))) {
    throw new BffError("not_found", { detail: "Nothing can exist at this address." });
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!isStorableText(name) || !values.every(isStorableText)) {
      throw new BffError("validation_failed", {
        errors: [{ path: name, message: "contains U+0000 or a broken UTF-16 surrogate" }],
      });
    }
  }
  await next();
};

/** The path as route parameters see it (Hono leaves `%2F`-style escapes in `c.req.path`). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
