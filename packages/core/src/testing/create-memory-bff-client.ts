import {
  ERROR_CATALOG,
  type Migration,
  type MigrationErrorCode,
  type MigrationStatus,
  PROBLEM_TYPE_BASE,
  type ServerStepId,
  type SignupEventRequest,
  type TemplatesReport,
} from "@wa-migrate/contracts";
import type { BffClient } from "../bff-client.js";
import { BffError } from "../bff-error.js";
import { buildMigration, migrationError } from "./build-migration.js";

/**
 * Options of {@link createMemoryBffClient}.
 *
 * @example
 * const options: MemoryBffClientOptions = { stopAt: { step: "share_credit_line", code: "credit_share_failed" }, intervalMs: 700 };
 */
export interface MemoryBffClientOptions {
  /** Where the scripted migration stops (default: every step succeeds and it completes). */
  stopAt?: {
    step: ServerStepId;
    status?: Extract<MigrationStatus, "failed" | "action_required">;
    code: MigrationErrorCode;
  };
  /** `createMigration` fails with this code, as the BFF's problem+json would (e.g. `code_expired`). */
  createError?: MigrationErrorCode;
  /** Advance one step every `intervalMs` by itself; `null` (default) only on `advance()`. */
  intervalMs?: number | null;
  /** Whether `retry()` lets the stopped step succeed (default true). */
  retryHeals?: boolean;
  /** Migrations the server already has (for `resume`). */
  migrations?: Migration[];
  /** The templates report once templates are migrated. */
  templates?: TemplatesReport;
}

/**
 * The in-memory client, with what a test needs to drive and inspect it.
 *
 * @example
 * const client = createMemoryBffClient();
 * // ... after the flow submitted: client.calls.create[0].request.code; client.runToEnd();
 */
export interface MemoryBffClient extends BffClient {
  readonly calls: {
    create: Array<{
      request: Parameters<BffClient["createMigration"]>[0];
      idempotencyKey?: string;
    }>;
    retry: string[];
    templates: Array<{ id: string; templateIds?: string[] }>;
    signupEvents: SignupEventRequest[];
  };
  /** Moves every running migration one step on and notifies subscribers; returns the newest. */
  advance(): Migration | null;
  /** Advances until nothing runs. */
  runToEnd(): Migration | null;
  /** The stored migration. */
  get(id: string): Migration | undefined;
}

/**
 * An in-memory BFF with the same interface as {@link createBffClient}'s, scripted to walk a migration
 * through its five server steps, stop at one (`failed` / `action_required` with a code), fail the
 * create with a problem code, and heal on retry. Deterministic: ids `mig_1`, `mig_2`, ...; steps move
 * only on `advance()` unless `intervalMs` is set; subscribers get the current record at once.
 *
 * @example
 * const client = createMemoryBffClient({ stopAt: { step: "register_phone", code: "pin_mismatch", status: "action_required" } });
 * const flow = createMigrationFlow({ appId: "1", configId: "2", sdk: createFakeFacebookSdk(), client });
 * // ... after launch: client.runToEnd(); flow.getSnapshot().state === "action_required"
 */
export function createMemoryBffClient(options: MemoryBffClientOptions = {}): MemoryBffClient {
  const store = new Map<string, Migration>();
  for (const m of options.migrations ?? []) store.set(m.id, m);
  const byKey = new Map<string, string>();
  const listeners = new Map<string, Set<(m: Migration) => void>>();
  const healed = new Set<string>();
  const calls: MemoryBffClient["calls"] = {
    create: [],
    retry: [],
    templates: [],
    signupEvents: [],
  };
  let count = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const save = (m: Migration) => {
    store.set(m.id, m);
    for (const listener of listeners.get(m.id) ?? []) listener(structuredClone(m));
    return structuredClone(m);
  };
  const find = (id: string) => {
    const m = store.get(id);
    if (!m) throw problem("not_found");
    return m;
  };
  const schedule = () => {
    if (options.intervalMs == null || timer) return;
    timer = setInterval(() => {
      client.advance();
      if ([...store.values()].every((m) => m.status !== "running")) {
        clearInterval(timer);
        timer = undefined;
      }
    }, options.intervalMs);
  };

  function step(m: Migration): Migration {
    const now = new Date(Date.UTC(2026, 10, 25, 10, 0, ++count)).toISOString();
    const steps = m.steps.map((s) => ({ ...s }));
    const running = steps.find((s) => s.status === "running");
    let status: MigrationStatus = "running";
    if (running) {
      const stop = options.stopAt;
      if (stop && stop.step === running.id && !healed.has(m.id)) {
        running.status = stop.status ?? "failed";
        running.lastError = migrationError(stop.code);
        status = running.status;
      } else {
        Object.assign(running, { status: "succeeded", finishedAt: now, lastError: null });
      }
    }
    const next = steps.find((s) => s.status === "pending");
    if (status === "running" && next)
      Object.assign(next, { status: "running", startedAt: now, attempts: next.attempts + 1 });
    if (status === "running" && !next) status = "completed";
    return {
      ...m,
      steps,
      status,
      updatedAt: now,
      billingCutoverAt: status === "completed" ? now : m.billingCutoverAt,
      templates:
        steps.find((s) => s.id === "migrate_templates")?.status === "succeeded"
          ? (options.templates ?? m.templates)
          : m.templates,
    };
  }

  const client: MemoryBffClient = {
    calls,
    async createMigration(request, opts = {}) {
      calls.create.push({ request, idempotencyKey: opts.idempotencyKey });
      const known = opts.idempotencyKey && byKey.get(opts.idempotencyKey);
      if (known) return structuredClone(find(known));
      if (options.createError) throw problem(options.createError);
      const migration = buildMigration({
        id: `mig_${store.size + 1}`,
        wabaId: request.wabaId ?? "524126980791429",
        phoneNumberId: request.phoneNumberId ?? "106540352242922",
        businessId: request.businessId ?? "2729063490586005",
        sourceWabaId: request.sourceWabaId ?? null,
        steps: { capture_assets: "running" },
      });
      if (opts.idempotencyKey) byKey.set(opts.idempotencyKey, migration.id);
      schedule();
      return save(migration);
    },
    async getMigration(id) {
      return structuredClone(find(id));
    },
    subscribe(id, onMigration) {
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set);
      set.add(onMigration);
      // Like the SSE stream: the current record first.
      queueMicrotask(() => {
        const m = store.get(id);
        if (m && set.has(onMigration)) onMigration(structuredClone(m));
      });
      return () => void set.delete(onMigration);
    },
    async retry(id) {
      calls.retry.push(id);
      const m = find(id);
      if (m.status === "running") throw problem("migration_running");
      if (options.retryHeals ?? true) healed.add(id);
      const steps = m.steps.map((s) =>
        s.status === "failed" || s.status === "action_required"
          ? { ...s, status: "running" as const, attempts: s.attempts + 1 }
          : s,
      );
      schedule();
      return save({ ...m, steps, status: "running" });
    },
    async migrateTemplates(id, templateIds) {
      calls.templates.push({ id, templateIds });
      const m = find(id);
      const templates: TemplatesReport = options.templates ?? {
        ...m.templates,
        mode: "copied_before_registration",
      };
      return save({ ...m, templates });
    },
    async postSignupEvent(event) {
      calls.signupEvents.push(event);
    },
    advance() {
      let last: Migration | null = null;
      for (const m of store.values()) if (m.status === "running") last = save(step(m));
      return last;
    },
    runToEnd() {
      let last: Migration | null = null;
      for (let i = 0; i < 20; i++) last = client.advance() ?? last;
      return last;
    },
    get(id) {
      const m = store.get(id);
      return m && structuredClone(m);
    },
  };
  return client;
}

function problem(code: MigrationErrorCode): BffError {
  const entry = ERROR_CATALOG[code];
  return new BffError(code, entry.message, {
    status: entry.status,
    problem: {
      type: `${PROBLEM_TYPE_BASE}${code}`,
      title: entry.message,
      status: entry.status,
      code,
      remedy: entry.remedy,
      retryable: entry.retryable,
    },
  });
}
