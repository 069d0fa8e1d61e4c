import { GraphError, invalidParam, missingParam } from "./graph-error.js";

/** Request parameters merged from the query string and the body (JSON, form or multipart). */
export type Params = Record<string, unknown>;

const MAX_BODY = 1_000_000;

/**
 * Reads every parameter the way Graph does: query string first, then the body, whatever its
 * content type. Malformed bodies become Graph's #100 error, never an exception.
 *
 * @example
 * const params = await readParams(request, new URL(request.url));
 * str(params, "waba_id");
 */
export async function readParams(request: Request, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  if (request.method === "GET" || request.method === "HEAD") return params;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  let text: string;
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      for (const [key, value] of form) if (typeof value === "string") params[key] = value;
      return params;
    }
    text = await request.text();
  } catch (cause) {
    throw new GraphError(
      { code: 100, message: "(#100) Could not read the request body" },
      { cause },
    );
  }
  if (text.length > MAX_BODY) throw invalidParam("body", "is too large");
  if (text.trim() === "") return params;
  if (type.includes("json") || (!type && /^\s*[{[]/.test(text))) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new GraphError(
        { code: 100, message: "(#100) Invalid JSON in the request body", type: "OAuthException" },
        { cause },
      );
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      throw invalidParam("body", "must be a JSON object");
    }
    return { ...params, ...(body as Params) };
  }
  for (const [key, value] of new URLSearchParams(text)) params[key] = value;
  return params;
}

/**
 * The bearer token or `access_token` parameter (Graph accepts both).
 *
 * @example
 * tokenOf(request, params); // "EAAG..." or undefined
 */
export function tokenOf(request: Request, params: Params): string | undefined {
  const header = request.headers.get("authorization");
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  if (match?.[1]) return match[1];
  const value = params.access_token;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A string parameter (numbers are accepted as Graph does), or undefined. */
export function str(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalidParam(name, "must be a string");
}

/** A required string parameter. */
export function requireStr(params: Params, name: string): string {
  const value = str(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

/** A boolean parameter (`true`, `"true"`, `"1"`). */
export function bool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (value === true || value === "true" || value === "1" || value === 1) return true;
  if (value === false || value === "false" || value === "0" || value === 0) return false;
  throw invalidParam(name, "must be a boolean");
}

/** A non-negative integer parameter. */
export function uint(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  const n =
    typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) throw invalidParam(name, "must be a non-negative integer");
  return n;
}

/** A list parameter: a JSON array, a JSON-encoded array string, or comma-separated values. */
export function list(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  let items: unknown = value;
  if (typeof value === "string") {
    if (value.trim().startsWith("[")) {
      try {
        // Meta's own examples quote list items with single quotes (`tasks=['MANAGE']`).
        items = JSON.parse(/^\s*\['/.test(value) ? value.replaceAll("'", '"') : value);
      } catch (cause) {
        throw new GraphError(
          { code: 100, message: `(#100) Param ${name} must be an array` },
          { cause },
        );
      }
    } else items = value.split(",").map((s) => s.trim());
  }
  if (!Array.isArray(items)) throw invalidParam(name, "must be an array");
  return items.map((item) => {
    if (typeof item === "string" || typeof item === "number") return String(item);
    throw invalidParam(name, "must be an array of strings");
  });
}
