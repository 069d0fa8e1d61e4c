import type { Logger } from "../log/logger.js";

/** Hono variables every BFF handler can read. */
export interface BffEnv {
  Variables: {
    requestId: string;
    /** Set by the `authorize` hook on API routes. */
    tenant: string;
    log: Logger;
  };
}
