import { createHash } from "node:crypto";
import {
  CreateMigrationRequestSchema,
  type GraphErrorRef,
  ListMigrationsQuerySchema,
  MigrateTemplatesRequestSchema,
  type MigrationErrorCode,
} from "@wa-migrate/contracts";
import { Hono } from "hono";
import { BffError } from "../errors/bff-error.js";
import { GraphError } from "../graph/graph-error.js";
import type { BffEnv } from "../http/app-env.js";
import { createSharedQueue } from "../http/create-shared-queue.js";
import { createRateLimiter } from "../http/rate-limiter.js";
import { parseWith, readJson } from "../http/read-json.js";
import type { GrantVerdict } from "../orchestrator/capture-step.js";
import type { Engine } from "../orchestrator/engine.js";
import { exchangeCode } from "../orchestrator/exchange-code.js";
import { readSecret, sealSecret } from "../orchestrator/migration-secrets.js";
import { newMigration } from "../orchestrator/new-migration.js";
import { requestError } from "../orchestrator/request-error.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { templatesStep } from "../orchestrator/templates-step.js";
import type { StoredMigration } from "../store/migration-store.js";
import { toMigration } from "../store/to-migration.js";

/** How `POST /migrations` refused after the exchange, kept so that a replay answers the same. */
interface CreateRefusal {
  code: MigrationErrorCode;
  detail?: string;
  graph?: GraphErrorRef;
}

/** A failure of the grant check that is the create request's answer (not one Graph may heal). */
function refusesCreate(error: unknown): boolean {
  if (error instanceof GraphError) return !error.transient;
  return error instanceof BffError;
}

/**
 * `/migrations` routes: create (exchange before answering, Idempotency-Key, rate limit), read,
 * list, retry and manual template migration. Every read is scoped to the caller's tenant: another
 * tenant's migration is a 404.
 *
 * @example
 * app.route("/migrations", migrationsRoutes(rt, engine));
 */
export function migrationsRoutes(rt: BffRuntime, engine: Engine) {
  const app = new Hono<BffEnv>();
  const limit = rt.options.rateLimit ?? { max: 20, windowMs: 60_000 };
  const limiter = createRateLimiter(limit, () => Date.parse(rt.now()));
  // In this process and across instances sharing the journal (decision 034). Waiting longer than
  // a lease means the other request is alive and still waiting for Meta: the browser sends again.
  const serial = createSharedQueue(
    rt,
    "create",
    () =>
      new BffError("graph_unavailable", {
        detail:
          "An earlier request with this Idempotency-Key is still waiting for Meta; send it again with the same key.",
      }),
  );
  const copies = createSharedQueue(
    rt,
    "templates",
    () =>
      new BffError("migration_running", {
        detail: "Another template copy of this migration is still running.",
      }),
  );

  const owned = async (tenant: string, id: string): Promise<StoredMigration> => {
    const m = await rt.store.getMigration(id);
    if (!m || m.tenant !== tenant)
      throw new BffError("not_found", { detail: "No migration with this id." });
    return m;
  };

  app.post("/", async (c) => {
    const tenant = c.get("tenant");
    const body = await readJson(c, CreateMigrationRequestSchema);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new BffError("validation_failed", {
        errors: [{ path: "Idempotency-Key", message: "1-200 visible ASCII characters" }],
      });
    }
    const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    // Requests with one key run one after another, on whichever instance they land: a browser
    // that resends while the first request is still exchanging the code then finds that request's
    // record instead of spending the code again (Meta: code_used) and being told so.
    const create = async () => {
      // A replay answers what the first request answered: the migration, or its refusal.
      const replay = (m: StoredMigration) => {
        const refusal = m.context.createRefusal as CreateRefusal | undefined;
        if (refusal) throw new BffError(refusal.code, refusal);
        return c.json(toMigration(m), 201, {
          "idempotent-replayed": "true",
          location: `migrations/${m.id}`,
        });
      };
      if (key) {
        const record = await rt.store.getIdempotencyRecord(tenant, key);
        if (record) {
          if (record.requestHash !== requestHash) throw new BffError("idempotency_conflict");
          return replay(await owned(tenant, record.migrationId));
        }
      }
      if (!limiter.take(tenant)) throw new BffError("rate_limited");
      const token = await exchangeCode(rt, body.code, body.redirectUri);
      // The code is spent from here on: the token goes into the journal with the migration before
      // any other Graph call, so a failing read can no longer lose it (a retry with the same
      // Idempotency-Key finds the migration; the engine retries the reads).
      const migration = newMigration(rt, tenant, body);
      let markStored: (stored: boolean) => void = () => {};
      const stored = new Promise<boolean>((resolve) => {
        markStored = resolve;
      });
      const checked = new Promise<GrantVerdict | null>((resolve) => {
        void engine
          .start(migration.id, { stored, onGrantChecked: resolve })
          .finally(() => resolve(null));
      });
      let created: Awaited<ReturnType<typeof rt.store.createMigration>>;
      try {
        // One write: a record stored without its token could never run, and a resend with the
        // same key would find it and answer 201.
        created = await rt.store.createMigration(
          migration,
          key ? { key, requestHash, createdAt: migration.createdAt } : undefined,
          { business_token: sealSecret(rt, migration.id, "business_token", token) },
        );
      } catch (error) {
        markStored(false);
        throw error;
      }
      markStored(created.created);
      if (!created.created) {
        // A concurrent request with the same key stored first.
        if (created.idempotency?.requestHash !== requestHash)
          throw new BffError("idempotency_conflict");
        return replay(created.migration);
      }
      c.get("log").info("migration created", { migrationId: migration.id });
      // Answer once the grant is checked: a wrong grant is this request's 403. When Graph fails
      // transiently instead, answer 201 now; the engine goes on retrying the capture.
      const verdict = await checked;
      if (verdict && !verdict.ok && refusesCreate(verdict.error)) {
        const refusal = requestError(verdict.error) as BffError;
        const recorded: CreateRefusal = {
          code: refusal.code,
          ...(refusal.detail ? { detail: refusal.detail } : {}),
          ...(refusal.graph ? { graph: refusal.graph } : {}),
        };
        await rt.store.updateMigration(
          migration.id,
          { context: { createRefusal: recorded } },
          rt.now(),
        );
        throw refusal;
      }
      const latest = verdict?.ok ? verdict.migration : await owned(tenant, migration.id);
      return c.json(toMigration(latest), 201, { location: `migrations/${migration.id}` });
    };
    return key ? serial(`${tenant}\u0000${key}`, create) : create();
  });

  app.get("/", async (c) => {
    const query = parseWith(ListMigrationsQuerySchema, c.req.query());
    const page = await rt.store.listMigrations({
      tenant: c.get("tenant"),
      status: query.status,
      cursor: query.cursor,
      limit: query.limit ? Number(query.limit) : 20,
    });
    return c.json({ data: page.items.map(toMigration), nextCursor: page.nextCursor });
  });

  app.get("/:id", async (c) =>
    c.json(toMigration(await owned(c.get("tenant"), c.req.param("id")))),
  );

  app.post("/:id/retry", async (c) => {
    const m = await owned(c.get("tenant"), c.req.param("id"));
    const retried = await rt.store.beginRetry(m.id, rt.now());
    if (!retried) throw new BffError("migration_running");
    // Nothing to retry: the store leaves a completed migration as it is (decided atomically, so
    // also when another instance completed it since the read above), answered as it is.
    if (retried.status === "completed") return c.json(toMigration(retried), 200);
    rt.hub.notify(m.id);
    void engine.start(m.id);
    return c.json(toMigration(retried), 202);
  });

  app.post("/:id/templates", async (c) => {
    const tenant = c.get("tenant");
    const { id } = await owned(tenant, c.req.param("id"));
    const body =
      c.req.header("content-length") === "0"
        ? {}
        : await readJson(c, MigrateTemplatesRequestSchema);
    // One manual copy of a migration at a time, on any instance, each from the record as the one
    // before left it: copies run at once all find the destination without the templates and send
    // them all again.
    return copies(id, async () => {
      const m = await owned(tenant, id);
      if (m.status === "running") throw new BffError("migration_running");
      // An id the report does not hold would be copied by no one: say so instead of answering 200.
      const errors = (body.templateIds ?? []).flatMap((templateId, i) =>
        m.templates.items.some((item) => item.sourceTemplateId === templateId)
          ? []
          : [
              {
                path: `templateIds.${i}`,
                message: `${templateId} is not a template of this migration's source account`,
              },
            ],
      );
      if (errors.length > 0) throw new BffError("validation_failed", { errors });
      const token = await readSecret(rt, m.id, "business_token");
      if (token === null)
        throw new BffError("not_found", { detail: "This migration has no business token." });
      try {
        await templatesStep(rt, m, token, body.templateIds);
      } catch (error) {
        throw requestError(error);
      }
      rt.hub.notify(m.id);
      return c.json(toMigration(await owned(tenant, m.id)));
    });
  });

  return app;
}
