import { randomUUID } from "node:crypto";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { MigrationBffOptions } from "../config/bff-options.js";
import { BffError } from "../errors/bff-error.js";
import { problemResponse } from "../errors/problem-details.js";
import { passedHeaders, toBffError } from "../errors/to-bff-error.js";
import type { BffEnv } from "../http/app-env.js";
import { refuseCrossSite } from "../http/refuse-cross-site.js";
import { refuseUnstorableUrl } from "../http/refuse-unstorable-url.js";
import { createEngine } from "../orchestrator/engine.js";
import { createRuntime } from "../orchestrator/runtime.js";
import { eventsHandler } from "../routes/events-route.js";
import { healthRoutes } from "../routes/health-routes.js";
import { migrationsRoutes } from "../routes/migrations-routes.js";
import { openApiDocument } from "../routes/openapi-document.js";
import { signupEventsRoutes } from "../routes/signup-events-routes.js";
import { webhookEventsHandler } from "../routes/webhook-events-route.js";
import { webhooksRoutes } from "../routes/webhooks-routes.js";
import { assertBffOptions } from "./assert-bff-options.js";

/** Every path the BFF answers, with what lies below it (a miss there is the BFF's 404). */
const OWN_PATHS = [
  "/migrations",
  "/migrations/*",
  "/signup-events",
  "/signup-events/*",
  "/doctor",
  "/webhook-events",
  "/webhook-events/*",
  "/webhooks",
  "/webhooks/*",
  "/health",
  "/openapi.json",
];
/**
 * Meta: "Webhook payloads can be up to 3 MB" (Webhooks overview). A refused batch is retried for
 * 36 h and then dropped with every change in it, so /webhooks takes Meta's largest. 3 MiB meets
 * Meta's figure whether it means 3,000,000 or 3,145,728 bytes.
 */
const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024;

/** Meta calls /webhooks and probes call /health and /openapi.json without the partner's auth. */
const PUBLIC_PATHS = ["/webhooks", "/health", "/openapi.json"];

/**
 * The BFF: a Hono app to mount, plus control over its background migrations.
 *
 * @example
 * const bff: MigrationBff = createMigrationBff({ ...options, resumeOnStart: false });
 * app.route("/wa", bff);
 * await bff.resume(); // once the server listens
 * await bff.close(); // graceful shutdown: no resume and no step still running
 */
export type MigrationBff = Hono<BffEnv> & {
  /** Starts every `running` migration in the store (done on creation unless `resumeOnStart: false`). */
  resume(): Promise<number>;
  /** Resolves when this instance runs no migration (tests, graceful shutdown). */
  idle(): Promise<void>;
  /**
   * Graceful shutdown: stops resuming (the `resumeEveryMs` ticker, later `resume()` calls) and
   * resolves once no migration runs and no resume is in flight, so the store can be closed.
   */
  close(): Promise<void>;
};

/**
 * Creates the BFF Hono app. Mount it where the browser can reach it: `app.route("/wa", bff)`.
 * Throws `ConfigError` naming each required option that is missing or empty.
 *
 * @example
 * const bff = createMigrationBff({
 *   appId, appSecret, systemToken, businessId, encryptionKey, webhookVerifyToken,
 *   store: await openJournalStore(), authorize: (c) => tenantOf(c.req.header("authorization")),
 * });
 * app.route("/wa", bff);
 */
export function createMigrationBff(options: MigrationBffOptions): MigrationBff {
  assertBffOptions(options);
  const rt = createRuntime(options);
  const engine = createEngine(rt);
  const limit = options.bodyLimitBytes ?? 64 * 1024;
  const app = new Hono<BffEnv>();

  app.use("*", async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    c.set("requestId", requestId);
    c.set("log", rt.log.child({ requestId }));
    c.header("x-request-id", requestId);
    await next();
  });
  if (options.corsOrigins?.length) {
    const origins = options.corsOrigins;
    // The partner's own headers (those its `authorize` reads) come on top of the kit's.
    const own = ["content-type", "authorization", "idempotency-key", "last-event-id"];
    const extra = (options.corsAllowHeaders ?? []).map((h) => h.toLowerCase());
    app.use(
      "*",
      cors({
        origin: (o) => (origins.includes(o) ? o : null),
        allowHeaders: [...new Set([...own, ...extra])],
        exposeHeaders: ["x-request-id", "location"],
      }),
    );
  }
  app.use("*", (c, next) => {
    // A GET or HEAD request has no body in fetch's model, so the limit has nothing to check; and
    // asking the Node adapter for the body builds a whole Request per read (half a GET's cost).
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const max = c.req.path.endsWith("/webhooks") ? WEBHOOK_BODY_LIMIT : limit;
    return bodyLimit({
      maxSize: max,
      onError: () => {
        throw new BffError("payload_too_large", {
          detail: `The body is larger than ${max} bytes.`,
        });
      },
    })(c, next);
  });
  const authorize: MiddlewareHandler<BffEnv> = async (c, next) => {
    // `/migrations/*` matches `/migrations` too: the partner's hook runs once per request (a
    // single-use token or a counted session must not be spent twice).
    if (c.get("tenant") !== undefined) return next();
    const tenant = options.authorize ? await options.authorize(c) : "default";
    if (!tenant) throw new BffError("unauthorized");
    c.set("tenant", tenant);
    c.set("log", c.get("log").child({ tenant }));
    await next();
  };
  const crossSite = refuseCrossSite(options.corsOrigins ?? []);
  for (const path of OWN_PATHS) {
    if (!PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) {
      app.use(path, crossSite, authorize);
    }
    app.use(path, refuseUnstorableUrl);
  }

  app.route("/migrations", migrationsRoutes(rt, engine));
  app.get("/migrations/:id/events", eventsHandler(rt));
  app.route("/signup-events", signupEventsRoutes(rt));
  app.route("/webhooks", webhooksRoutes(rt));
  app.route("/", healthRoutes(rt));
  app.get("/webhook-events", webhookEventsHandler(rt));
  const doc = openApiDocument();
  app.get("/openapi.json", (c) => c.json(doc));

  const noRoute = (c: Context<BffEnv>) =>
    problemResponse(
      new BffError("not_found", { detail: `No route ${c.req.method} ${c.req.path}.` }),
      c.req.path,
      c.get("requestId"),
    );
  // Mounted with `partnerApp.route("/wa", bff)`, a miss is answered by the partner's notFound
  // (plain text), not this app's: the BFF's own paths answer their misses themselves.
  for (const path of OWN_PATHS) app.all(path, noRoute);
  app.notFound(noRoute);
  app.onError((error, c) => {
    const known = toBffError(error);
    const log = c.get("log") ?? rt.log;
    if (known.status >= 500)
      log.error("request failed", { code: known.code, error, fbtraceId: known.graph?.fbtraceId });
    else
      log.info("request refused", {
        code: known.code,
        status: known.status,
        fbtraceId: known.graph?.fbtraceId,
      });
    const response = problemResponse(known, c.req.path, c.get("requestId"));
    for (const [name, value] of passedHeaders(error)) response.headers.set(name, value);
    return response;
  });

  if (options.resumeOnStart !== false) {
    void engine.resume().catch((error: unknown) => rt.log.error("resume failed", { error }));
  }
  return Object.assign(app, {
    resume: () => engine.resume(),
    idle: () => engine.idle(),
    close: () => engine.close(),
  });
}
