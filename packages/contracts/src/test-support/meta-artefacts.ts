import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";

// Test-only loaders for Meta's own artefacts in ../shared/meta-openapi (never published).
// They are read, never written; defects are patched in memory, each with its reason.

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../../..");

/**
 * Where Meta's artefacts live: `WA_MIGRATE_SHARED_DIR`, else `shared/` beside the repository
 * (CI clones the repo next to it), else undefined (a fresh clone elsewhere: the tests say so and skip).
 */
export function findSharedDir(): string | undefined {
  const candidates = [
    process.env.WA_MIGRATE_SHARED_DIR,
    join(repoRoot, "../shared"),
    "/work/shared",
  ];
  return candidates.find(
    (dir): dir is string => !!dir && existsSync(join(dir, "meta-openapi", "README.md")),
  );
}

/** The reason shown when the artefacts are absent. */
export const SHARED_MISSING =
  "Meta's artefacts (../shared/meta-openapi) are not beside this clone; set WA_MIGRATE_SHARED_DIR";

function sharedPath(...parts: string[]): string {
  const dir = findSharedDir();
  if (!dir) throw new Error(SHARED_MISSING);
  return join(dir, "meta-openapi", ...parts);
}

type Json = Record<string, unknown>;
let openApiCache: Json | undefined;

/** Meta's OpenAPI v23.0 document, parsed once, with its one invalid key removed (README defect 1). */
export function loadOpenApi(): Json {
  if (!openApiCache) {
    const doc = parseYaml(
      readFileSync(sharedPath("facebook-openapi", "business-messaging-api_v23.0.yaml"), "utf8"),
    ) as Json;
    // `components.parameterGroups` is not OpenAPI; strict tools reject the whole document for it.
    delete (doc.components as Json).parameterGroups;
    openApiCache = doc;
  }
  return openApiCache;
}

interface Operation {
  method: string;
  path: string;
  pointer: string;
  op: Json;
}

/** Finds an operation by operationId (Graph paths are node-based, so never by path). */
export function openApiOperation(operationId: string): Operation {
  const paths = loadOpenApi().paths as Record<string, Record<string, Json>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === "object" && op.operationId === operationId) {
        const escaped = path.replaceAll("~", "~0").replaceAll("/", "~1");
        return { method, path, op, pointer: `#/paths/${escaped}/${method}` };
      }
    }
  }
  throw new Error(`operationId ${operationId} not in Meta's OpenAPI`);
}

/** The examples Meta embedded for one response of an operation. */
export function openApiExamples(operationId: string, status: string): unknown[] {
  const { op } = openApiOperation(operationId);
  const responses = op.responses as Record<string, Json>;
  const content = (responses[status]?.content as Record<string, Json> | undefined)?.[
    "application/json"
  ];
  const examples = (content?.examples ?? {}) as Record<string, { value?: unknown }>;
  const values = Object.values(examples).map((e) => e.value);
  // Some responses carry one `example` instead of named `examples`.
  return content && "example" in content ? [...values, content.example] : values;
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
function getAjv(): InstanceType<typeof Ajv2020> {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema(loadOpenApi(), "meta-openapi");
  }
  return ajv;
}

/** A JSON pointer to an operation's schema part. */
function validateAt(pointer: string, value: unknown): string[] {
  const validate = getAjv().getSchema(`meta-openapi${pointer}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/**
 * Validates a response body against Meta's schema for `operationId` and HTTP `status`.
 * Returns the list of violations (empty: valid).
 *
 * @example
 * expect(validateOpenApiResponse("registerWhatsAppBusinessPhoneNumber", 200, { success: true })).toEqual([]);
 */
export function validateOpenApiResponse(
  operationId: string,
  status: number,
  body: unknown,
): string[] {
  const { op, pointer } = openApiOperation(operationId);
  const responses = op.responses as Record<string, unknown>;
  const key = String(status) in responses ? String(status) : "default";
  if (!(key in responses)) return [`status ${status} is not declared for ${operationId}`];
  return validateAt(`${pointer}/responses/${key}/content/application~1json/schema`, body);
}

/** Validates a JSON request body against Meta's schema for `operationId`. */
export function validateOpenApiRequestBody(operationId: string, body: unknown): string[] {
  const { op, pointer } = openApiOperation(operationId);
  if (!op.requestBody) return body === undefined ? [] : [`${operationId} declares no body`];
  return validateAt(`${pointer}/requestBody/content/application~1json/schema`, body);
}

/**
 * Validates the query parameters of a request against the ones Meta's schema declares for
 * `operationId` (values coerced from the URL's strings where the schema says integer or boolean).
 * Parameters the operation does not declare are not judged: Graph takes more than the yaml lists.
 *
 * @example
 * expect(validateOpenApiQuery("getWhatsAppBusinessAccountDetails", { fields: "id,phone_numbers{id}" })).toEqual([]);
 */
export function validateOpenApiQuery(operationId: string, query: Record<string, string>): string[] {
  const { op, pointer } = openApiOperation(operationId);
  const declared = (op.parameters ?? []) as { name?: string; in?: string; schema?: Json }[];
  const out: string[] = [];
  declared.forEach((param, index) => {
    if (param.in !== "query" || !param.name || !(param.name in query)) return;
    const raw = query[param.name] as string;
    const type = param.schema?.type;
    const value =
      type === "integer" || type === "number"
        ? Number(raw)
        : type === "boolean"
          ? raw === "true"
          : raw;
    for (const v of validateAt(`${pointer}/parameters/${index}/schema`, value))
      out.push(`query ${param.name}: ${v}`);
  });
  return out;
}

/** Every enum value Meta's OpenAPI declares anywhere, for "is this value known to Meta" checks. */
export function openApiEnumValues(): Set<string> {
  const values = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "enum" && Array.isArray(v)) for (const x of v) values.add(String(x));
        else walk(v);
      }
    }
  };
  walk(loadOpenApi());
  return values;
}

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { method: string; body?: { raw?: string } };
  response?: { code?: number; body?: string }[];
}

/** Saved example responses of the Postman request named `name` (Meta's "WhatsApp Cloud API" collection). */
export function postmanExamples(name: string): { code: number | undefined; body: unknown }[] {
  const collection = JSON.parse(
    readFileSync(
      sharedPath("whatsapp-flows-tools-postman", "whatsapp-cloud-api.postman_collection.json"),
      "utf8",
    ),
  ) as { item: PostmanItem[] };
  const found: PostmanItem[] = [];
  const walk = (items: PostmanItem[]): void => {
    for (const it of items) {
      if (it.item) walk(it.item);
      else if (it.name === name) found.push(it);
    }
  };
  walk(collection.item);
  if (found.length === 0) throw new Error(`Postman request "${name}" not found`);
  return found.flatMap((it) =>
    (it.response ?? []).map((r) => ({ code: r.code, body: JSON.parse(r.body ?? "null") })),
  );
}

interface CodegenSpec {
  apis: {
    method: string;
    endpoint: string;
    params: { name: string; type: string; required?: boolean }[];
  }[];
  fields: { name: string; type: string }[];
}

/** One node spec of Meta's Business SDK codegen (e.g. `WhatsAppBusinessAccount`). */
export function codegenSpec(node: string): CodegenSpec {
  return JSON.parse(
    readFileSync(
      sharedPath("facebook-business-sdk-codegen", "api_specs", "specs", `${node}.json`),
      "utf8",
    ),
  ) as CodegenSpec;
}

/** The values of an enum in the codegen's `enum_types.json` (e.g. `WhatsAppBusinessAccount_status`). */
export function codegenEnum(name: string): string[] {
  const all = JSON.parse(
    readFileSync(
      sharedPath("facebook-business-sdk-codegen", "api_specs", "specs", "enum_types.json"),
      "utf8",
    ),
  ) as { name: string; values: string[] }[];
  const found = all.find((e) => e.name === name);
  if (!found) throw new Error(`codegen enum ${name} not found`);
  return found.values;
}
