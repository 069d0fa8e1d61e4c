import * as z from "zod/mini";
import { ES_STEP_NAME } from "./browser/parse-embedded-signup-message.js";
import { MigrationSchema, MigrationStatusSchema } from "./migration.js";

// Request and response bodies of the BFF's HTTP API. Requests are strict (unknown fields refused);
// responses are what the BFF sends and the browser client reads.

/**
 * A Graph node id: a numeric string.
 *
 * @example
 * GraphIdSchema.parse("106540352242922"); // throws for "abc"
 */
export const GraphIdSchema = z.string().check(z.regex(/^\d{1,32}$/));

/**
 * `POST /migrations`: what the browser hands over after Embedded Signup. Only `code` is required:
 * when the popup's message never arrived, the BFF discovers the WABA and the number from the token.
 *
 * @example
 * CreateMigrationRequestSchema.parse({ code: "AQB...", wabaId: "524126980791429", phoneNumberId: "106540352242922", businessId: "2729063490586005" });
 */
export const CreateMigrationRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(2048)),
  wabaId: z.optional(GraphIdSchema),
  phoneNumberId: z.optional(GraphIdSchema),
  businessId: z.optional(GraphIdSchema),
  sourceWabaId: z.optional(GraphIdSchema),
  /**
   * The Login dialog's `redirect_uri` when the code came back through the full-page fallback
   * instead of `FB.login`'s popup: Meta binds such a code to it, and the exchange must repeat it
   * exactly (absolute http(s), no fragment, as OAuth requires).
   */
  redirectUri: z.optional(z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^\s#]+$/))),
});
/**
 * See {@link CreateMigrationRequestSchema}.
 *
 * @example
 * const request: CreateMigrationRequest = { code, wabaId: "524126980791429", phoneNumberId: "106540352242922" };
 */
export type CreateMigrationRequest = z.infer<typeof CreateMigrationRequestSchema>;

/**
 * `GET /migrations?status=&cursor=&limit=` query.
 *
 * @example
 * ListMigrationsQuerySchema.parse({ status: "running" });
 */
export const ListMigrationsQuerySchema = z.strictObject({
  status: z.optional(MigrationStatusSchema),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|100)$/))),
});
/**
 * See {@link ListMigrationsQuerySchema}.
 *
 * @example
 * const query: ListMigrationsQuery = { status: "failed", limit: "50" };
 */
export type ListMigrationsQuery = z.infer<typeof ListMigrationsQuerySchema>;

/**
 * `GET /migrations` answer: newest first, `nextCursor` null on the last page.
 *
 * @example
 * const { data, nextCursor } = MigrationListResponseSchema.parse(await (await fetch("/wa/migrations")).json());
 */
export const MigrationListResponseSchema = z.object({
  data: z.array(MigrationSchema),
  nextCursor: z.nullable(z.string()),
});
/**
 * See {@link MigrationListResponseSchema}.
 *
 * @example
 * const page: MigrationListResponse = { data: [], nextCursor: null };
 */
export type MigrationListResponse = z.infer<typeof MigrationListResponseSchema>;

/**
 * `POST /migrations/:id/templates`: copy templates by hand (all eligible ones, or these ids).
 *
 * @example
 * MigrateTemplatesRequestSchema.parse({ templateIds: ["35002248699842"] });
 */
export const MigrateTemplatesRequestSchema = z.strictObject({
  templateIds: z.optional(z.array(GraphIdSchema).check(z.minLength(1), z.maxLength(500))),
});
/**
 * See {@link MigrateTemplatesRequestSchema}.
 *
 * @example
 * const body: MigrateTemplatesRequest = { templateIds: ["35002248699842"] };
 */
export type MigrateTemplatesRequest = z.infer<typeof MigrateTemplatesRequestSchema>;

/**
 * `POST /signup-events`: an Embedded Signup CANCEL (either shape) for session logging, with the
 * migration it belongs to when the browser knows it.
 *
 * @example
 * SignupEventRequestSchema.parse({ event: "CANCEL", currentStep: "PHONE_NUMBER_SETUP" });
 */
export const SignupEventRequestSchema = z.strictObject({
  event: z.enum(["CANCEL", "ERROR", "POPUP_BLOCKED", "POPUP_CLOSED", "TIMEOUT"]),
  // Meta's screen names as the popup sent them: later screens than `ES_STEPS` are logged too.
  currentStep: z.optional(z.string().check(z.regex(ES_STEP_NAME))),
  errorMessage: z.optional(z.string().check(z.maxLength(2000))),
  errorId: z.optional(z.string().check(z.maxLength(100))),
  sessionId: z.optional(z.string().check(z.maxLength(200))),
  timestamp: z.optional(z.string().check(z.maxLength(30))),
  migrationId: z.optional(z.string().check(z.maxLength(100))),
});
/**
 * See {@link SignupEventRequestSchema}.
 *
 * @example
 * const event: SignupEventRequest = { event: "POPUP_BLOCKED", migrationId: "mig_1" };
 */
export type SignupEventRequest = z.infer<typeof SignupEventRequestSchema>;

/**
 * A stored signup event as operators list it.
 *
 * @example
 * const { data } = z.object({ data: z.array(SignupEventSchema) }).parse(await (await fetch("/wa/signup-events")).json());
 */
export const SignupEventSchema = z.object({
  id: z.string(),
  event: z.string(),
  currentStep: z.nullable(z.string()),
  errorMessage: z.nullable(z.string()),
  errorId: z.nullable(z.string()),
  sessionId: z.nullable(z.string()),
  migrationId: z.nullable(z.string()),
  receivedAt: z.string(),
});
/**
 * See {@link SignupEventSchema}.
 *
 * @example
 * const cancels = (events as SignupEvent[]).filter((e) => e.event === "CANCEL");
 */
export type SignupEvent = z.infer<typeof SignupEventSchema>;

/**
 * A stored webhook change as operators list it.
 *
 * @example
 * const { data } = z.object({ data: z.array(WebhookEventSchema) }).parse(await (await fetch("/wa/webhook-events")).json());
 */
export const WebhookEventSchema = z.object({
  id: z.string(),
  field: z.string(),
  wabaId: z.string(),
  migrationId: z.nullable(z.string()),
  value: z.unknown(),
  receivedAt: z.string(),
});
/**
 * See {@link WebhookEventSchema}.
 *
 * @example
 * const templateChanges = (events as WebhookEvent[]).filter((e) => e.field === "message_template_status_update");
 */
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

/**
 * `GET /health` answer.
 *
 * @example
 * HealthResponseSchema.parse({ status: "degraded", store: true, graph: false });
 */
export const HealthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  store: z.boolean(),
  graph: z.boolean(),
});
/**
 * See {@link HealthResponseSchema}.
 *
 * @example
 * const health: HealthResponse = await (await fetch("/wa/health")).json(); // 503 when not "ok"
 */
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/**
 * One check of `GET /doctor`.
 *
 * @example
 * DoctorCheckSchema.parse({ id: "credit_line", ok: false, message: "...", remedy: "Set META_CREDIT_LINE_ID ..." });
 */
export const DoctorCheckSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  message: z.string(),
  remedy: z.optional(z.string()),
});
/**
 * `GET /doctor` answer: every check, and whether all passed.
 *
 * @example
 * const { ok, checks } = DoctorResponseSchema.parse(await (await fetch("/wa/doctor")).json());
 */
export const DoctorResponseSchema = z.object({
  ok: z.boolean(),
  checks: z.array(DoctorCheckSchema),
});
/**
 * See {@link DoctorResponseSchema}.
 *
 * @example
 * const failing = (report as DoctorResponse).checks.filter((c) => !c.ok).map((c) => c.remedy);
 */
export type DoctorResponse = z.infer<typeof DoctorResponseSchema>;

/**
 * Server-Sent Events of `GET /migrations/:id/events`: every event is named `migration` and carries
 * the whole {@link MigrationSchema} record; its `id` is a version number for `Last-Event-ID`.
 *
 * @example
 * new EventSource("/wa/migrations/mig_1/events").addEventListener(SSE_MIGRATION_EVENT, (e) => render(JSON.parse(e.data)));
 */
export const SSE_MIGRATION_EVENT = "migration";
