import type { Context } from "hono";
import type * as z from "zod/mini";
import { BffError } from "../errors/bff-error.js";
import { unstorableAt } from "./unstorable-at.js";

/**
 * Field problems of a failed zod parse, as `{ path, message }` lines for `validation_failed`.
 *
 * @example
 * issuesOf(result.error); // [{ path: "wabaId", message: "Invalid string" }]
 */
export function issuesOf(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const keys = "keys" in issue && Array.isArray(issue.keys) ? `.${issue.keys.join(",")}` : "";
    return { path: `${issue.path.join(".")}${keys}` || "(body)", message: issue.message };
  });
}

/**
 * Parses `value` with `schema` or throws `validation_failed` naming every bad or unknown field.
 *
 * @example
 * const query = parseWith(ListMigrationsQuerySchema, c.req.query());
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BffError("validation_failed", { errors: issuesOf(result.error) });
  return result.data;
}

/**
 * Reads a JSON request body and validates it (strict schemas refuse unknown fields). A missing or
 * non-JSON content type is 415, unreadable JSON is 400, and so is a string the journal cannot keep
 * (U+0000, a lone surrogate). The size limit runs before this.
 *
 * @example
 * const body = await readJson(c, CreateMigrationRequestSchema);
 */
export async function readJson<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw new BffError("unsupported_media_type");
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch (cause) {
    throw new BffError("validation_failed", {
      detail: "The body is not valid JSON.",
      errors: [{ path: "(body)", message: "invalid JSON" }],
      cause,
    });
  }
  const body = parseWith(schema, value);
  // After the schema: strict schemas have refused anything nested deeper than their fields.
  const at = unstorableAt(body);
  if (at !== null) {
    throw new BffError("validation_failed", {
      errors: [{ path: at, message: "contains U+0000 or a broken UTF-16 surrogate" }],
    });
  }
  return body;
}
