import type { StoredMigration } from "../store/migration-store.js";

const digits = (text: string | undefined | null) => (text ?? "").replace(/\D/g, "");

/**
 * Whether another migration captured the same phone number as `m`: the same phone number id, or
 * the same digits of its display number (in case Meta gives the number a new id in a new account).
 *
 * @example
 * const twins = page.items.filter(sameNumber(migration));
 */
export function sameNumber(m: StoredMigration): (other: StoredMigration) => boolean {
  const number = digits(m.phone?.displayPhoneNumber);
  return (other) =>
    other.id !== m.id &&
    ((m.phoneNumberId !== null && other.phoneNumberId === m.phoneNumberId) ||
      (number !== "" && digits(other.phone?.displayPhoneNumber) === number));
}
