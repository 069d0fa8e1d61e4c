import { GraphError } from "./graph-error.js";

/** Field name → value producer for one node type. */
export type FieldMap = Record<string, () => unknown>;

/**
 * Splits Graph's `fields` parameter, dropping nested selections and modifiers
 * (`owner_business_info{name}`, `templates.limit(5)`), which the sandbox answers in full.
 *
 * @example
 * parseFields("id,owner_business_info{name},name"); // ["id", "owner_business_info", "name"]
 */
export function parseFields(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "{" || ch === "(") depth += 1;
    else if (ch === "}" || ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      out.push(current);
      current = "";
      continue;
    }
    if (depth === 0 && ch !== "}" && ch !== ")") current += ch;
  }
  out.push(current);
  return out.map((f) => f.trim().replace(/\..*$/, "")).filter((f) => f !== "");
}

/**
 * Renders a node with the requested fields (or the defaults), `id` always included. An unknown
 * field is Graph's #100 "Tried accessing nonexisting field".
 *
 * @example
 * selectFields("name", ["id"], { id: () => "1", name: () => "Lucky Shrub" }, "WhatsAppBusinessAccount");
 */
export function selectFields(
  requested: string | undefined,
  defaults: readonly string[],
  available: FieldMap,
  nodeType: string,
): Record<string, unknown> {
  const names = requested === undefined ? [...defaults] : parseFields(requested);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const produce = available[name];
    if (!produce) {
      throw new GraphError({
        code: 100,
        type: "OAuthException",
        message: `(#100) Tried accessing nonexisting field (${name}) on node type (${nodeType})`,
      });
    }
    const value = produce();
    // Graph leaves out fields that have no value rather than sending null.
    if (value !== undefined) out[name] = value;
  }
  if (!("id" in out) && available.id) out.id = available.id();
  return out;
}

/**
 * Field producers for fields Meta's codegen lists but the sandbox does not model: accepted in
 * `fields`, left out of the answer (as Graph leaves out fields without a value).
 *
 * @example
 * const fields = { id: () => "1", ...unmodelled(["balance"]) };
 */
export function unmodelled(names: readonly string[]): FieldMap {
  return Object.fromEntries(names.map((name) => [name, () => undefined]));
}
