import type { StoredMigration } from "../store/migration-store.js";

/**
 * The digits of a display number (`+49 30 1234567` → `49301234567`), by which one number is known
 * across accounts when Meta gives it a new id; empty for none.
 *
 * @example
 * phoneDigits("+1 631-555-1234") === phoneDigits("16315551234"); // true
 */
export function phoneDigits(text: string | undefined | null): string {
  return (text ?? "").replace(/\D/g, "");
}

/**
 * Whether another migration captured the same phone number as `m`: the same phone number id, or
 * the same digits of its display number (in case Meta gives the number a new id in a new account).
 *
 * @example
 * const twins = page.items.filter(sameNumber(migration));
 */
export function sameNumber(m: StoredMigration): (other: StoredMigration) => boolean {
  const number = phoneDigits(m.phone?.displayPhoneNumber);
  return (other) =>
    other.id !== m.id &&
    ((m.phoneNumberId !== null && other.phoneNumberId === m.phoneNumberId) ||
      (number !== "" && phoneDigits(other.phone?.displayPhoneNumber) === number));
}
