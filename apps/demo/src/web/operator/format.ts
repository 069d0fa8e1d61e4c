/**
 * A time for operators: local date (month by name: "06/12" reads as June in the US) and time with
 * seconds, or an en dash.
 *
 * @example
 * formatTime("2026-11-25T12:00:00.000Z"); // "25 Nov 2026, 13:00:00" (in the browser's time zone)
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" }).format(date);
}

/**
 * A duration between two ISO times: `850 ms`, `2.4 s`, `3 min 5 s`; an en dash when unknown.
 *
 * @example
 * formatDuration("2026-11-25T12:00:00Z", "2026-11-25T12:00:02.400Z"); // "2.4 s"
 */
export function formatDuration(
  from: string | null | undefined,
  to: string | null | undefined,
): string {
  if (!from || !to) return "–";
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
