import * as fc from "fast-check";

// Test-only: turns valid values into near-misses and hostile look-alikes, for the property tests
// that hold the browser's lean parsers to the zod schemas (browser/*.test.ts).

/** Values that break parsers in interesting ways: wrong types, edge numbers, odd objects. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    "",
    "x".repeat(3000),
    "123",
    true,
    [],
    {},
    [undefined],
    Object.create(null),
    new Date(0),
    new String("running"),
    "running",
    "GREEN",
    "pin_mismatch",
    "CANCEL",
    "FINISH",
    "PERMISSIONS",
    "WA_EMBEDDED_SIGNUP",
    "toString",
    "__proto__",
  ),
  fc.anything({ maxDepth: 2 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [path];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value as object);
  return [
    path,
    ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...path, k])),
  ];
}

function edit(
  value: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return copy;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}

/**
 * A valid value with one random change somewhere inside it: a key removed, set to `undefined`, or
 * replaced by an odd value, an extra key added, an array element appended, or the whole value
 * replaced. Most results are invalid; some stay valid (an extra key, a different valid enum value).
 *
 * @example
 * fc.assert(fc.property(variantOf(validMigration), (v) => expect(lean(v)).toEqual(zod(v))));
 */
export function variantOf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.nat(4), oddValue, fc.string({ maxLength: 12 }))
    .map(([value, pick, kind, odd, extraKey]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length] as Path;
      if (path.length === 0) return kind === 0 ? odd : value;
      return edit(value, path, (parent, key) => {
        if (kind === 0) parent[key] = odd;
        else if (kind === 1) delete parent[key];
        else if (kind === 2) parent[key] = undefined;
        // An array gets an element, not a named key: `length` or an index as the key would
        // resize it (a RangeError for odd lengths) instead of adding something.
        else if (Array.isArray(parent)) parent.push(odd);
        else parent[extraKey] = odd;
      });
    });
}

/**
 * Look-alikes that a JSON body cannot produce but a hostile caller can: a throwing getter on every
 * key in turn, a proxy whose traps throw, sparse arrays, keys only on the prototype, a class
 * instance. Each is built from a valid value.
 *
 * @example
 * for (const [name, input] of hostileVariants(validValue)) compare(name, input);
 */
export function hostileVariants(valid: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(valid)) {
    const withGetter = { ...valid };
    Object.defineProperty(withGetter, key, {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    out.push([`throwing getter on ${key}`, withGetter]);
    const inherited = Object.create({ [key]: valid[key] }) as Record<string, unknown>;
    for (const other of Object.keys(valid)) if (other !== key) inherited[other] = valid[other];
    out.push([`${key} only on the prototype`, inherited]);
    const value = valid[key];
    if (Array.isArray(value) && value.length > 0) {
      const sparse = [...value];
      sparse.length += 2;
      out.push([`sparse ${key}`, { ...valid, [key]: sparse }]);
    }
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [name, inner] of hostileVariants(value as Record<string, unknown>))
        out.push([`${key}: ${name}`, { ...valid, [key]: inner }]);
    }
  }
  out.push([
    "a proxy whose has-trap throws",
    new Proxy(
      { ...valid },
      {
        has() {
          throw new Error("has");
        },
      },
    ),
  ]);
  out.push(["a proxy that reports no keys", new Proxy({ ...valid }, { has: () => false })]);
  class Instance {
    constructor() {
      Object.assign(this, valid);
    }
  }
  out.push(["a class instance", new Instance()]);
  out.push(["an array with the keys", Object.assign([], valid)]);
  out.push(["a __proto__ key from JSON", JSON.parse(`{"__proto__":${JSON.stringify(valid)}}`)]);
  return out;
}
