import { GraphError } from "./graph-error.js";

/** One entry of Graph's `fields` parameter: `name`, `name.limit(n)`, `name{...}` or both. */
export interface FieldSelection {
  name: string;
  /** The `.limit(n)` modifier, when given. */
  limit?: number;
  /** What is inside the braces, as sent (it is the `fields` of the nested node), when given. */
  children?: string;
}

function syntaxError(what: string, at: number, raw: string): GraphError {
  return new GraphError({
    code: 2500,
    type: "OAuthException",
    message: `Syntax error "${what}" at character ${at}: ${raw}`,
  });
}

const NAME = /[A-Za-z0-9_]/;

/**
 * Parses Graph's field expansion syntax (Graph API guide "Field Expansion"): a comma-separated
 * list of names, each optionally with `.limit(n)` and a nested `{...}` list, nesting to any depth.
 * Malformed input is Graph's 2500 syntax error; a modifier other than `limit` is #100 (the sandbox
 * models only the one the kit uses).
 *
 * @example
 * parseFieldSelection("id,phone_numbers.limit(100){id,status}");
 * // [{ name: "id" }, { name: "phone_numbers", limit: 100, children: "id,status" }]
 */
export function parseFieldSelection(raw: string): FieldSelection[] {
  const out: FieldSelection[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < raw.length && /\s/.test(raw[i] as string)) i += 1;
  };
  const readName = () => {
    const start = i;
    while (i < raw.length && NAME.test(raw[i] as string)) i += 1;
    return raw.slice(start, i);
  };
  while (i < raw.length) {
    skipSpace();
    if (i >= raw.length || raw[i] === ",") {
      // Graph tolerates empty entries (`id,,name`, a trailing comma).
      i += 1;
      continue;
    }
    const name = readName();
    if (!name) throw syntaxError(`Expected a field name instead of "${raw[i]}".`, i, raw);
    const selection: FieldSelection = { name };
    while (raw[i] === ".") {
      i += 1;
      const modifier = readName();
      if (raw[i] !== "(") throw syntaxError(`Expected "(" instead of "${raw[i] ?? ""}".`, i, raw);
      const close = raw.indexOf(")", i);
      if (close < 0) throw syntaxError('Expected ")".', raw.length, raw);
      const arg = raw.slice(i + 1, close).trim();
      i = close + 1;
      if (modifier !== "limit") {
        throw new GraphError({
          code: 100,
          type: "OAuthException",
          message: `(#100) The sandbox does not model the field modifier .${modifier}()`,
        });
      }
      if (!/^\d+$/.test(arg)) throw syntaxError(`Expected a number instead of "${arg}".`, i, raw);
      selection.limit = Number(arg);
    }
    skipSpace();
    if (raw[i] === "{") {
      let depth = 1;
      const start = i + 1;
      i += 1;
      while (i < raw.length && depth > 0) {
        if (raw[i] === "{") depth += 1;
        else if (raw[i] === "}") depth -= 1;
        i += 1;
      }
      if (depth > 0) throw syntaxError('Expected "}".', raw.length, raw);
      selection.children = raw.slice(start, i - 1);
      skipSpace();
    }
    if (i < raw.length && raw[i] !== ",")
      throw syntaxError(`Expected end of string instead of "${raw[i]}".`, i, raw);
    out.push(selection);
  }
  return out;
}
