/**
 * One template's identity across accounts: Meta keeps a template's name and language on the copy,
 * never its id.
 *
 * @example
 * new Map(items.map((t) => [templateKey(t), t]));
 */
export function templateKey(t: { name: string; language: string }): string {
  return `${t.name}\u0000${t.language}`;
}

/**
 * A report line's reason for a status Meta gave a template: null when APPROVED, else the status
 * with Meta's reason when it names one ("REJECTED: INCORRECT_CATEGORY", "PAUSED").
 *
 * @example
 * statusReason("REJECTED", "INCORRECT_CATEGORY"); // "REJECTED: INCORRECT_CATEGORY"
 */
export function statusReason(status: string, reason?: string | null): string | null {
  if (status === "APPROVED") return null;
  return reason && reason !== "NONE" ? `${status}: ${reason}` : status;
}
