import { createMemoryLeases } from "./memory-leases.js";
import { decodeMigrationCursor, encodeMigrationCursor } from "./migration-cursor.js";
import type {
  IdempotencyRecord,
  LeaseRequest,
  ListMigrationsOptions,
  MigrationPage,
  MigrationPatch,
  MigrationStore,
  NewMigration,
  SealedSecret,
  SecretKind,
  StepOutcome,
  StoredMigration,
  StoredSignupEvent,
  StoredWebhookEvent,
} from "./migration-store.js";
import { StoreError } from "./store-error.js";

/** Newest first: createdAt desc, then id desc. Returns < 0 when `a` comes first. */
function newestFirst(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function byReceivedDesc(
  a: { receivedAt: string; id: string },
  b: { receivedAt: string; id: string },
) {
  return newestFirst({ createdAt: a.receivedAt, id: a.id }, { createdAt: b.receivedAt, id: b.id });
}

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * A {@link MigrationStore} in process memory: for tests and single-process demos. Every read
 * returns a deep copy, so callers cannot change the journal behind its back.
 *
 * @example
 * const store = createMemoryStore();
 * const bff = createMigrationBff({ ...options, store });
 */
export function createMemoryStore(): MigrationStore {
  const migrations = new Map<string, StoredMigration>();
  const idempotency = new Map<string, IdempotencyRecord>();
  const secrets = new Map<string, SealedSecret>();
  const signupEvents: StoredSignupEvent[] = [];
  const webhookEvents = new Map<string, StoredWebhookEvent>();
  let closed = false;

  const copy = <T>(value: T): T => structuredClone(value);
  const open = () => {
    if (closed) throw new StoreError("unavailable", "the memory store was closed");
  };
  const mustGet = (id: string) => {
    const m = migrations.get(id);
    if (!m) throw new StoreError("not_found", `migration ${id} does not exist`);
    return m;
  };
  const touch = (m: StoredMigration, now: string) => {
    m.version += 1;
    m.updatedAt = now;
  };
  const findStep = (m: StoredMigration, stepId: string) => {
    const step = m.steps.find((s) => s.id === stepId);
    if (!step) throw new StoreError("not_found", `migration ${m.id} has no step ${stepId}`);
    return step;
  };

  return {
    async createMigration(migration: NewMigration, key, sealed = {}) {
      open();
      const record = key ? idempotency.get(`${migration.tenant}\u0000${key.key}`) : undefined;
      if (record) {
        return {
          migration: copy(mustGet(record.migrationId)),
          created: false,
          idempotency: copy(record),
        };
      }
      if (migrations.has(migration.id)) {
        throw new StoreError("conflict", `migration ${migration.id} already exists`);
      }
      const stored: StoredMigration = { ...copy(migration), version: 1 };
      migrations.set(stored.id, stored);
      for (const [kind, secret] of Object.entries(sealed))
        if (secret) secrets.set(`${stored.id}\u0000${kind}`, copy(secret));
      let saved: IdempotencyRecord | null = null;
      if (key) {
        saved = { ...key, tenant: migration.tenant, migrationId: stored.id };
        idempotency.set(`${migration.tenant}\u0000${key.key}`, saved);
      }
      return { migration: copy(stored), created: true, idempotency: copy(saved) };
    },
    async getMigration(id) {
      open();
      const m = migrations.get(id);
      return m ? copy(m) : null;
    },
    async getIdempotencyRecord(tenant, key) {
      open();
      const record = idempotency.get(`${tenant}\u0000${key}`);
      return record ? copy(record) : null;
    },
    async listMigrations(options: ListMigrationsOptions): Promise<MigrationPage> {
      open();
      const after = decodeMigrationCursor(options.cursor);
      const all = [...migrations.values()]
        .filter((m) => options.tenant === undefined || m.tenant === options.tenant)
        .filter((m) => options.status === undefined || m.status === options.status)
        .sort(newestFirst)
        .filter((m) => !after || newestFirst(after, m) < 0);
      const items = all.slice(0, options.limit);
      const last = items.at(-1);
      const nextCursor = all.length > options.limit && last ? encodeMigrationCursor(last) : null;
      return { items: copy(items), nextCursor };
    },
    async listResumableMigrations() {
      open();
      return [...migrations.values()]
        .filter((m) => m.status === "running")
        .sort((a, b) => -newestFirst(a, b))
        .map((m) => m.id);
    },
    async findMigrationByWaba(wabaId) {
      open();
      const all = [...migrations.values()].sort(newestFirst);
      const found =
        all.find((m) => m.wabaId === wabaId) ?? all.find((m) => m.sourceWabaId === wabaId);
      return found ? copy(found) : null;
    },
    async updateMigration(id, patch: MigrationPatch, now, expectedVersion) {
      open();
      const m = mustGet(id);
      if (expectedVersion !== undefined && m.version !== expectedVersion) return null;
      const { context, ...fields } = patch;
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) Object.assign(m, { [key]: copy(value) });
      }
      for (const [key, value] of Object.entries(context ?? {})) {
        if (value !== undefined) m.context[key] = copy(value);
      }
      touch(m, now);
      return copy(m);
    },
    async claimStep(migrationId, stepId, lease: LeaseRequest) {
      open();
      const m = mustGet(migrationId);
      const step = findStep(m, stepId);
      const leaseOver = step.leaseExpiresAt === null || step.leaseExpiresAt <= lease.now;
      const claimable =
        step.status === "pending" ||
        (step.status === "running" && (leaseOver || step.leaseOwner === lease.owner));
      if (!claimable) return null;
      step.status = "running";
      step.attempts += 1;
      step.startedAt = lease.now;
      step.finishedAt = null;
      step.leaseOwner = lease.owner;
      step.leaseExpiresAt = addMs(lease.now, lease.leaseMs);
      touch(m, lease.now);
      return copy(m);
    },
    async renewStepLease(migrationId, stepId, lease: LeaseRequest) {
      open();
      const step = findStep(mustGet(migrationId), stepId);
      if (step.status !== "running" || step.leaseOwner !== lease.owner) return false;
      step.leaseExpiresAt = addMs(lease.now, lease.leaseMs);
      return true;
    },
    async finishStep(migrationId, stepId, owner, outcome: StepOutcome) {
      open();
      const m = mustGet(migrationId);
      const step = findStep(m, stepId);
      if (step.status !== "running" || step.leaseOwner !== owner) return null;
      step.status = outcome.status;
      step.lastError = copy(outcome.lastError);
      step.finishedAt = outcome.now;
      step.leaseOwner = null;
      step.leaseExpiresAt = null;
      touch(m, outcome.now);
      return copy(m);
    },
    async beginRetry(migrationId, now) {
      open();
      const m = mustGet(migrationId);
      if (m.status === "running") return null;
      if (m.status === "completed") return copy(m);
      for (const step of m.steps) {
        if (step.status === "failed" || step.status === "action_required") step.status = "pending";
      }
      m.status = "running";
      touch(m, now);
      return copy(m);
    },
    async putSecret(migrationId, kind: SecretKind, secret) {
      open();
      mustGet(migrationId);
      secrets.set(`${migrationId}\u0000${kind}`, copy(secret));
    },
    async getSecret(migrationId, kind) {
      open();
      const secret = secrets.get(`${migrationId}\u0000${kind}`);
      return secret ? copy(secret) : null;
    },
    async addSignupEvent(event) {
      open();
      signupEvents.push(copy(event));
    },
    async listSignupEvents(tenant, limit) {
      open();
      return copy(
        signupEvents
          .filter((e) => e.tenant === tenant)
          .sort(byReceivedDesc)
          .slice(0, limit),
      );
    },
    async addWebhookEvent(event) {
      open();
      if (webhookEvents.has(event.dedupeKey)) return false;
      webhookEvents.set(event.dedupeKey, copy(event));
      return true;
    },
    async listWebhookEvents(options) {
      open();
      return copy(
        [...webhookEvents.values()]
          .filter((e) => options.wabaId === undefined || e.wabaId === options.wabaId)
          .filter((e) => {
            const { tenant } = options;
            if (tenant === undefined) return true;
            return [...migrations.values()].some(
              (m) =>
                m.tenant === tenant &&
                (m.id === e.migrationId ||
                  (e.migrationId === null &&
                    (m.wabaId === e.wabaId || m.sourceWabaId === e.wabaId))),
            );
          })
          .sort(byReceivedDesc)
          .slice(0, options.limit),
      );
    },
    async findWebhookEventMigrations(events) {
      open();
      const all = [...migrations.values()].sort(newestFirst);
      return events.map(({ migrationId, wabaId }) => {
        // The same choice as getMigration and findMigrationByWaba, one change at a time.
        const m =
          migrationId !== null
            ? migrations.get(migrationId)
            : (all.find((x) => x.wabaId === wabaId) ?? all.find((x) => x.sourceWabaId === wabaId));
        return m ? { id: m.id, tenant: m.tenant } : null;
      });
    },
    async ping() {
      open();
    },
    async close() {
      closed = true;
    },
    ...createMemoryLeases(open),
  };
}
