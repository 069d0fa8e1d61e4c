import type {
  Migration,
  MigrationError,
  MigrationStatus,
  MigrationStep,
  SignupEvent,
  StepId,
  StepStatus,
  WebhookEvent,
} from "@wa-migrate/contracts";
import type { StoredTemplatesReport } from "./stored-templates-report.js";

// The journal's contract. The BFF holds no state of its own beyond caches: everything a restarted or
// second instance needs is behind this interface. Times always come from the caller (the BFF's
// injected clock) as ISO 8601 strings, never from the database clock, so every implementation
// behaves the same under a fake clock. All methods are async and may reject with a StoreError.

/**
 * A step as the journal keeps it: the public fields plus the lease that guards its execution.
 *
 * @example
 * const held = (step: StoredStep, now: string) => step.leaseExpiresAt !== null && step.leaseExpiresAt > now;
 */
export interface StoredStep extends MigrationStep {
  /** Who runs the step now (an instance id), or null when nobody holds it. */
  leaseOwner: string | null;
  /** When the lease ends (ISO); after it another instance may claim the step. */
  leaseExpiresAt: string | null;
}

/**
 * Internal, non-secret facts a step learned and later steps or retries need (check before act).
 * Stored as one JSON object; {@link MigrationStore.updateMigration} merges it shallowly.
 *
 * @example
 * await store.updateMigration(id, { context: { registeredAt: now } satisfies MigrationContext }, now);
 */
export interface MigrationContext {
  /** WABA ids the business token was granted, newest first (from debug_token). */
  grantedWabaIds?: string[];
  creditLineId?: string;
  allocationConfigId?: string;
  /** Set once `register` succeeded: never register twice. */
  registeredAt?: string;
  /** Meta refused `register` with 133016 (blocked for 72 hours): nothing is sent before this. */
  registerBlockedUntil?: string;
  /** Registration was tried (its outcome may be unknown after a crash). */
  registerAttemptedAt?: string;
  /**
   * The `registerAttemptedAt` whose request Meta answered with a refusal (a Graph error, not
   * transient): that attempt certainly registered nothing, so no check may read it as ours.
   */
  registerRefusedAt?: string;
  /**
   * Meta's `last_onboarded_time` of the number before the request of `registerAttemptedAt` (null:
   * Meta gave none), from capture's destination read for a first request, else read just before
   * it: an onboarding in that request's second counts as ours only when it differs (decision 044).
   */
  onboardedBeforeRegister?: string | null;
  /**
   * When each `register` request of this migration was sent (ISO), within Meta's 72 h window:
   * the kit stops before its own share of Meta's 10 per number (decision 028).
   */
  registerPosts?: string[];
  [key: string]: unknown;
}

/**
 * A migration as the journal keeps it. {@link toMigration} strips what browsers must not see.
 *
 * @example
 * const m: StoredMigration | null = await store.getMigration(id);
 * if (m && m.tenant === tenant) return toMigration(m);
 */
export interface StoredMigration extends Omit<Migration, "steps" | "templates"> {
  /** The partner's tenant (from `authorize`); every read by a browser is scoped by it. */
  tenant: string;
  /** Starts at 1 and grows by one with every change (migration fields or any step): the SSE event id. */
  version: number;
  steps: StoredStep[];
  /** The templates report, its lines with Meta's webhook times (stripped for browsers). */
  templates: StoredTemplatesReport;
  context: MigrationContext;
}

/**
 * What {@link MigrationStore.createMigration} stores: the first full record, `version` 1.
 *
 * @example
 * const { created } = await store.createMigration(newMigrationFixture({ id: "mig_1", tenant: "acme" }) satisfies NewMigration);
 */
export type NewMigration = Omit<StoredMigration, "version">;

/**
 * Fields {@link MigrationStore.updateMigration} may change; absent fields stay as they are.
 *
 * @example
 * const patch: MigrationPatch = { status: "completed", billingCutoverAt: now };
 * await store.updateMigration(id, patch, now);
 */
export type MigrationPatch = Partial<
  Pick<
    StoredMigration,
    | "status"
    | "businessId"
    | "wabaId"
    | "phoneNumberId"
    | "sourceWabaId"
    | "phone"
    | "templates"
    | "warnings"
    | "billingCutoverAt"
  >
> & {
  /** Merged key by key into the stored context (a key set to `undefined` is left unchanged). */
  context?: MigrationContext;
};

/**
 * An encrypted secret: the store never sees plaintext, only what the BFF's secret box sealed.
 *
 * @example
 * const sealed: SealedSecret = box.seal(pin, secretContext(id, "pin"));
 * await store.putSecret(id, "pin", sealed);
 */
export interface SealedSecret {
  /** Which key sealed it (key rotation keeps old keys readable). */
  keyId: string;
  /** Opaque base64 text (IV, tag and ciphertext). */
  ciphertext: string;
}

/**
 * The secrets a migration keeps.
 *
 * @example
 * const kind: SecretKind = "business_token";
 * const sealed = await store.getSecret(id, kind);
 */
export type SecretKind = "business_token" | "pin";

/**
 * What the idempotency record of a `POST /migrations` remembers.
 *
 * @example
 * const record: IdempotencyRecord | null = await store.getIdempotencyRecord(tenant, key);
 * if (record && record.requestHash !== hash) throw new BffError("idempotency_conflict");
 */
export interface IdempotencyRecord {
  tenant: string;
  key: string;
  /** SHA-256 of the request body: the same key with another body is a conflict. */
  requestHash: string;
  migrationId: string;
  createdAt: string;
}

/**
 * A stored Embedded Signup event with its tenant.
 *
 * @example
 * await store.addSignupEvent({ id: "sue_1", tenant, event: "CANCEL", currentStep: "PERMISSIONS", errorMessage: null,
 *   errorId: null, sessionId: null, migrationId: null, receivedAt: now } satisfies StoredSignupEvent);
 */
export interface StoredSignupEvent extends SignupEvent {
  tenant: string;
}

/**
 * A webhook change with the key that makes Meta's redeliveries (36 h of retries) harmless.
 *
 * @example
 * const fresh = await store.addWebhookEvent({ id: "whe_1", field: "account_update", wabaId, migrationId: null,
 *   value, receivedAt: now, dedupeKey } satisfies StoredWebhookEvent); // false for a redelivery
 */
export interface StoredWebhookEvent extends WebhookEvent {
  /** Unique per change, e.g. a hash of the entry id, field and value. */
  dedupeKey: string;
}

/**
 * Which migration, and so which tenant, a webhook change belongs to: what listing changes needs
 * of it (the whole record, report included, would be read for nothing).
 *
 * @example
 * const [owner] = await store.findWebhookEventMigrations([{ migrationId: null, wabaId: "111" }]);
 * const visible = owner?.tenant === tenant;
 */
export type WebhookEventMigration = Pick<StoredMigration, "id" | "tenant">;

/**
 * Options of {@link MigrationStore.listMigrations}.
 *
 * @example
 * const options: ListMigrationsOptions = { tenant: "acme", status: "failed", limit: 20 };
 * const { items, nextCursor } = await store.listMigrations(options);
 */
export interface ListMigrationsOptions {
  /** Only this tenant's migrations; absent means every tenant (operators, resuming). */
  tenant?: string;
  status?: MigrationStatus;
  /** The `nextCursor` of the previous page. Opaque; an unknown cursor starts from the top. */
  cursor?: string;
  /** Page size, 1..100. */
  limit: number;
}

/**
 * A page of migrations, newest first (by `createdAt`, then `id`, both descending).
 *
 * @example
 * let page: MigrationPage = await store.listMigrations({ limit: 100 });
 * while (page.nextCursor) page = await store.listMigrations({ limit: 100, cursor: page.nextCursor });
 */
export interface MigrationPage {
  items: StoredMigration[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/**
 * Who claims a step, for how long, and when ("now").
 *
 * @example
 * const lease: LeaseRequest = { owner: "bff_a1b2c3", leaseMs: 60_000, now: new Date().toISOString() };
 * const claimed = await store.claimStep(id, "register_phone", lease);
 */
export interface LeaseRequest {
  owner: string;
  leaseMs: number;
  now: string;
}

/**
 * How a claimed step ended.
 *
 * @example
 * const outcome: StepOutcome = { status: "succeeded", lastError: null, now };
 * await store.finishStep(id, "register_phone", "bff_a1b2c3", outcome);
 */
export interface StepOutcome {
  status: Extract<StepStatus, "succeeded" | "failed" | "action_required" | "skipped">;
  /** The error to keep (null clears it: pass null on success). */
  lastError: MigrationError | null;
  now: string;
}

/**
 * Durable record of every migration. Implementations: `createMemoryStore()` (tests, one process),
 * and the SQL journal (PGlite, PostgreSQL). `describeMigrationStore` in `store-contract.ts` is the
 * executable form of these semantics; every implementation must pass it.
 *
 * @example
 * const bff = createMigrationBff({ ...options, store: createMemoryStore() });
 */
export interface MigrationStore {
  /**
   * Stores a new migration (`version` 1). With `idempotency`, atomically also records the key:
   * if the tenant already used that key, nothing is written and the earlier migration is
   * returned with `created: false` (whatever its body hash; the caller compares `requestHash`).
   * Rejects with `StoreError` `conflict` when the id exists. With `secrets`, stores them in the
   * same write: a migration is never stored without the secrets it was created with (the business
   * token's code is spent, so a record without it could never run); nothing of them is written
   * when `created` is false.
   */
  createMigration(
    migration: NewMigration,
    idempotency?: Omit<IdempotencyRecord, "migrationId" | "tenant">,
    secrets?: Partial<Record<SecretKind, SealedSecret>>,
  ): Promise<{
    migration: StoredMigration;
    created: boolean;
    idempotency: IdempotencyRecord | null;
  }>;
  /** The migration, or null. Not tenant-scoped: callers check `tenant`. */
  getMigration(id: string): Promise<StoredMigration | null>;
  /** The idempotency record of `key` for `tenant`, or null. */
  getIdempotencyRecord(tenant: string, key: string): Promise<IdempotencyRecord | null>;
  /** Newest first, filtered, paged; see {@link ListMigrationsOptions}. */
  listMigrations(options: ListMigrationsOptions): Promise<MigrationPage>;
  /** Ids of every migration whose status is `running`, oldest first: what to resume on start. */
  listResumableMigrations(): Promise<string[]>;
  /** The newest migration (by `createdAt`) whose `wabaId` or else `sourceWabaId` is this WABA, or null. */
  findMigrationByWaba(wabaId: string): Promise<StoredMigration | null>;
  /**
   * Applies `patch`, sets `updatedAt = now`, bumps `version`, returns the new record.
   * With `expectedVersion`, writes only if the stored version equals it and otherwise resolves
   * null (optimistic concurrency for read-modify-write such as webhook updates of the report).
   * Rejects with `StoreError` `not_found` for an unknown id.
   */
  updateMigration(
    id: string,
    patch: MigrationPatch,
    now: string,
    expectedVersion?: number,
  ): Promise<StoredMigration | null>;
  /**
   * Claims a step for execution, atomically. Succeeds when the step is `pending`, or `running` with
   * a lease that expired at or before `now`, or `running` with a lease held by the same owner.
   * On success: status `running`, `attempts + 1`, `startedAt = now`, `finishedAt = null`,
   * lease owner and expiry (`now + leaseMs`) set, migration `version` bumped; returns the record.
   * Otherwise (done, failed, action_required, or leased by another owner) resolves null and changes nothing.
   */
  claimStep(
    migrationId: string,
    stepId: StepId,
    lease: LeaseRequest,
  ): Promise<StoredMigration | null>;
  /** Extends a held lease to `now + leaseMs`. False (and no change) when `owner` no longer holds it. */
  renewStepLease(migrationId: string, stepId: StepId, lease: LeaseRequest): Promise<boolean>;
  /**
   * Ends a claimed step: sets status, `lastError`, `finishedAt = now`, clears the lease, bumps
   * `version`, returns the record. Resolves null and changes nothing when the step is not `running`
   * under `owner` (another instance took it over after the lease expired).
   */
  finishStep(
    migrationId: string,
    stepId: StepId,
    owner: string,
    outcome: StepOutcome,
  ): Promise<StoredMigration | null>;
  /**
   * Starts a retry, atomically: when the migration is `failed` or `action_required`, every step
   * in `failed` or `action_required` becomes `pending` (attempts and lastError kept) and the
   * migration `running`; returns the record. A `completed` migration has nothing to retry: it is
   * returned as it is, unchanged (same `version`). Resolves null when it is already `running`
   * (the caller answers 409). Rejects with `StoreError` `not_found` for an unknown id.
   */
  beginRetry(migrationId: string, now: string): Promise<StoredMigration | null>;
  /** Stores (or replaces) a sealed secret of a migration. */
  putSecret(migrationId: string, kind: SecretKind, secret: SealedSecret): Promise<void>;
  /** The sealed secret, or null. */
  getSecret(migrationId: string, kind: SecretKind): Promise<SealedSecret | null>;
  /** Stores an Embedded Signup event. */
  addSignupEvent(event: StoredSignupEvent): Promise<void>;
  /** The tenant's signup events, newest first (by `receivedAt`, then `id`), at most `limit`. */
  listSignupEvents(tenant: string, limit: number): Promise<StoredSignupEvent[]>;
  /** Stores a webhook change unless its `dedupeKey` was seen: true when stored, false for a duplicate. */
  addWebhookEvent(event: StoredWebhookEvent): Promise<boolean>;
  /** Webhook changes newest first (by `receivedAt`, then `id`), optionally of one WABA, at most `limit`. */
  listWebhookEvents(options: {
    wabaId?: string;
    /**
     * Only events that may be this tenant's: claimed by one of its migrations, or unclaimed with
     * a WABA one of its migrations has as destination or source. Applied before `limit`, so
     * another tenant's traffic never pushes a tenant's own events off the page.
     */
    tenant?: string;
    limit: number;
  }): Promise<StoredWebhookEvent[]>;
  /**
   * For each change, in order, the migration it belongs to: the one it names (`getMigration`;
   * none when that one is gone) or, unclaimed, the one `findMigrationByWaba(wabaId)` finds; null
   * when there is none. One read for a whole page of changes.
   */
  findWebhookEventMigrations(
    events: readonly Pick<WebhookEvent, "migrationId" | "wabaId">[],
  ): Promise<(WebhookEventMigration | null)[]>;
  /** Resolves when the store can serve requests (for `GET /health`); rejects otherwise. */
  ping(): Promise<void>;
  /** Releases connections. The store is unusable afterwards. */
  close(): Promise<void>;
  /**
   * Takes the request lease `name` (e.g. one Idempotency-Key's `POST /migrations`), atomically,
   * across every instance sharing the store: true when it was free, expired at or before `now`, or
   * already held by `owner` (then it is extended: how a holder renews it). The lease lasts until
   * `now + leaseMs`. Otherwise resolves false and changes nothing (decision 034).
   */
  claimLease(name: string, lease: LeaseRequest): Promise<boolean>;
  /** Ends the lease `name` if `owner` still holds it; nothing happens otherwise. */
  releaseLease(name: string, owner: string): Promise<void>;
}
