import { isStorableText } from "../store/storable-text.js";

/**
 * The path (`a.b.0`) of the first string or key in a parsed JSON `value` the journal cannot keep
 * (U+0000, a lone UTF-16 surrogate: a request carrying one is refused at the edge instead of
 * reaching the journal), or null when every one is storable.
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
