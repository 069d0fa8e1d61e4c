// A dozen lines of validation combinators for the browser, instead of zod (about 7 kB gzipped in a
// bundle). They mirror the zod/mini semantics the contracts' schemas use, exactly: objects strip
// unknown keys and keep an optional key only when it is present, numbers must be finite, unions take
// the first option that fits. The property tests in this folder hold each lean parser to its schema.

/**
 * A lean validator: returns the value it accepts (objects rebuilt with their known keys only) or
 * throws {@link fail}. Run one with {@link check}.
 *
 * @example
 * const id: Check<string> = pattern(/^\d+$/);
 */
export type Check<T> = (value: unknown) => T;
type Optional<T> = Check<T | undefined> & { optional: true };
type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = {
  [K in keyof S as S[K] extends { optional: true } ? never : K]: ReturnType<S[K]>;
} & { [K in keyof S as S[K] extends { optional: true } ? K : never]?: ReturnType<S[K]> };
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * Rejects the value at hand: throws itself, so callers tell a rejection from a hostile input's own
 * exception.
 *
 * @example
 * const positive: Check<number> = (v) => (number(v) > 0 ? (v as number) : fail());
 */
export const fail = (): never => {
  throw fail;
};

/**
 * Runs a check: the accepted value, or `undefined` when it rejects or the input throws.
 *
 * @example
 * check(string, 42); // undefined
 */
export function check<T>(validator: Check<T>, value: unknown): T | undefined {
  try {
    return validator(value);
  } catch {
    return undefined;
  }
}

/** @example check(string, "a"); // "a" */
export const string: Check<string> = (v) => (typeof v === "string" ? v : fail());
/** Finite numbers only, as zod 4's `z.number()`. @example check(number, Infinity); // undefined */
export const number: Check<number> = (v) =>
  typeof v === "number" && Number.isFinite(v) ? v : fail();
/** @example check(boolean, false); // false */
export const boolean: Check<boolean> = (v) => (typeof v === "boolean" ? v : fail());

/**
 * One of a list of values (zod's `z.enum` and `z.literal`).
 *
 * @example
 * check(oneOf(["a", "b"] as const), "b"); // "b"
 */
export const oneOf =
  <const T extends readonly unknown[]>(values: T): Check<T[number]> =>
  (v) =>
    (values as readonly unknown[]).includes(v) ? (v as T[number]) : fail();

/**
 * A string matching `re`.
 *
 * @example
 * check(pattern(/^\d{1,32}$/), "123"); // "123"
 */
export const pattern =
  (re: RegExp): Check<string> =>
  (v) =>
    re.test(string(v)) ? (v as string) : fail();

/**
 * A string or array of at most `max` elements.
 *
 * @example
 * check(maxLength(string, 3), "abcd"); // undefined
 */
export const maxLength =
  <T extends { length: number }>(inner: Check<T>, max: number): Check<T> =>
  (v) => {
    const out = inner(v);
    return out.length <= max ? out : fail();
  };

/** @example check(nullable(string), null); // null */
export const nullable =
  <T>(inner: Check<T>): Check<T | null> =>
  (v) =>
    v === null ? null : inner(v);

/**
 * `undefined` or the inner value; as an object key, absent keys stay absent.
 *
 * @example
 * check(object({ a: optional(string) }), {}); // {}
 */
export const optional = <T>(inner: Check<T>): Optional<T> =>
  Object.assign((v: unknown) => (v === undefined ? undefined : inner(v)), {
    optional: true as const,
  });

/**
 * An array, every element checked (holes read as `undefined`, as zod reads them).
 *
 * @example
 * check(array(number), [1, 2]); // [1, 2]
 */
export const array =
  <T>(inner: Check<T>): Check<T[]> =>
  (v) => {
    if (!Array.isArray(v)) fail();
    const out: T[] = [];
    for (let i = 0; i < (v as unknown[]).length; i++) out.push(inner((v as unknown[])[i]));
    return out;
  };

/**
 * A non-array object, rebuilt with the shape's keys only (unknown keys are dropped, as zod strips).
 *
 * @example
 * check(object({ id: string }), { id: "1", extra: true }); // { id: "1" }
 */
export const object =
  <S extends Shape>(shape: S): Check<Flat<Out<S>>> =>
  (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) fail();
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const inner = shape[key] as Check<unknown> & { optional?: true };
      // zod's order: check the value read, then ask `in`; an absent optional key's verdict is void.
      let value: unknown;
      let ok = true;
      try {
        value = inner((v as Record<string, unknown>)[key]);
      } catch (error) {
        if (error !== fail) throw error;
        ok = false;
      }
      if (key in (v as object)) out[key] = ok ? value : fail();
      else if (!inner.optional) fail();
    }
    return out as Flat<Out<S>>;
  };

/**
 * The first option that accepts the value (an exception of the input itself is not a rejection:
 * it propagates, as it does through zod).
 *
 * @example
 * check(union(number, string), "v4"); // "v4"
 */
export const union =
  <T extends Check<unknown>[]>(...options: T): Check<ReturnType<T[number]>> =>
  (v) => {
    for (const option of options) {
      try {
        return option(v) as ReturnType<T[number]>;
      } catch (error) {
        if (error !== fail) throw error;
      }
    }
    return fail();
  };
