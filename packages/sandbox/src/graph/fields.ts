import { type FieldSelection, parseFieldSelection } from "./field-expansion.js";
import { GraphError } from "./graph-error.js";

/** Field name → value producer for one node type. */
export type FieldMap = Record<string, () => unknown>;

/** What a nested edge selection asks for: the nested `fields` and the `.limit(n)`, when given. */
export interface EdgeSelection {
  fields: string | undefined;
  limit: number | undefined;
}

/**
 * Edge name → renderer of one page of it (`{data, paging}`), for field expansion. Undefined
 * means the edge has nothing to list: Graph leaves such an edge out of the answer.
 */
export type EdgeMap = Record<string, (selection: EdgeSelection) => unknown>;

/**
 * The top-level names of Graph's `fields` parameter, nested selections and modifiers dropped
 * (`owner_business_info{name}` → `owner_business_info`, `phone_numbers.limit(5){id}` → `phone_numbers`).
 *
 * @example
 * parseFields("id,owner_business_info{name},name"); // ["id", "owner_business_info", "name"]
 */
export function parseFields(raw: string): string[] {
  return parseFieldSelection(raw).map((f) => f.name);
}

function nonexistingField(name: string, nodeType: string): GraphError {
  return new GraphError({
    code: 100,
    type: "OAuthException",
    message: `(#100) Tried accessing nonexisting field (${name}) on node type (${nodeType})`,
  });
}

/**
 * Renders a node with the requested fields (or the defaults), `id` always included. An unknown
 * field is Graph's #100 "Tried accessing nonexisting field". Names in `edges` are the node's
 * edges, expanded as Graph's field expansion does (`phone_numbers.limit(10){id}` → a page of
 * `{data, paging}`, one call); nested selections of plain fields are answered in full.
 *
 * @example
 * selectFields("name", ["id"], { id: () => "1", name: () => "Lucky Shrub" }, "WhatsAppBusinessAccount");
 */
export function selectFields(
  requested: string | undefined,
  defaults: readonly string[],
  available: FieldMap,
  nodeType: string,
  edges: EdgeMap = {},
): Record<string, unknown> {
  const selections =
    requested === undefined
      ? defaults.map((name) => ({ name }) as FieldSelection)
      : parseFieldSelection(requested);
  const out: Record<string, unknown> = {};
  for (const selection of selections) {
    const { name } = selection;
    const edge = Object.hasOwn(edges, name) ? edges[name] : undefined;
    const produce = Object.hasOwn(available, name) ? available[name] : undefined;
    if (!edge && !produce) throw nonexistingField(name, nodeType);
    const value = edge ? edge({ fields: selection.children, limit: selection.limit }) : produce?.();
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
