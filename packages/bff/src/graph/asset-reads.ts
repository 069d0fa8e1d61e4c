import {
  BusinessSchema,
  DebugTokenResponseSchema,
  PHONE_SNAPSHOT_FIELDS,
  PhoneNumberListSchema,
  PhoneNumberSchema,
  TokenExchangeResponseSchema,
  WabaSchema,
  WabasByIdSchema,
  WabaWithEdgesSchema,
} from "@wa-migrate/contracts";
import type { GraphClientOptions } from "./graph-client.js";
import { DESTINATION_FIELDS, PAGE_SIZE, sourceFields, WABA_FIELDS } from "./graph-fields.js";
import type { GraphTransport } from "./graph-transport.js";

/**
 * The reads of a migration's assets: the code exchange, token inspection, and the customer's
 * numbers, accounts and business, each with the token passed in (mostly the business token).
 *
 * @example
 * const reads = createAssetReads(createGraphTransport({ fetch }), options);
 * const phone = await reads.getPhone(phoneId, businessToken);
 */
export function createAssetReads(send: GraphTransport, options: GraphClientOptions) {
  const sys = options.systemToken;
  return {
    /**
     * `GET /oauth/access_token`: the Embedded Signup code for a business token. Retried on transient
     * errors: a code Meta already used then answers 36009 (code_used). `redirectUri` only for a code
     * from the Login dialog as a full page, which Meta binds to it (`FB.login` codes need none).
     */
    exchangeCode: (code: string, redirectUri?: string) =>
      send({
        method: "GET",
        path: "oauth/access_token",
        operation: "GET /oauth/access_token",
        query: {
          client_id: options.appId,
          client_secret: options.appSecret,
          code,
          ...(redirectUri === undefined ? {} : { redirect_uri: redirectUri }),
        },
        schema: TokenExchangeResponseSchema,
      }),
    /** `GET /debug_token` of `inputToken`, asked with the system token. */
    debugToken: (inputToken: string, token = sys) =>
      send({
        method: "GET",
        path: "debug_token",
        operation: "GET /debug_token",
        token,
        query: { input_token: inputToken },
        schema: DebugTokenResponseSchema,
      }),
    getPhone: (phoneId: string, token: string, fields: readonly string[] = PHONE_SNAPSHOT_FIELDS) =>
      send({
        method: "GET",
        path: phoneId,
        operation: "GET /{phone}",
        token,
        query: { fields: fields.join(",") },
        schema: PhoneNumberSchema,
      }),
    /** A page of `GET /{waba}/phone_numbers`: the pages after an expanded read's first one. */
    listPhones: (
      wabaId: string,
      token: string,
      after?: string,
      fields: readonly string[] = PHONE_SNAPSHOT_FIELDS,
    ) =>
      send({
        method: "GET",
        path: `${wabaId}/phone_numbers`,
        operation: "GET /{waba}/phone_numbers",
        token,
        query: { fields: fields.join(","), limit: PAGE_SIZE, ...(after ? { after } : {}) },
        schema: PhoneNumberListSchema,
      }),
    /** `GET /{waba}` with its fields and the first page of its numbers (field expansion). */
    getDestination: (wabaId: string, token: string) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: DESTINATION_FIELDS },
        schema: WabaWithEdgesSchema,
      }),
    /** `GET /{waba}` of a source: fields, first page of templates (and of number ids), one call. */
    getSource: (wabaId: string, token: string, withPhones: boolean) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: sourceFields(withPhones) },
        schema: WabaWithEdgesSchema,
      }),
    /**
     * `GET /?ids=a,b&fields=...`: several candidate sources in one call (Graph's multiple-id read,
     * at most 50 ids). Graph fails the whole read when one id cannot be read.
     */
    getSources: (wabaIds: readonly string[], token: string) =>
      send({
        method: "GET",
        path: "",
        operation: "GET /?ids={waba,...}",
        token,
        query: { ids: wabaIds.join(","), fields: sourceFields(true) },
        schema: WabasByIdSchema,
      }),
    getWaba: (wabaId: string, token: string, fields: readonly string[] = WABA_FIELDS) =>
      send({
        method: "GET",
        path: wabaId,
        operation: "GET /{waba}",
        token,
        query: { fields: fields.join(",") },
        schema: WabaSchema,
      }),
    getBusiness: (businessId: string, token: string) =>
      send({
        method: "GET",
        path: businessId,
        operation: "GET /{business}",
        token,
        query: { fields: "id,name,verification_status" },
        schema: BusinessSchema,
      }),
  };
}
