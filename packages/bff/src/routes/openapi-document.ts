import {
  CreateMigrationRequestSchema,
  DoctorResponseSchema,
  HealthResponseSchema,
  ListMigrationsQuerySchema,
  ListSignupEventsQuerySchema,
  ListWebhookEventsQuerySchema,
  MigrateTemplatesRequestSchema,
  MigrationListResponseSchema,
  MigrationSchema,
  ProblemDetailsSchema,
  SignupEventRequestSchema,
  SignupEventSchema,
} from "@wa-migrate/contracts";
import * as z from "zod/mini";

const schema = (s: z.ZodMiniType, io: "input" | "output" = "output") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("ProblemDetails") } },
});
/** The optional query parameters of a strict query schema, as OpenAPI parameters. */
const queryParams = (s: z.ZodMiniType) =>
  Object.entries((schema(s, "input") as { properties: Record<string, unknown> }).properties).map(
    ([name, property]) => ({ name, in: "query", required: false, schema: property }),
  );
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const errors = {
  "400": problem("validation_failed: a field is missing, wrong or unknown"),
  "401": problem("unauthorized"),
  "403": problem("forbidden: the authorize hook refused the caller, or a cross-site request"),
  "404": problem("not_found (also another tenant's migration)"),
  "413": problem("payload_too_large"),
  "415": problem("unsupported_media_type"),
  "500": problem("internal_error"),
};

/**
 * The OpenAPI 3.1 document of the BFF's HTTP API, generated from the contracts' zod schemas with
 * `z.toJSONSchema` (decisions/004), served at `GET /openapi.json`.
 *
 * @example
 * const doc = openApiDocument(); doc.paths["/migrations"].post;
 */
export function openApiDocument(): Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
} {
  return {
    openapi: "3.1.0",
    info: {
      title: "wa-migrate BFF",
      version: "0.1.0",
      description:
        "Moves a WhatsApp business number between Solution Partners through Embedded Signup.",
    },
    components: {
      schemas: {
        CreateMigrationRequest: schema(CreateMigrationRequestSchema, "input"),
        MigrateTemplatesRequest: schema(MigrateTemplatesRequestSchema, "input"),
        SignupEventRequest: schema(SignupEventRequestSchema, "input"),
        Migration: schema(MigrationSchema),
        MigrationList: schema(MigrationListResponseSchema),
        SignupEvent: schema(SignupEventSchema),
        Health: schema(HealthResponseSchema),
        Doctor: schema(DoctorResponseSchema),
        ProblemDetails: schema(ProblemDetailsSchema),
      },
    },
    paths: {
      "/migrations": {
        post: {
          operationId: "createMigration",
          summary: "Exchange the Embedded Signup code, check the grant, start the migration",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 200 },
            },
          ],
          requestBody: { required: true, ...json("CreateMigrationRequest") },
          responses: {
            "201": {
              description: "Created (or replayed for the same Idempotency-Key)",
              ...json("Migration"),
            },
            ...errors,
            "403": problem("asset_not_granted"),
            "409": problem("idempotency_conflict"),
            "422": problem("assets_not_found"),
            "429": problem("rate_limited"),
            "502": problem("Graph failed (graph_error, ...)"),
          },
        },
        get: {
          operationId: "listMigrations",
          summary: "The tenant's migrations, newest first",
          parameters: queryParams(ListMigrationsQuerySchema),
          responses: { "200": { description: "A page", ...json("MigrationList") }, ...errors },
        },
      },
      "/migrations/{id}": {
        get: {
          operationId: "getMigration",
          parameters: [idParam],
          responses: { "200": { description: "The migration", ...json("Migration") }, ...errors },
        },
      },
      "/migrations/{id}/events": {
        get: {
          operationId: "migrationEvents",
          summary:
            "Server-Sent Events: `migration` events carrying the whole Migration; id = version (Last-Event-ID honoured)",
          parameters: [
            idParam,
            { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "An event stream",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            ...errors,
          },
        },
      },
      "/migrations/{id}/retry": {
        post: {
          operationId: "retryMigration",
          parameters: [idParam],
          responses: {
            "200": { description: "Completed already: nothing to retry", ...json("Migration") },
            "202": { description: "Retry started", ...json("Migration") },
            ...errors,
            "409": problem("migration_running"),
          },
        },
      },
      "/migrations/{id}/templates": {
        post: {
          operationId: "migrateTemplates",
          parameters: [idParam],
          requestBody: { required: false, ...json("MigrateTemplatesRequest") },
          responses: {
            "200": { description: "The updated report", ...json("Migration") },
            ...errors,
            "409": problem("migration_running"),
          },
        },
      },
      "/signup-events": {
        post: {
          operationId: "postSignupEvent",
          requestBody: { required: true, ...json("SignupEventRequest") },
          responses: { "201": { description: "Stored", ...json("SignupEvent") }, ...errors },
        },
        get: {
          operationId: "listSignupEvents",
          parameters: queryParams(ListSignupEventsQuerySchema),
          responses: {
            "200": {
              description: "Newest first",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { data: { type: "array", items: ref("SignupEvent") } },
                  },
                },
              },
            },
          },
        },
      },
      "/webhook-events": {
        get: {
          operationId: "listWebhookEvents",
          summary: "Stored webhook changes (account_update and template updates), newest first",
          parameters: queryParams(ListWebhookEventsQuerySchema),
          responses: { "200": { description: "Newest first" }, ...errors },
        },
      },
      "/webhooks": {
        get: {
          operationId: "verifyWebhook",
          summary: "Meta's hub challenge",
          responses: {
            "200": {
              description: "The challenge",
              content: { "text/plain": { schema: { type: "string" } } },
            },
            "403": problem("forbidden: the verify token does not match"),
          },
        },
        post: {
          operationId: "receiveWebhook",
          summary: "Meta's signed webhook POST (X-Hub-Signature-256)",
          responses: {
            "200": { description: "Stored" },
            "401": problem("invalid_signature"),
            "413": problem("payload_too_large"),
          },
        },
      },
      "/health": {
        get: {
          operationId: "health",
          responses: {
            "200": { description: "ok", ...json("Health") },
            "503": { description: "degraded", ...json("Health") },
          },
        },
      },
      "/doctor": {
        get: {
          operationId: "doctor",
          responses: { "200": { description: "Checks", ...json("Doctor") } },
        },
      },
      "/openapi.json": {
        get: { operationId: "openapi", responses: { "200": { description: "This document" } } },
      },
    },
  };
}
