/**
 * What PostgreSQL (and so PGlite) cannot keep: U+0000 in `text` and `jsonb`, and UTF-16 halves
 * without their partner (`jsonb` refuses the escape, `text` silently changes it). A request
 * carrying one would otherwise reach the journal and fail there as a 503 "database unreachable".
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what PostgreSQL refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/**
 * Whether the journal can keep `text` as it is.
 *
 * @example
 * isStorableText("a\u0000b"); // false
 */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The path (`a.b.0`) of the first string or key in a parsed JSON `value` the journal cannot keep,
 * or null when every one is storable.
 *
 * @example
 * unstorableAt({ errorMessage: "a\u0000b" }); // "errorMessage"
 */
export function unstorableAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "(body)";
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, key];
    if (!isStorableText(key)) return at.join(".");
    const found = unstorableAt(item, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A parsed JSON `value` with every unstorable character of its strings and keys replaced by
 * U+FFFD, for data that must be kept although a sender got it wrong (signed webhook deliveries).
 *
 * @example
 * toStorable({ name: "a\u0000b" }); // { name: "a\ufffdb" }
 */
export function toStorable(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE_ALL, "\ufffd");
  if (Array.isArray(value)) return value.map(toStorable);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key.replace(UNSTORABLE_ALL, "\ufffd"),
      toStorable(item),
    ]),
  );
}
