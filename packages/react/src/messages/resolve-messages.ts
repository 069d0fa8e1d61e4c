import { de } from "./de.js";
import { en } from "./en.js";
import type { Locale, MessageOverrides, Messages } from "./messages.js";

const catalogues: Record<Locale, Messages> = { en, de };

/**
 * The catalogue for a locale with the partner's overrides laid over it, one section deep.
 *
 * @example
 * resolveMessages("de", { launch: { start: "Mit Meta verbinden" } }).launch.start;
 */
export function resolveMessages(locale: Locale = "en", overrides?: MessageOverrides): Messages {
  const base = catalogues[locale] ?? en;
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      typeof value === "object" && typeof current === "object" ? { ...current, ...value } : value;
  }
  return merged as unknown as Messages;
}
