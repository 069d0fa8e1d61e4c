import { randomBytes, randomInt } from "node:crypto";
import type { WabaCurrency } from "@wa-migrate/contracts";
import type { MigrationBffOptions } from "../config/bff-options.js";
import { createSecretBox, parseEncryptionKeys, type SecretBox } from "../crypto/secret-box.js";
import {
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
} from "../graph/graph-client.js";
import { createLogger, type Logger } from "../log/logger.js";
import type { MigrationStore } from "../store/migration-store.js";
import { type ChangeHub, createChangeHub } from "./change-hub.js";

/** What routes and steps share: the configured parts of one BFF instance. */
export interface BffRuntime {
  options: MigrationBffOptions;
  store: MigrationStore;
  graph: GraphClient;
  box: SecretBox;
  log: Logger;
  hub: ChangeHub;
  instanceId: string;
  leaseMs: number;
  currency: WabaCurrency;
  /** ISO time from the injected clock. */
  now(): string;
  /** A new opaque id with a prefix (`mig_...`). */
  newId(prefix: string): string;
  /** Waits (injected through `options.graph.sleep` in tests). */
  sleep(ms: number): Promise<void>;
  /** A random 6-digit PIN (crypto-strong unless `random` was injected). */
  newPin(): string;
}

/**
 * The Graph client `options` describe (base URL, version, app, transport settings), with
 * `overrides` on top, such as the health check's single short attempt.
 *
 * @example
 * const probe = graphClientOf(rt.options, rt.log, { maxAttempts: 1, timeoutMs: 3_000 });
 */
export function graphClientOf(
  options: MigrationBffOptions,
  log: Logger,
  overrides: Partial<Pick<GraphClientOptions, "maxAttempts" | "timeoutMs">> = {},
): GraphClient {
  return createGraphClient({
    ...options.graph,
    ...(options.random ? { random: options.random } : {}),
    ...overrides,
    fetch: options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init)),
    baseUrl: options.graphBaseUrl,
    version: options.graphVersion,
    appId: options.appId,
    appSecret: options.appSecret,
    systemToken: options.systemToken,
    logger: log,
  });
}

/**
 * Builds the {@link BffRuntime} of `options`; throws on an invalid encryption key.
 *
 * @example
 * const rt = createRuntime(options);
 */
export function createRuntime(options: MigrationBffOptions): BffRuntime {
  const clock = options.clock ?? (() => new Date());
  const log = options.logger ?? createLogger();
  log.addSecret(options.appSecret);
  log.addSecret(options.systemToken);
  log.addSecret(options.webhookVerifyToken);
  const keys =
    typeof options.encryptionKey === "string"
      ? parseEncryptionKeys(options.encryptionKey)
      : options.encryptionKey;
  const random = options.random;
  return {
    options,
    store: options.store,
    graph: graphClientOf(options, log),
    box: createSecretBox(keys),
    log,
    hub: createChangeHub(),
    instanceId: options.instanceId ?? `bff_${randomBytes(6).toString("hex")}`,
    leaseMs: options.leaseMs ?? 60_000,
    currency: options.wabaCurrency ?? "USD",
    now: () => clock().toISOString(),
    newId: (prefix) =>
      `${prefix}_${random ? Math.floor(random() * 2 ** 48).toString(36) : randomBytes(10).toString("hex")}`,
    sleep: options.graph?.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms))),
    newPin: () =>
      String(random ? Math.floor(random() * 1_000_000) : randomInt(0, 1_000_000)).padStart(6, "0"),
  };
}
