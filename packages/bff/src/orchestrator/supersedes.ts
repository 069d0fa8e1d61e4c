/** Which value of a report line a change sets (webhook or templates step); each has its time. */
export type ChangeKind = "status" | "quality" | "category";

/** A value of a report line and Meta's entry time (Unix seconds) of the change that set it. */
export interface TimedValue {
  /** Meta's `entry.time`; absent when Meta's envelope had none or no webhook set the value yet. */
  at?: number | null;
  /** The quality, the category, or for a status the report's reason (null means APPROVED). */
  value: string | null | undefined;
}

// Meta's entry.time counts seconds, so two changes of one line can share one. The graver value
// then wins, whichever arrives first: the line ends the same for any order of arrival and any
// number of copies, so a redelivered duplicate can never undo a change of the same second.
// Quality: the worse rating. Category: the dearer one (the report never understates the price).
// Status: the later in a template's life, then the graver (a re-check's REJECTED beats APPROVED).
const GRAVITY: Record<ChangeKind, readonly string[]> = {
  quality: ["NA", "UNKNOWN", "GREEN", "YELLOW", "RED"],
  category: ["AUTHENTICATION", "UTILITY", "MARKETING"],
  status: [
    "PENDING",
    "APPROVED",
    "REINSTATED",
    "IN_APPEAL",
    "FLAGGED",
    "PAUSED",
    "LIMIT_EXCEEDED",
    "LOCKED",
    "REJECTED",
    "DISABLED",
    "PENDING_DELETION",
    "ARCHIVED",
    "DELETED",
  ],
};

/**
 * Whether a webhook change replaces what a report line holds (decision 027): a change with a later
 * entry time does, an older one does not, and at the same second the graver value wins. A change
 * without a time, or a line no timed change has set yet, is applied. Applying the winner again
 * changes nothing, so Meta's redeliveries, in any order, are harmless. The templates step's save
 * orders its own readings against what webhooks wrote meanwhile by the same rule
 * (`mergeReportItems`).
 *
 * @example
 * supersedes("quality", { at: 1767610800, value: "YELLOW" }, { at: 1767603600, value: "GREEN" }); // false
 * supersedes("quality", { at: 1767610800, value: "GREEN" }, { at: 1767610800, value: "YELLOW" }); // true
 */
export function supersedes(kind: ChangeKind, held: TimedValue, next: TimedValue): boolean {
  if (next.at == null || held.at == null) return true;
  if (next.at !== held.at) return next.at > held.at;
  const a = gravity(kind, next.value);
  const b = gravity(kind, held.value);
  // The same gravity with another text (two REJECTED reasons): the text decides, so still one winner.
  return a !== b ? a > b : (next.value ?? "") >= (held.value ?? "");
}

/** Rank of a value; a status is ranked by its event (`"REJECTED: SCAM"` by REJECTED). */
function gravity(kind: ChangeKind, value: string | null | undefined): number {
  const name = kind === "status" ? (value ?? "APPROVED").split(":")[0] : value;
  // Values Meta may add later (decision 005) rank below every known one.
  return GRAVITY[kind].indexOf(name ?? "");
}
