import type { WabaCurrency } from "@wa-migrate/contracts";
import type { Context } from "hono";
import type { EncryptionKey } from "../crypto/secret-box.js";
import type { GraphTransportOptions } from "../graph/graph-transport.js";
import type { Logger } from "../log/logger.js";
import type { MigrationStore } from "../store/migration-store.js";

/**
 * Everything {@link createMigrationBff} needs. Secrets (app secret, system token, encryption key,
 * verify token) stay on the server: they never reach a response, an event or a log line.
 *
 * @example
 * createMigrationBff({ appId, appSecret, systemToken, businessId, encryptionKey, webhookVerifyToken, store });
 */
export interface MigrationBffOptions {
  /** Meta app id and secret (code exchange, webhook signatures). */
  appId: string;
  appSecret: string;
  /** The partner's system user token (credit line, debug_token). */
  systemToken: string;
  /**
   * The id of that system user, added to each new account before the credit share (Meta's
   * prerequisite). Default: read once from `debug_token` of the system token (`user_id`).
   */
  systemUserId?: string;
  /** The partner's business portfolio id (credit line discovery). */
  businessId: string;
  /** Credit line to share; discovered through `/{businessId}/extendedcredits` when absent. */
  creditLineId?: string;
  /**
   * Invoicing currency for `whatsapp_credit_sharing_and_attach` when neither the new account nor
   * the old one has one of Meta's six (their own is used first, decision 030). Default `USD`.
   */
  wabaCurrency?: WabaCurrency;
  /** Graph base URL and `vNN.0` version; defaults from `@wa-migrate/contracts` (`v26.0`). */
  graphBaseUrl?: string;
  graphVersion?: string;
  /** `keyId:base64,...` (first seals) or parsed keys; AES-256-GCM at rest. */
  encryptionKey: string | EncryptionKey[];
  /** Answer to Meta's `hub.verify_token` challenge on `GET /webhooks`. */
  webhookVerifyToken: string;
  /**
   * A WABA-level alternate callback set on each new account after the plain subscription (Meta
   * wants the app subscribed first). Off by default. Meta sends it only the fields its "Webhook
   * overrides" page lists (`messages`, `message_echoes`, `calls`, `consumer_profile`,
   * `messaging_handovers`, `standby`, `group_*`, `smb_message_echoes`, `smb_app_state_sync`,
   * `history`, `account_settings_update`): use it to send the moved number's customer messages to
   * your own message receiver, which answers Meta's challenge with `verifyToken`. None of the
   * kit's fields is among them: Meta sends template and account webhooks (and
   * `phone_number_name_update`) only to the app's default callback URL, so that callback must be
   * the BFF's `POST /webhooks`, or a receiver of yours that forwards them to it (README). Pointed
   * at the BFF, the override would bring it only customer messages, which it drops.
   *
   * @example
   * createMigrationBff({ ...options, webhookOverride: {
   *   callbackUri: "https://partner.example/whatsapp/messages", verifyToken: process.env.MESSAGES_VERIFY_TOKEN! } });
   */
  webhookOverride?: { callbackUri: string; verifyToken: string };
  /** The journal. */
  store: MigrationStore;
  /**
   * Returns the tenant of a request (partners plug in their own auth), or null for 401.
   * Default: every request is tenant `default` (single-tenant servers behind their own auth).
   */
  authorize?: (c: Context) => string | null | Promise<string | null>;
  /** Origins allowed by CORS (exact match). Default none: same-origin only. */
  corsOrigins?: string[];
  /**
   * Request headers a cross-origin page may send besides the kit's own (`content-type`,
   * `authorization`, `idempotency-key`, `last-event-id`): the ones your `authorize` reads, or the
   * browser's preflight fails. Header names only (RFC 9110 tokens); used with `corsOrigins`.
   *
   * @example
   * createMigrationBff({ ...options, corsOrigins: ["https://portal.example"],
   *   corsAllowHeaders: ["x-portal-session"], authorize: (c) => sessionTenant(c.req.header("x-portal-session")) });
   */
  corsAllowHeaders?: string[];
  /** Injected fetch for Graph. Default `globalThis.fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Injected clock. Default `() => new Date()`. */
  clock?: () => Date;
  /** Random source for PINs, ids and jitter (0 <= x < 1). Default crypto-strong for PINs and ids. */
  random?: () => number;
  /** JSON-line logger; default writes to stdout. */
  logger?: Logger;
  /** Graph retry and timeout tuning (sleep injectable for tests). */
  graph?: Omit<GraphTransportOptions, "fetch" | "baseUrl" | "version" | "logger">;
  /**
   * `GET /health`'s Graph check, which skips `authorize` and spends the system token's rate
   * budget: one attempt given up after `graphTimeoutMs` (default 3 s; no retries, unlike `graph`),
   * its verdict reused for `graphCacheMs` (default 30 s) and shared by concurrent probes.
   */
  health?: { graphTimeoutMs?: number; graphCacheMs?: number };
  /** Id of this instance in step leases. Default random. */
  instanceId?: string;
  /** Step lease length. Default 60 s (renewed while a step runs). */
  leaseMs?: number;
  /** `POST /migrations` per tenant: at most `max` per `windowMs`. Default 20 per minute. */
  rateLimit?: { max: number; windowMs: number };
  /** Largest accepted request body. Default 64 KiB (`/webhooks` always up to 3 MiB, Meta's largest payload). */
  bodyLimitBytes?: number;
  /** SSE heartbeat and store poll intervals (other instances' changes). Defaults 15 s and 1 s. */
  sse?: { heartbeatMs?: number; pollMs?: number };
  /** Also resume running migrations every this many ms (multi-instance takeover). Default off. */
  resumeEveryMs?: number;
  /** Resume running migrations from the store on creation. Default true. */
  resumeOnStart?: boolean;
}
