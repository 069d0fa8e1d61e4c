// PostgreSQL (and so PGlite) refuses two things a JavaScript string may hold: the NUL character
// in text ("invalid byte sequence") and `\u0000` or a lone UTF-16 surrogate in JSON ("unsupported
// Unicode escape sequence"). Such strings come from outside (a URL path, a browser's signup event,
// a webhook change): refusing them would turn bad input into a failed write, and a webhook batch
// Meta redelivers for 36 hours would fail at the same change every time. Both become U+FFFD.

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what PostgreSQL refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const REPLACEMENT = "\ufffd";

/**
 * Whether a journal on PostgreSQL or PGlite keeps `text` as it is (the HTTP edge refuses what it
 * would not).
 *
 * @example
 * isStorableText("a\u0000b"); // false
 */
export function isStorableText(text: string): boolean {
  return storableText(text) === text;
}

/**
 * `text` with every NUL and lone surrogate replaced by U+FFFD; other strings are returned as they are.
 *
 * @example
 * storableText("bad\u0000input"); // "bad\ufffdinput"
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT);
}

/**
 * Query parameters as the database accepts them: strings made storable, everything else unchanged.
 *
 * @example
 * await pg.query(text, storableParams(params));
 */
export function storableParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (typeof p === "string" ? storableText(p) : p));
}

/**
 * JSON text of `value` that a `jsonb` column accepts: storable strings and object keys.
 *
 * @example
 * await db.query("INSERT INTO t (v) VALUES ($1::jsonb)", [storableJson(change.value)]);
 */
export function storableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string") return storableText(v);
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    // Keys are not passed through the replacer on their own: rebuild an object whose keys need it.
    const entries = Object.entries(v);
    if (!entries.some(([k]) => storableText(k) !== k)) return v;
    return Object.fromEntries(entries.map(([k, x]) => [storableText(k), x]));
  });
}
