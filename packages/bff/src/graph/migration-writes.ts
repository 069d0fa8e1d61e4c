import {
  MessageTemplateListSchema,
  MigrateTemplatesResponseSchema,
  SubscribedAppsResponseSchema,
  SuccessResponseSchema,
} from "@wa-migrate/contracts";
import { PAGE_SIZE, TEMPLATE_FIELDS } from "./graph-fields.js";
import type { GraphTransport } from "./graph-transport.js";

/** The operation name of `register` in Graph errors: the one write Meta counts per number. */
export const REGISTER_OPERATION = "POST /{phone}/register";

/**
 * The calls that move the number, with the business token: the webhook subscription, the templates
 * (listed, then copied) and `register`, the cutover. Each write that Meta counts or that may have
 * landed before a timeout is marked not idempotent, so the transport never resends it blindly.
 *
 * @example
 * const writes = createMigrationWrites(createGraphTransport({ fetch }));
 * await writes.register(phoneId, businessToken, pin);
 */
export function createMigrationWrites(send: GraphTransport) {
  return {
    listSubscribedApps: (wabaId: string, token: string) =>
      send({
        method: "GET",
        path: `${wabaId}/subscribed_apps`,
        operation: "GET /{waba}/subscribed_apps",
        token,
        schema: SubscribedAppsResponseSchema,
      }),
    /** Plain subscription without a body, or with an override callback. */
    subscribeApp: (
      wabaId: string,
      token: string,
      override?: { callbackUri: string; verifyToken: string },
    ) =>
      send({
        method: "POST",
        path: `${wabaId}/subscribed_apps`,
        operation: "POST /{waba}/subscribed_apps",
        token,
        body: override
          ? { override_callback_uri: override.callbackUri, verify_token: override.verifyToken }
          : undefined,
        schema: SuccessResponseSchema,
      }),
    listTemplates: (wabaId: string, token: string, after?: string) =>
      send({
        method: "GET",
        path: `${wabaId}/message_templates`,
        operation: "GET /{waba}/message_templates",
        token,
        query: { fields: TEMPLATE_FIELDS, limit: PAGE_SIZE, after },
        schema: MessageTemplateListSchema,
      }),
    /** One page (<= 500 ids) of `migrate_message_templates` into `destWabaId`. */
    migrateTemplates: (
      destWabaId: string,
      token: string,
      sourceWabaId: string,
      templateIds: string[],
    ) =>
      send({
        method: "POST",
        path: `${destWabaId}/migrate_message_templates`,
        operation: "POST /{waba}/migrate_message_templates",
        token,
        body: { source_waba_id: sourceWabaId, template_ids: templateIds },
        schema: MigrateTemplatesResponseSchema,
        // After a timeout Meta may have copied the page: a blind resend would report those
        // templates as failed. The step's next attempt lists what arrived, then sends the rest.
        idempotent: false,
      }),
    register: (phoneId: string, token: string, pin: string) =>
      send({
        method: "POST",
        path: `${phoneId}/register`,
        operation: REGISTER_OPERATION,
        token,
        body: { messaging_product: "whatsapp", pin },
        schema: SuccessResponseSchema,
        idempotent: false,
      }),
  };
}
