import * as z from "zod/mini";
import { PagingSchema } from "./common.js";
import { QualityRatingSchema, TemplateCategorySchema, TemplateStatusSchema } from "./enums.js";

/**
 * A template's quality: an object `{ score, date }` in API responses.
 *
 * @example
 * TemplateQualityScoreSchema.parse({ score: "GREEN", date: 1733299200 });
 */
export const TemplateQualityScoreSchema = z.object({
  score: QualityRatingSchema,
  date: z.optional(z.number()),
});

/**
 * One message template as `GET /{waba-id}/message_templates` lists it.
 *
 * @example
 * MessageTemplateSchema.parse({ id: "1192339204654487", name: "hello_world", language: "en_US", status: "APPROVED", category: "MARKETING" });
 */
export const MessageTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: TemplateStatusSchema,
  category: TemplateCategorySchema,
  quality_score: z.optional(TemplateQualityScoreSchema),
  rejected_reason: z.optional(z.string()),
  components: z.optional(z.array(z.looseObject({ type: z.string() }))),
  parameter_format: z.optional(z.string()),
  sub_category: z.optional(z.string()),
  previous_category: z.optional(z.string()),
});
/**
 * See {@link MessageTemplateSchema}.
 *
 * @example
 * const eligible = (t: MessageTemplate) => t.status === "APPROVED" && t.quality_score?.score === "GREEN";
 */
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

/**
 * A page of {@link MessageTemplateSchema}.
 *
 * @example
 * const { data, paging } = MessageTemplateListSchema.parse(await response.json());
 */
export const MessageTemplateListSchema = z.object({
  data: z.array(MessageTemplateSchema),
  paging: z.optional(PagingSchema),
});
/**
 * See {@link MessageTemplateListSchema}.
 *
 * @example
 * const names = (page: MessageTemplateList) => page.data.map((t) => `${t.name}/${t.language}`);
 */
export type MessageTemplateList = z.infer<typeof MessageTemplateListSchema>;

// id → reason. Meta's syntax block writes `failed_templates` as an array, its example as a map
// (facts §2.3): an array (empty, or of such maps) is read as the map it stands for.
const FailedTemplatesSchema = z.union([
  z.record(z.string(), z.string()),
  z.pipe(
    z.array(z.record(z.string(), z.string())),
    z.transform((maps): Record<string, string> => Object.assign({}, ...maps)),
  ),
]);

/**
 * `POST /{dest-waba}/migrate_message_templates` answer: ids copied, and failures as a map id →
 * reason (Meta's syntax block writes it as an array, e.g. `[]` when nothing failed; the example
 * and real answers are a map; either is parsed into the map).
 *
 * @example
 * MigrateTemplatesResponseSchema.parse({ migrated_templates: ["1"], failed_templates: [] }).failed_templates; // {}
 */
export const MigrateTemplatesResponseSchema = z.object({
  // Graph leaves out a list with nothing in it, as it does elsewhere.
  migrated_templates: z.optional(z.array(z.string())),
  failed_templates: z.optional(FailedTemplatesSchema),
});
/**
 * See {@link MigrateTemplatesResponseSchema}.
 *
 * @example
 * const failed = Object.entries((answer as MigrateTemplatesResponse).failed_templates ?? {}); // [id, reason][]
 */
export type MigrateTemplatesResponse = z.infer<typeof MigrateTemplatesResponseSchema>;

/**
 * The page size Meta documents for `migrate_message_templates` (the `count` maximum).
 *
 * @example
 * const pages = Math.ceil(eligible.length / TEMPLATE_MIGRATION_PAGE_SIZE);
 */
export const TEMPLATE_MIGRATION_PAGE_SIZE = 500;
