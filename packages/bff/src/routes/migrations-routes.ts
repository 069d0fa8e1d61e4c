import { createHash } from "node:crypto";
import {
  CreateMigrationRequestSchema,
  ListMigrationsQuerySchema,
  MigrateTemplatesRequestSchema,
} from "@wa-migrate/contracts";
import { Hono } from "hono";
import { BffError } from "../errors/bff-error.js";
import type { BffEnv } from "../http/app-env.js";
import { createRateLimiter } from "../http/rate-limiter.js";
import { parseWith, readJson } from "../http/read-json.js";
import { captureOnCreate, requestError } from "../orchestrator/capture-on-create.js";
import type { Engine } from "../orchestrator/engine.js";
import type { BffRuntime } from "../orchestrator/runtime.js";
import { templatesStep } from "../orchestrator/templates-step.js";
import { firstSteps } from "../store/first-steps.js";
import type { NewMigration, StoredMigration } from "../store/migration-store.js";
import { toMigration } from "../store/to-migration.js";

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
    if (key) {
      const record = await rt.store.getIdempotencyRecord(tenant, key);
      if (record) {
        if (record.requestHash !== requestHash) throw new BffError("idempotency_conflict");
        const m = await owned(tenant, record.migrationId);
        return c.json(toMigration(m), 201, {
          "idempotent-replayed": "true",
          location: `migrations/${m.id}`,
        });
      }
    }
    if (!limiter.take(tenant)) throw new BffError("rate_limited");
    const assets = await captureOnCreate(rt, body);
    const now = rt.now();
    const migration: NewMigration = {
      id: rt.newId("mig"),
      tenant,
      status: "running",
      businessId: assets.businessId,
      wabaId: assets.wabaId,
      phoneNumberId: assets.phoneNumberId,
      sourceWabaId: body.sourceWabaId ?? null,
      phone: null,
      steps: firstSteps(now),
      templates: { mode: "not_started", sourceReadable: false, items: [] },
      warnings: [],
      billingCutoverAt: null,
      createdAt: now,
      updatedAt: now,
      context: {
        grantedWabaIds: assets.grantedWabaIds,
        ...(assets.phone && assets.waba
          ? { captureReads: { phone: assets.phone, destination: assets.waba } }
          : {}),
      },
    };
    const created = await rt.store.createMigration(
      migration,
      key ? { key, requestHash, createdAt: now } : undefined,
    );
    if (created.created) {
      await rt.store.putSecret(migration.id, "business_token", rt.box.seal(assets.token));
      void engine.start(migration.id);
    }
    c.get("log").info("migration created", {
      migrationId: created.migration.id,
      wabaId: assets.wabaId,
    });
    return c.json(toMigration(created.migration), 201, {
      location: `migrations/${created.migration.id}`,
    });
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
    rt.hub.notify(m.id);
    void engine.start(m.id);
    return c.json(toMigration(retried), 202);
  });

  app.post("/:id/templates", async (c) => {
    const m = await owned(c.get("tenant"), c.req.param("id"));
    const body =
      c.req.header("content-length") === "0"
        ? {}
        : await readJson(c, MigrateTemplatesRequestSchema);
    if (m.status === "running") throw new BffError("migration_running");
    const sealed = await rt.store.getSecret(m.id, "business_token");
    if (!sealed)
      throw new BffError("not_found", { detail: "This migration has no business token." });
    try {
      await templatesStep(rt, m, rt.box.open(sealed), body.templateIds);
    } catch (error) {
      throw requestError(error);
    }
    rt.hub.notify(m.id);
    return c.json(toMigration(await owned(c.get("tenant"), m.id)));
  });

  return app;
}
